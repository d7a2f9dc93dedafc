// Shows readers what changed between two versions of the guide: parts matched by slug, blocks by anchor,
// words within a changed block. Pure: no I/O.
import { type ChangeObject, diffWords } from "diff";
import type { BlockKind, GuideBlock } from "./guide-block.ts";

export interface DiffPartInput {
  slug: string;
  title: string;
  blocks: GuideBlock[];
}

export type WordChange = { kind: "same" | "added" | "removed"; text: string };

export type BlockDiff =
  | { status: "added" | "removed" | "unchanged"; anchor: string; kind: BlockKind; text: string }
  | { status: "changed"; anchor: string; kind: BlockKind; words: WordChange[] };

export interface PartDiff {
  slug: string;
  /** The title in the newer version, or the older one when the part was removed. */
  title: string;
  status: "added" | "removed" | "changed" | "unchanged";
  /** Only present when the title changed. */
  titleWords?: WordChange[];
  blocks: BlockDiff[];
}

export interface VersionDiff {
  parts: PartDiff[];
  /** Counts of blocks, over all parts. */
  counts: { added: number; removed: number; changed: number };
}

/**
 * Compares two versions part by part and block by block, in the order of `to`. Something that exists
 * only in `from` is shown right after whatever preceded it there, so a reader sees it where it used to be.
 */
export function diffVersions(options: { from: DiffPartInput[]; to: DiffPartInput[] }): VersionDiff {
  const pairs = alignByKey({ from: options.from, to: options.to, keyOf: (part) => part.slug });
  const parts = pairs.map(diffPart);
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const part of parts) {
    for (const block of part.blocks) {
      if (block.status !== "unchanged") counts[block.status] += 1;
    }
  }
  return { parts, counts };
}

/**
 * Word-level changes from `before` to `after`. Joining the "same" and "added" pieces gives `after`
 * exactly, and "same" and "removed" gives `before`, whitespace included.
 */
export function diffWordsOf(options: { before: string; after: string }): WordChange[] {
  const { before, after } = options;
  if (before === after) return before === "" ? [] : [{ kind: "same", text: before }];
  const changes = diffWords(before, after).map(
    (change): WordChange => ({ kind: kindOf(change), text: change.value }),
  );
  // jsdiff ignores whitespace when matching words and may tidy it away at the edges; when its result
  // does not spell out both texts, the words are laid back onto the texts themselves.
  const exact = spellsOut({ changes, before, after })
    ? changes
    : (projectOntoTexts({ changes, before, after }) ?? [
        { kind: "removed", text: before },
        { kind: "added", text: after },
      ]);
  return mergeChanges(exact);
}

/** Something in one version, the other, or both. */
type Pair<T> = { before: T; after?: undefined } | { before?: T; after: T };

/** Pairs items by key in the order of `to`; an item only in `from` follows the item it followed there. */
function alignByKey<T>(options: {
  from: readonly T[];
  to: readonly T[];
  keyOf: (item: T) => string;
}): Pair<T>[] {
  const fromKeys = occurrenceKeys(options.from, options.keyOf);
  const toKeys = occurrenceKeys(options.to, options.keyOf);
  const toKeySet = new Set(toKeys);
  const fromByKey = new Map<string, T>();
  // The removed item that followed a given key in `from` (undefined: the start).
  const removedAfter = new Map<string | undefined, { key: string; item: T }>();
  let previousKey: string | undefined;
  options.from.forEach((item, index) => {
    const key = fromKeys[index] as string;
    fromByKey.set(key, item);
    if (!toKeySet.has(key)) removedAfter.set(previousKey, { key, item });
    previousKey = key;
  });

  const pairs: Pair<T>[] = [];
  // A removed item may itself be followed by a removed item, so follow the chain.
  const placeRemovedAfter = (key: string | undefined) => {
    for (let next = removedAfter.get(key); next; next = removedAfter.get(next.key)) {
      pairs.push({ before: next.item });
    }
  };
  placeRemovedAfter(undefined);
  options.to.forEach((item, index) => {
    const key = toKeys[index] as string;
    pairs.push({ before: fromByKey.get(key), after: item });
    placeRemovedAfter(key);
  });
  return pairs;
}

/** Keys that stay unique when a key repeats by mistake: the second "a" only matches the second "a". */
function occurrenceKeys<T>(items: readonly T[], keyOf: (item: T) => string): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = keyOf(item);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return `${key}\u0000${occurrence}`;
  });
}

function diffPart(pair: Pair<DiffPartInput>): PartDiff {
  if (!pair.after) {
    const { slug, title, blocks } = pair.before;
    return {
      slug,
      title,
      status: "removed",
      blocks: blocks.map((block) => describeBlock({ status: "removed", block })),
    };
  }
  if (!pair.before) {
    const { slug, title, blocks } = pair.after;
    return {
      slug,
      title,
      status: "added",
      blocks: blocks.map((block) => describeBlock({ status: "added", block })),
    };
  }
  const { before, after } = pair;

  const blocks = alignByKey({ from: before.blocks, to: after.blocks, keyOf: (block) => block.anchor }).map(
    diffBlock,
  );
  const titleChanged = before.title !== after.title;
  const changed = titleChanged || blocks.some((block) => block.status !== "unchanged");
  return {
    slug: after.slug,
    title: after.title,
    status: changed ? "changed" : "unchanged",
    ...(titleChanged ? { titleWords: diffWordsOf({ before: before.title, after: after.title }) } : {}),
    blocks,
  };
}

function diffBlock(pair: Pair<GuideBlock>): BlockDiff {
  if (!pair.after) return describeBlock({ status: "removed", block: pair.before });
  if (!pair.before) return describeBlock({ status: "added", block: pair.after });
  const { before, after } = pair;
  // Markdown-only edits (a link target, emphasis) are not what a reader means by a changed text.
  if (before.text === after.text) return describeBlock({ status: "unchanged", block: after });
  return {
    status: "changed",
    anchor: after.anchor,
    kind: after.kind,
    words: diffWordsOf({ before: before.text, after: after.text }),
  };
}

function describeBlock(options: { status: "added" | "removed" | "unchanged"; block: GuideBlock }): BlockDiff {
  const { status, block } = options;
  return { status, anchor: block.anchor, kind: block.kind, text: block.text };
}

function kindOf(change: ChangeObject<string>): WordChange["kind"] {
  if (change.added) return "added";
  if (change.removed) return "removed";
  return "same";
}

function spellsOut(options: { changes: WordChange[]; before: string; after: string }): boolean {
  const { changes, before, after } = options;
  const join = (skip: WordChange["kind"]) =>
    changes
      .filter((change) => change.kind !== skip)
      .map((change) => change.text)
      .join("");
  return join("added") === before && join("removed") === after;
}

const WHITESPACE = /\s/u;

/**
 * Replays jsdiff's verdict on every non-whitespace character over the original texts, taking the
 * whitespace from the texts themselves. Returns undefined if jsdiff's characters do not line up.
 */
function projectOntoTexts(options: {
  changes: WordChange[];
  before: string;
  after: string;
}): WordChange[] | undefined {
  const { before, after } = options;
  const out: WordChange[] = [];
  const emit = (kind: WordChange["kind"], text: string) => {
    const last = out.at(-1);
    if (text === "") return;
    if (last?.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  const skipWhitespace = (text: string, from: number) => {
    let end = from;
    while (end < text.length && WHITESPACE.test(text.charAt(end))) end += 1;
    return end;
  };
  // Whitespace both texts have in the same place is kept; differing whitespace is a change of its own.
  const emitGaps = (gapBefore: string, gapAfter: string) => {
    if (gapBefore === gapAfter) emit("same", gapBefore);
    else {
      emit("removed", gapBefore);
      emit("added", gapAfter);
    }
  };

  let inBefore = 0;
  let inAfter = 0;
  for (const change of options.changes) {
    for (const character of change.text) {
      if (WHITESPACE.test(character)) continue;
      const beforeAt = skipWhitespace(before, inBefore);
      const afterAt = skipWhitespace(after, inAfter);
      if (change.kind !== "added" && !before.startsWith(character, beforeAt)) return undefined;
      if (change.kind !== "removed" && !after.startsWith(character, afterAt)) return undefined;
      if (change.kind === "same") {
        emitGaps(before.slice(inBefore, beforeAt), after.slice(inAfter, afterAt));
        emit("same", character);
        inBefore = beforeAt + character.length;
        inAfter = afterAt + character.length;
      } else if (change.kind === "removed") {
        emit("removed", before.slice(inBefore, beforeAt + character.length));
        inBefore = beforeAt + character.length;
      } else {
        emit("added", after.slice(inAfter, afterAt + character.length));
        inAfter = afterAt + character.length;
      }
    }
  }
  if (skipWhitespace(before, inBefore) !== before.length || skipWhitespace(after, inAfter) !== after.length) {
    return undefined;
  }
  emitGaps(before.slice(inBefore), after.slice(inAfter));
  return out;
}

/** Drops empty pieces, joins neighbours of one kind, and shows each run of edits as removed-then-added. */
function mergeChanges(changes: WordChange[]): WordChange[] {
  const merged: WordChange[] = [];
  let removed = "";
  let added = "";
  const flushEdits = () => {
    if (removed) merged.push({ kind: "removed", text: removed });
    if (added) merged.push({ kind: "added", text: added });
    removed = "";
    added = "";
  };
  for (const change of changes) {
    if (change.text === "") continue;
    if (change.kind === "removed") removed += change.text;
    else if (change.kind === "added") added += change.text;
    else {
      flushEdits();
      const last = merged.at(-1);
      if (last?.kind === "same") last.text += change.text;
      else merged.push({ kind: "same", text: change.text });
    }
  }
  flushEdits();
  return merged;
}
