import type { Db } from "../../infra/db.server.ts";
import type { Stance, Tally } from "./analysis/statement-stats.ts";
import { MIN_PEOPLE_SHOWN } from "./consultation-limits.ts";
import {
  analysisOf,
  countsOf,
  requireConsultationBySlug,
  type StoredAnalysis,
  shownStatements,
} from "./consultations.server.ts";

export interface Shares {
  agree: number;
  disagree: number;
  pass: number;
  /** How many people these shares are of. */
  people: number;
}

export interface ReportStatement {
  number: number;
  text: string;
}

export interface ReportGroup {
  letter: string;
  size: number;
  /** False for a group of fewer than MIN_PEOPLE_SHOWN people: it is counted, not described. */
  shown: boolean;
  representative: (ReportStatement & { stance: Stance; share: number; othersShare: number })[];
}

export interface Report {
  slug: string;
  question: string;
  introduction: string;
  /** The language of the question and the statements. */
  lang: "nl" | "en";
  state: "open" | "gesloten" | "gearchiveerd";
  opensAt: string;
  closesAt: string;
  source: string | null;
  counts: { participants: number; votes: number; statements: number };
  analysedAt: string | null;
  placed: number;
  /** How clearly the groups differ, from the silhouette of the chosen number of groups. */
  separation: "duidelijk" | "enigszins" | "nauwelijks" | null;
  groups: ReportGroup[];
  /** Places on the map, scaled to 0…1, with the group's letter, or null for a group too small to name. */
  map: { x: number; y: number; group: string | null }[];
  consensus: (ReportStatement & { stance: Stance; groups: { letter: string; share: number }[] })[];
  uncertain: (ReportStatement & { passShare: number; people: number })[];
  statements: (ReportStatement & {
    all: Shares | null;
    groups: { letter: string; shares: Shares | null }[];
  })[];
}

const LETTERS = "ABCDEFGHIJ";

function sharesOf(tally: Tally | undefined): Shares | null {
  if (!tally) return null;
  const people = tally.agree + tally.disagree + tally.pass;
  if (people < MIN_PEOPLE_SHOWN) return null;
  return {
    agree: tally.agree / people,
    disagree: tally.disagree / people,
    pass: tally.pass / people,
    people,
  };
}

function separationOf(analysis: StoredAnalysis): Report["separation"] {
  const chosen = analysis.separation.find((option) => option.groups === analysis.groups.length);
  if (!chosen) return null;
  if (chosen.silhouette >= 0.5) return "duidelijk";
  if (chosen.silhouette >= 0.25) return "enigszins";
  return "nauwelijks";
}

export async function consultationReport(db: Db, slug: string): Promise<Report> {
  const consultation = await requireConsultationBySlug(db, slug);
  const statementRows = await shownStatements(db, consultation.id);
  const textOf = new Map(statementRows.map((row) => [String(row.number), row.text]));
  const counts = await countsOf(db, consultation.id);
  const { analysis } = await analysisOf(db, consultation.id);
  const base = {
    slug: consultation.slug,
    question: consultation.question,
    introduction: consultation.introduction,
    lang: consultation.contentLanguage,
    state: consultation.state,
    opensAt: consultation.opensAt.toISOString(),
    closesAt: consultation.closesAt.toISOString(),
    source: consultation.source,
    counts: { ...counts, statements: statementRows.length },
    analysedAt: consultation.analysedAt?.toISOString() ?? null,
  };
  if (!analysis) {
    return {
      ...base,
      placed: 0,
      separation: null,
      groups: [],
      map: [],
      consensus: [],
      uncertain: [],
      statements: statementRows.map((row) => ({ ...row, all: null, groups: [] })),
    };
  }
  const letterOf = new Map(
    analysis.groups.map((group, index) => [group.id, LETTERS[index] ?? String(group.id)]),
  );
  const shownGroup = new Map(analysis.groups.map((group) => [group.id, group.size >= MIN_PEOPLE_SHOWN]));
  const tallyOf = new Map(analysis.tallies.map((tally) => [tally.statement, tally]));
  const statement = (id: string): ReportStatement | undefined => {
    const text = textOf.get(id);
    return text === undefined ? undefined : { number: Number(id), text };
  };
  const groupTally = (id: string, group: number) =>
    tallyOf.get(id)?.byGroup.find(([of]) => of === group)?.[1];
  const othersTally = (id: string, group: number): Tally => {
    const rest = { agree: 0, disagree: 0, pass: 0 };
    for (const [of, tally] of tallyOf.get(id)?.byGroup ?? []) {
      if (of === group) continue;
      rest.agree += tally.agree;
      rest.disagree += tally.disagree;
      rest.pass += tally.pass;
    }
    return rest;
  };

  const groups: ReportGroup[] = analysis.groups.map((group) => {
    const shown = shownGroup.get(group.id) ?? false;
    return {
      letter: letterOf.get(group.id) ?? "?",
      size: group.size,
      shown,
      representative: shown
        ? group.representative.flatMap((found) => {
            const text = statement(found.statement);
            const own = sharesOf(groupTally(found.statement, group.id));
            const others = sharesOf(othersTally(found.statement, group.id));
            if (!text || !own || !others) return [];
            return [
              { ...text, stance: found.stance, share: own[found.stance], othersShare: others[found.stance] },
            ];
          })
        : [],
    };
  });

  const xs = analysis.places.map((place) => place.x);
  const ys = analysis.places.map((place) => place.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Three decimals: more than a map of 400 points wide can show, and a smaller page.
  const scale = (value: number, low: number, high: number) =>
    high > low ? Math.round(((value - low) / (high - low)) * 1000) / 1000 : 0.5;
  const map =
    analysis.places.length >= MIN_PEOPLE_SHOWN
      ? analysis.places
          .map((place) => ({
            x: scale(place.x, minX, maxX),
            y: scale(place.y, minY, maxY),
            group: shownGroup.get(place.group) ? (letterOf.get(place.group) ?? null) : null,
          }))
          // In the order of where they are, never of who joined when (an analysis kept before they
          // were stored sorted has them in the participants' order).
          .sort((a, b) => a.x - b.x || a.y - b.y)
      : [];

  const everyGroupShown = analysis.groups.every((group) => shownGroup.get(group.id));
  const consensus = everyGroupShown
    ? analysis.consensus.flatMap((found) => {
        const text = statement(found.statement);
        const perGroup = analysis.groups.map((group) => ({
          letter: letterOf.get(group.id) ?? "?",
          shares: sharesOf(groupTally(found.statement, group.id)),
        }));
        if (!text || perGroup.some((entry) => !entry.shares)) return [];
        return [
          {
            ...text,
            stance: found.stance,
            groups: perGroup.map((entry) => ({
              letter: entry.letter,
              share: entry.shares?.[found.stance] ?? 0,
            })),
          },
        ];
      })
    : [];

  const uncertain = analysis.uncertain.flatMap((found) => {
    const text = statement(found.statement);
    const all = sharesOf(tallyOf.get(found.statement)?.all);
    return text && all ? [{ ...text, passShare: all.pass, people: all.people }] : [];
  });

  const statements = statementRows.map((row) => {
    const id = String(row.number);
    return {
      ...row,
      all: sharesOf(tallyOf.get(id)?.all),
      groups: analysis.groups
        .filter((group) => shownGroup.get(group.id))
        .map((group) => ({
          letter: letterOf.get(group.id) ?? "?",
          shares: sharesOf(groupTally(id, group.id)),
        })),
    };
  });

  return {
    ...base,
    placed: analysis.placed,
    separation: analysis.groups.length > 1 ? separationOf(analysis) : null,
    groups,
    map,
    consensus,
    uncertain,
    statements,
  };
}
