// A phone's side of a live conversation (JavaScript only): following the participants' stream and
// reloading the page's data only when what the phone shows changes, spread over a second so a full
// room does not ask at once; and what a screen reader should hear when the question, its round or its
// results change. The facilitator's pages follow their stream with useLiveRevalidation
// (conversation-live.tsx), which reloads on every new version instead.
import { useEffect, useRef, useState } from "react";
import { useRevalidator } from "react-router";

/**
 * How often at most the server sends phones a stand in which only a count (answers, participants)
 * changed. What a phone shows goes out at once; a count alone does not change it, and at ten a second to
 * a room of thousands it would be most of the server's work.
 */
export const PHONE_COUNT_INTERVAL_MS = 2000;

/** The part of the shared view that changes what a phone shows; a new count of answers does not. */
interface LiveState {
  status: string;
  question: { id: string; state: string; round: number; revealedRound: number } | null;
  approved: readonly string[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The live state in a streamed stand, or undefined when it does not have the expected shape. The server
 * uses it too, to send a stand whose counts alone changed less often.
 */
export function liveStateOf(stand: unknown): LiveState | undefined {
  // Checked by hand, not with the zod schemas, which would go to every phone with this page.
  if (!isObject(stand) || typeof stand.status !== "string" || !("current" in stand)) return undefined;
  const current = stand.current;
  if (current === null) return { status: stand.status, question: null, approved: [] };
  if (!isObject(current) || !isObject(current.question)) return undefined;
  const { id, state, round, revealedRound } = current.question;
  if (typeof id !== "string" || typeof state !== "string") return undefined;
  if (typeof round !== "number" || typeof revealedRound !== "number") return undefined;
  const results = current.results;
  if (results !== undefined && results !== null && !isObject(results)) return undefined;
  const approved = results?.approved;
  if (
    approved !== undefined &&
    !(Array.isArray(approved) && approved.every((item): item is string => typeof item === "string"))
  ) {
    return undefined;
  }
  return { status: stand.status, question: { id, state, round, revealedRound }, approved: approved ?? [] };
}

export function liveKeyOf(state: LiveState): string {
  const { status, question } = state;
  const approved = [...state.approved].sort();
  return JSON.stringify([
    status,
    question?.id,
    question?.state,
    question?.round,
    question?.revealedRound,
    approved,
  ]);
}

function streamedKeyOf(json: string): string | undefined {
  try {
    const state = liveStateOf(JSON.parse(json));
    return state && liveKeyOf(state);
  } catch {
    return undefined;
  }
}

// Spread the reloads of a full room over a second, so 2,000 phones do not ask at the same instant.
const SPREAD_MS = 1000;
// Longer timers than this are not worth a browser timeout; the stream or the button catches up.
const MAX_TIMER_MS = 6 * 60 * 60 * 1000;

/**
 * Reloads the page's data when the stream says the question, its state or its results changed, and
 * once more when the question's timer runs out. The stream closes when the page goes.
 */
export function useLiveReload(options: { key: string | undefined; closesAt: string | null | undefined }) {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const shown = useRef(options.key);
  shown.current = options.key;
  const following = options.key !== undefined;

  useEffect(() => {
    if (!following) return;
    const source = new EventSource("/api/v1/deelname/stroom");
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The server ended the stream on purpose (the conversation ended, or this phone opened a newer one in
    // another tab): do not reconnect. A reload already asked for still comes.
    source.addEventListener("end", () => source.close());
    source.addEventListener("tally", (event) => {
      const key = streamedKeyOf((event as MessageEvent<string>).data);
      if (key === undefined || key === shown.current || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        void revalidate.current();
      }, Math.random() * SPREAD_MS);
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [following]);

  const { closesAt } = options;
  useEffect(() => {
    if (!closesAt) return;
    const wait = Date.parse(closesAt) - Date.now() + 500;
    if (!(wait > 0 && wait < MAX_TIMER_MS)) return;
    const timer = setTimeout(() => void revalidate.current(), wait);
    return () => clearTimeout(timer);
  }, [closesAt]);
}

export type Announcement = "question" | "revote" | "closed" | "results" | "answers" | "waiting" | "ended";

interface Shown {
  status: string;
  question: { id: string; open: boolean; round: number; revealedRound: number } | null;
  approved: number;
}

/** What changed between two renders of the joined page, in the words a screen reader should hear. */
function announcementFor(before: Shown, after: Shown): Announcement | undefined {
  if (after.status === "afgelopen") return before.status === "afgelopen" ? undefined : "ended";
  const [was, now] = [before.question, after.question];
  if (!now) return was ? "waiting" : undefined;
  if (!was || was.id !== now.id) return "question";
  if (now.round > was.round) return "revote";
  if (now.revealedRound > was.revealedRound) return "results";
  if (was.open && !now.open) return "closed";
  if (after.approved > before.approved) return "answers";
  return undefined;
}

/** The latest announcement, numbered so that the same words twice in a row are heard twice. */
export function useAnnouncement(shown: Shown | undefined): { said: Announcement; count: number } | undefined {
  const [announcement, setAnnouncement] = useState<{ said: Announcement; count: number }>();
  const previous = useRef(shown);
  const key = JSON.stringify(shown ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `shown`, whose identity changes every render
  useEffect(() => {
    const before = previous.current;
    previous.current = shown;
    if (!before || !shown) return;
    const said = announcementFor(before, shown);
    if (said) setAnnouncement((last) => ({ said, count: (last?.count ?? 0) + 1 }));
  }, [key]);
  return announcement;
}
