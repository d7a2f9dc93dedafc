// The live streams of a conversation: the facilitator's (every change of the control view) and the
// participants' (one computation of the shared view per conversation and process, sent to every phone:
// at once when what a phone shows changed, a new count at most every PHONE_COUNT_INTERVAL_MS). Each
// stream only moves forward, and every event passes one check before it leaves (decision 025).
import { z } from "zod";
import type { Language } from "../../app/infra/i18n/i18n.ts";
import { translatorFor } from "../../app/infra/i18n/texts.server.ts";
import type { Services } from "../../app/infra/services.server.ts";
import type { EventStream } from "../../app/infra/sse.server.ts";
import { facilitatorView, presenterView } from "../../app/modules/conversations/conversation-views.server.ts";
import { topicOf } from "../../app/modules/conversations/conversations.server.ts";
import {
  liveKeyOf,
  liveStateOf,
  PHONE_COUNT_INTERVAL_MS,
} from "../../app/modules/conversations/participant-live.ts";

/** The events a stream sends; one writer checks each before it leaves. */
export const LiveEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("tally"),
    id: z.string().regex(/^\d+$/),
    data: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal("problem"), data: z.object({ message: z.string() }) }),
  // The server ends the stream on purpose: the conversation ended, or the same participant opened a newer
  // stream. A client should not reconnect (a reconnect to an ended conversation gets 204 anyway).
  z.object({ type: z.literal("end"), data: z.object({ reason: z.enum(["afgelopen", "vervangen"]) }) }),
]);
export type LiveEvent = z.infer<typeof LiveEvent>;

export const endEvent = (reason: "afgelopen" | "vervangen") =>
  LiveEvent.parse({ type: "end", data: { reason } });

type Snapshot = { version: number } & Record<string, unknown>;

// One checked event per snapshot: the participants' streams of a conversation all get the same snapshot
// object, so it is checked, and encoded by the SSE writer, once instead of once per phone.
const standEvents = new WeakMap<Snapshot, LiveEvent>();
function standEventOf(snapshot: Snapshot): LiveEvent {
  let event = standEvents.get(snapshot);
  if (!event) {
    event = LiveEvent.parse({ type: "tally", id: String(snapshot.version), data: snapshot });
    standEvents.set(snapshot, event);
  }
  return event;
}

/**
 * A stream that only ever moves forward: a snapshot goes out when it is newer than what the client has
 * (its `Last-Event-ID` when it comes back after a break), and every event passes one check first. The
 * snapshot of an ended conversation is the last: the stream says so and ends. A failure is said in the
 * client's language (`Accept-Language`), as the API's problems are.
 */
function forwardStream(open: () => EventStream, language: Language) {
  const stream = open();
  let last = Number(stream.lastEventId ?? 0) || 0;
  return {
    stream,
    deliver(snapshot: Snapshot) {
      if (stream.closed) return;
      if (snapshot.version > last) {
        stream.send(standEventOf(snapshot));
        last = snapshot.version;
      }
      if (snapshot.status === "afgelopen") {
        stream.send(endEvent("afgelopen"));
        stream.close();
      }
    },
    fail() {
      if (!stream.closed) {
        const message = translatorFor(language)("problems.conversations.liveUpdateFailed");
        stream.send(LiveEvent.parse({ type: "problem", data: { message } }));
      }
    },
  };
}

/**
 * Computes a view again after every change the live hub reports (coalesced by the hub to about ten a
 * second), never twice at the same time, and hands the newest to `deliver`.
 */
function refresher(
  services: Services,
  view: () => Promise<Snapshot>,
  deliver: (snapshot: Snapshot) => void,
  fail: () => void,
) {
  let running = false;
  let again = false;
  return async function refresh() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        deliver(await view());
      } while (again);
    } catch (error) {
      services.logger.warn({ err: error }, "live stream could not compute a snapshot");
      fail();
    } finally {
      running = false;
    }
  };
}

/** The facilitator's stream: a snapshot of the control view at once, then after every change. */
export function followAsFacilitator(
  services: Services,
  open: () => EventStream,
  conversationId: string,
  language: Language,
) {
  const client = forwardStream(open, language);
  const refresh = refresher(
    services,
    () => facilitatorView({ db: services.database.db, id: conversationId }),
    client.deliver,
    client.fail,
  );
  client.stream.onClose(services.liveHub.subscribe(topicOf(conversationId), () => void refresh()));
  void refresh();
}

/** What a phone shows of a shared snapshot; snapshots with the same key differ only in their counts. */
function phoneKeyOf(snapshot: Snapshot): string {
  const state = liveStateOf(snapshot);
  return state ? liveKeyOf(state) : JSON.stringify(snapshot);
}

/**
 * Participants' streams: per conversation one computation of the shared view in this process, however many
 * phones follow it, sent to each of them: at once when what a phone shows changed, otherwise (a new count)
 * at most once per PHONE_COUNT_INTERVAL_MS, the newest at the end of the interval.
 */
export function sharedStreams(services: Services) {
  type Client = ReturnType<typeof forwardStream>;
  type Group = {
    clients: Set<Client>;
    latest?: Snapshot;
    sent?: { key: string; at: number };
    later?: NodeJS.Timeout;
    refresh: () => Promise<void>;
    stop: () => void;
  };
  const groups = new Map<string, Group>();
  function sendLatest(group: Group) {
    clearTimeout(group.later);
    group.later = undefined;
    const latest = group.latest;
    if (!latest) return;
    group.sent = { key: phoneKeyOf(latest), at: Date.now() };
    for (const client of group.clients) client.deliver(latest);
  }
  function offer(group: Group, snapshot: Snapshot) {
    if (group.latest && snapshot.version < group.latest.version) return;
    group.latest = snapshot;
    const sent = group.sent;
    const waited = sent ? Date.now() - sent.at : Number.POSITIVE_INFINITY;
    if (!sent || waited >= PHONE_COUNT_INTERVAL_MS || sent.key !== phoneKeyOf(snapshot)) {
      sendLatest(group);
    } else {
      group.later ??= setTimeout(() => sendLatest(group), PHONE_COUNT_INTERVAL_MS - waited);
    }
  }
  return function follow(open: () => EventStream, conversationId: string, language: Language) {
    // Opened first: a stream refused by the caps leaves no subscription behind.
    const client = forwardStream(open, language);
    let group = groups.get(conversationId);
    if (!group) {
      const clients = new Set<Client>();
      const made: Group = {
        clients,
        refresh: refresher(
          services,
          () => presenterView({ db: services.database.db, id: conversationId }),
          (snapshot) => offer(made, snapshot),
          () => {
            for (const client of clients) client.fail();
          },
        ),
        stop: () => {},
      };
      const unsubscribe = services.liveHub.subscribe(topicOf(conversationId), () => void made.refresh());
      made.stop = () => {
        unsubscribe();
        clearTimeout(made.later);
      };
      groups.set(conversationId, made);
      group = made;
    }
    const joined = group;
    joined.clients.add(client);
    client.stream.onClose(() => {
      joined.clients.delete(client);
      if (joined.clients.size === 0 && groups.get(conversationId) === joined) {
        joined.stop();
        groups.delete(conversationId);
      }
    });
    if (joined.latest) client.deliver(joined.latest);
    void joined.refresh();
  };
}
