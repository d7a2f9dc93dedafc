// The forms of the editors' guide pages (/beheer/gids…), each a plain POST with an `intent`, so all of
// it works without JavaScript. One function reads a form, calls draft-versions.server.ts and says what the
// page does next: go to an address with a notice, or show the form again with exactly what was typed,
// a message in the reader's language, a preview, or a question to confirm.
import { z } from "zod";
import type { Db } from "../../infra/db.server.ts";
import { AppError, type AppErrorCode, isAppError } from "../../infra/errors.ts";
import { textFieldsOf, textOf } from "../../infra/form-data.ts";
import { refusalOf } from "../../infra/refused-form.server.ts";
import type { PageCacheControl } from "../../infra/services.server.ts";
import type { Actor } from "../accounts/authorization.ts";
import {
  addDraftPart,
  createDraft,
  discardDraft,
  insertDraftBlockAfter,
  moveDraftBlock,
  moveDraftPart,
  publishDraft,
  removeDraftBlock,
  removeDraftPart,
  requireDraft,
  setChangelog,
  updateDraftBlock,
  updateDraftPart,
} from "./draft-versions.server.ts";
import { renderBlock } from "./guide-markdown.ts";

export const GUIDE_INTENTS = [
  "concept-maken",
  "concept-weggooien",
  "publiceren",
  "wijzigingen-opslaan",
  "wijzigingen-voorbeeld",
  "deel-toevoegen",
  "deel-opslaan",
  "deel-omhoog",
  "deel-omlaag",
  "deel-weghalen",
  "alinea-opslaan",
  "alinea-toevoegen",
  "alinea-voorbeeld",
  "alinea-omhoog",
  "alinea-omlaag",
  "alinea-weghalen",
] as const;
export type GuideIntent = (typeof GUIDE_INTENTS)[number];

/** What a page says after a redirect (`?gedaan=`). */
export const GUIDE_NOTICES = [
  "concept-gemaakt",
  "concept-weggegooid",
  "gepubliceerd",
  "wijzigingen-opgeslagen",
  "deel-toegevoegd",
  "deel-opgeslagen",
  "deel-verplaatst",
  "deel-weggehaald",
  "alinea-opgeslagen",
  "alinea-toegevoegd",
  "alinea-verplaatst",
  "alinea-weggehaald",
] as const;
export type GuideNotice = (typeof GUIDE_NOTICES)[number];

export type GuideEditOutcome =
  | {
      kind: "done";
      location: string;
    }
  | {
      kind: "again";
      status: number;
      intent: GuideIntent | null;
      values: Record<string, string>;
      errors: Record<string, string>;
      /** A problem that belongs to no field. */
      problem: string | null;
      /** The Markdown as it will look, for "Voorbeeld bekijken". */
      previewHtml: string | null;
      /** What needs a yes first: throwing the draft away, publishing, or removing a part. */
      confirm: { intent: "concept-weggooien" | "publiceren" | "deel-weghalen"; slug?: string } | null;
    };

const Intent = z.enum(GUIDE_INTENTS);
const VersionId = z.uuid();
const Name = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(120);

const PART_NOT_FOUND = "problems.guide.partNotFound";
const PARAGRAPH_NOT_FOUND = "problems.guide.paragraphNotFound";

const EDITOR = "/beheer/gids";
const DRAFT = "/beheer/gids/concept";

/** A part's slug or a paragraph's anchor from the form; `notFound` is the message when it is no name. */
function nameFrom(form: FormData, field: string, notFound: string): string {
  const parsed = Name.safeParse(form.get(field));
  if (!parsed.success) throw new AppError("not_found", notFound);
  return parsed.data;
}

/**
 * Applies one form of the guide editor (make, edit, publish or throw away a draft, its parts and
 * paragraphs) and drops the cached pages that change with it.
 */
export async function applyGuideEdit(options: {
  db: Db;
  /** Published and draft versions show on cached pages (the versions list, the guide, the cards' principles). */
  pageCache: PageCacheControl;
  actor: Actor;
  form: FormData;
  /** The request the form came with: messages are said in its reader's language. */
  request: Request;
  /** The part whose page sent the form, for the paragraph intents. */
  partSlug?: string;
}): Promise<GuideEditOutcome> {
  const outcome = await runGuideEdit(options);
  if (outcome.kind === "again") return outcome;
  if ("invalidate" in outcome && outcome.invalidate) {
    await options.pageCache.invalidate("guide");
    await options.pageCache.invalidate("dilemmas");
  }
  return { kind: "done", location: outcome.location };
}

/** The Markdown as the published page will show it, links pointing into the draft. */
export function previewOf(options: { markdown: string; versionNumber: number }): string {
  return renderBlock({
    markdown: options.markdown,
    partHref: (slug) => `/gids/versie/${options.versionNumber}/${slug}`,
    headingShift: 1,
  });
}

async function runGuideEdit(options: {
  db: Db;
  actor: Actor;
  form: FormData;
  /** Its refusals are said in the reader's language. */
  request: Request;
  /** The part whose page sent the form, for the paragraph intents. */
  partSlug?: string;
}): Promise<GuideEditOutcome | (Extract<GuideEditOutcome, { kind: "done" }> & { invalidate: boolean })> {
  const { db, actor, form } = options;
  const intent = Intent.safeParse(form.get("intent"));
  type Again = Extract<GuideEditOutcome, { kind: "again" }>;
  const again = (extra: Partial<Again>): Again => ({
    kind: "again",
    status: 400,
    intent: intent.success ? intent.data : null,
    values: {},
    errors: {},
    problem: null,
    previewHtml: null,
    confirm: null,
    ...extra,
  });
  /**
   * The form again after a refusal, with what was typed; what `refusalOf` does not say (a missing
   * part, an outage) goes on up.
   */
  const refused = (
    error: unknown,
    shown: { values?: Record<string, string>; say?: readonly AppErrorCode[]; field?: string } = {},
  ): Again =>
    again({
      values: shown.values ?? {},
      ...refusalOf(error, { request: options.request, say: shown.say, field: shown.field }),
    });
  const unknownIntent = () =>
    refused(new AppError("invalid", "problems.guide.unknownIntent"), { say: ["invalid"] });
  if (!intent.success) return unknownIntent();
  const confirmed = form.get("bevestigen") === "ja";

  if (intent.data === "concept-maken") {
    try {
      await createDraft({ db, actor });
    } catch (error) {
      // A draft that exists already (409) or a guide with no version to start from (404).
      return refused(error, { say: ["conflict", "not_found"] });
    }
    return { kind: "done", location: `${DRAFT}?gedaan=concept-gemaakt`, invalidate: true };
  }

  // Every other form names the draft it was made for, so a page left open cannot change another one.
  const versionId = VersionId.safeParse(form.get("concept"));
  if (!versionId.success) throw new AppError("not_found", "problems.guide.draftNotFound");
  const draft = await requireDraft({ db }).catch(() => undefined);
  if (!draft || draft.id !== versionId.data)
    return refused(new AppError("conflict", "problems.guide.draftGone"), { say: ["conflict"] });
  const base = { db, versionId: draft.id };
  const partPage = (slug: string, notice: GuideNotice, hash = "") =>
    `${DRAFT}/${slug}?gedaan=${notice}${hash}`;

  try {
    switch (intent.data) {
      case "concept-weggooien": {
        if (!confirmed) return again({ status: 200, confirm: { intent: "concept-weggooien" } });
        await discardDraft({ db, actor, versionId: draft.id });
        return { kind: "done", location: `${EDITOR}?gedaan=concept-weggegooid`, invalidate: true };
      }
      case "publiceren": {
        if (!confirmed) return again({ status: 200, confirm: { intent: "publiceren" } });
        try {
          const published = await publishDraft({ db, actor, versionId: draft.id });
          return {
            kind: "done",
            location: `${EDITOR}?gedaan=gepubliceerd&versie=${published.number}`,
            invalidate: true,
          };
        } catch (error) {
          // A missing changelog belongs to a field of another form: say it at the button, without its field.
          if (isAppError(error) && error.code === "invalid")
            return refused(new AppError("invalid", error.message, { cause: error }), { say: ["invalid"] });
          throw error;
        }
      }
      case "wijzigingen-opslaan":
      case "wijzigingen-voorbeeld": {
        const values = textFieldsOf(form, ["label", "edition", "changelog"]);
        if (intent.data === "wijzigingen-voorbeeld") {
          return again({
            status: 200,
            values,
            previewHtml: previewOf({ markdown: values.changelog, versionNumber: draft.number }),
          });
        }
        await setChangelog({ ...base, ...values });
        return {
          kind: "done",
          location: `${DRAFT}?gedaan=wijzigingen-opgeslagen#wijzigingen`,
          invalidate: true,
        };
      }
      case "deel-toevoegen": {
        const values = textFieldsOf(form, ["title", "summary", "kind"]);
        try {
          const { slug } = await addDraftPart({ ...base, ...values });
          return { kind: "done", location: partPage(slug, "deel-toegevoegd"), invalidate: false };
        } catch (error) {
          return refused(error, { values, say: ["invalid"], field: "form" });
        }
      }
      case "deel-opslaan": {
        const slug = options.partSlug ?? nameFrom(form, "deel", PART_NOT_FOUND);
        const values = textFieldsOf(form, ["title", "summary", "kind"]);
        try {
          await updateDraftPart({ ...base, slug, ...values });
        } catch (error) {
          return refused(error, { values, say: ["invalid"], field: "form" });
        }
        return { kind: "done", location: partPage(slug, "deel-opgeslagen"), invalidate: false };
      }
      case "deel-omhoog":
      case "deel-omlaag": {
        const slug = nameFrom(form, "deel", PART_NOT_FOUND);
        await moveDraftPart({ ...base, slug, direction: intent.data === "deel-omhoog" ? "up" : "down" });
        return { kind: "done", location: `${DRAFT}?gedaan=deel-verplaatst#deel-${slug}`, invalidate: false };
      }
      case "deel-weghalen": {
        const slug = nameFrom(form, "deel", PART_NOT_FOUND);
        if (!confirmed) return again({ status: 200, confirm: { intent: "deel-weghalen", slug } });
        await removeDraftPart({ ...base, slug });
        return { kind: "done", location: `${DRAFT}?gedaan=deel-weggehaald#delen`, invalidate: false };
      }
      case "alinea-opslaan":
      case "alinea-toevoegen":
      case "alinea-voorbeeld": {
        const partSlug = options.partSlug ?? nameFrom(form, "deel", PART_NOT_FOUND);
        const anchor = textOf(form, "anker");
        const after = textOf(form, "na");
        const values = { markdown: textOf(form, "markdown"), anker: anchor, na: after };
        const adding = anchor === "";
        if (intent.data === "alinea-voorbeeld") {
          return again({
            status: 200,
            intent: adding ? "alinea-toevoegen" : "alinea-opslaan",
            values,
            previewHtml: previewOf({ markdown: values.markdown, versionNumber: draft.number }),
          });
        }
        try {
          if (intent.data === "alinea-opslaan") {
            await updateDraftBlock({
              ...base,
              partSlug,
              anchor: nameFrom(form, "anker", PARAGRAPH_NOT_FOUND),
              markdown: values.markdown,
            });
            return {
              kind: "done",
              location: partPage(partSlug, "alinea-opgeslagen", `#alinea-${anchor}`),
              invalidate: false,
            };
          }
          const afterAnchor =
            after === "" || after === "begin" ? null : nameFrom(form, "na", PARAGRAPH_NOT_FOUND);
          const added = await insertDraftBlockAfter({
            ...base,
            partSlug,
            afterAnchor,
            markdown: values.markdown,
          });
          return {
            kind: "done",
            location: partPage(partSlug, "alinea-toegevoegd", `#alinea-${added.anchor}`),
            invalidate: false,
          };
        } catch (error) {
          return refused(error, { values, say: ["invalid"], field: "form" });
        }
      }
      case "alinea-omhoog":
      case "alinea-omlaag": {
        const partSlug = options.partSlug ?? nameFrom(form, "deel", PART_NOT_FOUND);
        const anchor = nameFrom(form, "anker", PARAGRAPH_NOT_FOUND);
        await moveDraftBlock({
          ...base,
          partSlug,
          anchor,
          direction: intent.data === "alinea-omhoog" ? "up" : "down",
        });
        return {
          kind: "done",
          location: partPage(partSlug, "alinea-verplaatst", `#alinea-${anchor}`),
          invalidate: false,
        };
      }
      case "alinea-weghalen": {
        const partSlug = options.partSlug ?? nameFrom(form, "deel", PART_NOT_FOUND);
        const anchor = nameFrom(form, "anker", PARAGRAPH_NOT_FOUND);
        await removeDraftBlock({ ...base, partSlug, anchor });
        return {
          kind: "done",
          location: partPage(partSlug, "alinea-weggehaald", "#alineas"),
          invalidate: false,
        };
      }
    }
  } catch (error) {
    // Also what the forms above did not say themselves: a conflict, or invalid with no field to say it at.
    return refused(error, { values: valuesOf(form), say: ["invalid", "conflict"] });
  }
  return unknownIntent();
}

/** Everything typed into the form, so it comes back after a refusal. */
function valuesOf(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string") values[name] = value;
  return values;
}
