// Change notifications for live pages: "topic X changed" travels to every process through one NOTIFY
// channel, and each process fans it out in memory to its subscribers, coalesced per topic. Only the fact
// of a change travels; subscribers read the current state themselves (a NOTIFY payload is small, and a
// missed notification then costs nothing but a later read).
import type { Logger } from "pino";
import type { Database } from "./db.server.ts";

/** The notification channel on which every process hears which topic changed. */
export const LIVE_CHANNEL = "live_changes";

const DEFAULT_INTERVAL_MS = 100;
// Topics travel as NOTIFY payloads and end up in log lines: short and plain, e.g. `gesprek:<uuid>`.
const TOPIC_PATTERN = /^[a-z0-9:-]{1,100}$/;

export interface LiveHub {
  /**
   * Tells every process (through NOTIFY on LIVE_CHANNEL, payload = topic) that `topic` changed. While a
   * notification for the topic is on its way, the changes that come meanwhile share one that follows it.
   */
  changed(topic: string): Promise<void>;
  /**
   * Calls `listener` in this process after `topic` changed: at most once per interval, the first change
   * promptly, later changes within the interval folded into one trailing call. Returns an unsubscribe
   * function. Also called once after a lost notification connection is back, to resynchronise.
   */
  subscribe(topic: string, listener: () => void): () => void;
  /** How many subscribers a topic has in this process (for tests and metrics). */
  subscribers(topic: string): number;
  close(): Promise<void>;
}

/** A notification on its way, and the one that follows it for the changes made meanwhile. */
interface Outgoing {
  sent: Promise<void>;
  followUp?: Promise<void>;
}

interface TopicState {
  listeners: Set<() => void>;
  /** Runs for one interval after each call; while it runs, changes only mark `pending`. */
  timer?: NodeJS.Timeout;
  pending: boolean;
}

function assertTopic(topic: string) {
  if (!TOPIC_PATTERN.test(topic))
    throw new Error(`invalid live topic: ${JSON.stringify(topic).slice(0, 120)}`);
}

/** Starts this process's one LISTEN on LIVE_CHANNEL; resolves once it is active. */
export async function startLiveHub(options: {
  database: Pick<Database, "notify" | "listen" | "onReconnect">;
  logger: Logger;
  intervalMs?: number;
}): Promise<LiveHub> {
  const { database, logger } = options;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const topics = new Map<string, TopicState>();
  const outgoing = new Map<string, Outgoing>();
  let closed = false;

  // A room answering at once would otherwise send a notification per answer. One on its way may have
  // left before a later change was stored, so such a change waits for one more, shared by all of them.
  function notify(topic: string): Promise<void> {
    const busy = outgoing.get(topic);
    if (busy) {
      busy.followUp ??= busy.sent.then(
        () => notify(topic),
        () => notify(topic),
      );
      return busy.followUp;
    }
    const entry: Outgoing = { sent: database.notify(LIVE_CHANNEL, topic) };
    outgoing.set(topic, entry);
    const done = () => {
      if (outgoing.get(topic) === entry) outgoing.delete(topic);
    };
    entry.sent.then(done, done);
    return entry.sent;
  }

  function callListeners(topic: string, state: TopicState) {
    // A copy: a listener may unsubscribe itself (or another) while we go through them.
    for (const listener of [...state.listeners]) {
      try {
        const result: unknown = listener();
        if (result instanceof Promise)
          result.catch((error: unknown) => logger.error({ err: error, topic }, "live listener failed"));
      } catch (error) {
        logger.error({ err: error, topic }, "live listener failed");
      }
    }
  }

  // Leading and trailing throttle per topic: call now when quiet, otherwise once when the interval ends.
  // The timer stops after a quiet interval, so an idle hub holds no timers.
  function schedule(topic: string) {
    const state = topics.get(topic);
    if (!state || closed) return;
    if (state.timer) {
      state.pending = true;
      return;
    }
    const tick = () => {
      if (!state.pending) {
        state.timer = undefined;
        return;
      }
      state.pending = false;
      state.timer = setTimeout(tick, intervalMs);
      state.timer.unref();
      callListeners(topic, state);
    };
    state.timer = setTimeout(tick, intervalMs);
    state.timer.unref();
    callListeners(topic, state);
  }

  const unlisten = await database.listen(LIVE_CHANNEL, (payload) => {
    if (!TOPIC_PATTERN.test(payload)) {
      logger.warn({ length: payload.length }, "ignored a live notification with an invalid topic");
      return;
    }
    schedule(payload);
  });
  // Changes announced while the connection was down were never heard: let every subscriber reread.
  const stopReconnect = database.onReconnect(() => {
    for (const topic of topics.keys()) schedule(topic);
  });

  return {
    async changed(topic) {
      assertTopic(topic);
      // No local shortcut: this process hears its own NOTIFY like every other, so each change is
      // delivered once, through one path.
      await notify(topic);
    },
    subscribe(topic, listener) {
      assertTopic(topic);
      if (closed) throw new Error("the live hub is closed");
      let state = topics.get(topic);
      if (!state) {
        state = { listeners: new Set(), pending: false };
        topics.set(topic, state);
      }
      // A wrapper per call, so subscribing the same function twice gives two independent subscriptions.
      const entry = () => listener();
      state.listeners.add(entry);
      const subscribed = state;
      return () => {
        subscribed.listeners.delete(entry);
        if (subscribed.listeners.size === 0 && topics.get(topic) === subscribed) {
          clearTimeout(subscribed.timer);
          topics.delete(topic);
        }
      };
    },
    subscribers: (topic) => topics.get(topic)?.listeners.size ?? 0,
    async close() {
      if (closed) return;
      closed = true;
      stopReconnect();
      for (const state of topics.values()) clearTimeout(state.timer);
      topics.clear();
      // During shutdown the database may already be gone; there is nothing left to unsubscribe from then.
      await unlisten().catch((error: unknown) =>
        logger.debug({ err: error }, "live hub: unlisten failed while closing"),
      );
    },
  };
}
