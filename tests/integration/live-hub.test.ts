// The live hub: a change announced in one process reaches subscribers in every process, promptly and
// coalesced, and a lost notification connection ends with one call to resynchronise.
import { randomUUID } from "node:crypto";
import pg from "pg";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { LIVE_CHANNEL, type LiveHub, startLiveHub } from "../../app/infra/live-hub.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";

const silent = pino({ level: "silent" });
const topicOf = () => `gesprek:${randomUUID()}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A notification channel in memory, delivering at once, with a way to play a reconnect. */
function memoryChannel() {
  const listeners = new Map<string, Set<(payload: string) => void>>();
  const reconnectListeners = new Set<() => void>();
  const channel = {
    async notify(name: string, payload: string) {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
    async listen(name: string, listener: (payload: string) => void) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return async () => {
        set.delete(listener);
      };
    },
    onReconnect(listener: () => void) {
      reconnectListeners.add(listener);
      return () => {
        reconnectListeners.delete(listener);
      };
    },
    listening: (name: string) => listeners.get(name)?.size ?? 0,
    reconnect: () => {
      for (const listener of reconnectListeners) listener();
    },
  } satisfies Pick<Database, "notify" | "listen" | "onReconnect"> & Record<string, unknown>;
  return channel;
}

/** The shortest time between two successive calls. */
function shortestGap(times: number[]): number {
  let shortest = Number.POSITIVE_INFINITY;
  times.reduce((previous, time) => {
    shortest = Math.min(shortest, time - previous);
    return time;
  });
  return shortest;
}

function loggerInto(lines: string[]) {
  return pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
}

describe("live hub timing (a channel in memory, a fake clock)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("calls at once on the first change and folds the rest of the interval into one trailing call", async () => {
    vi.useFakeTimers();
    const hub = await startLiveHub({ database: memoryChannel(), logger: silent });
    const topic = topicOf();
    let calls = 0;
    hub.subscribe(topic, () => calls++);

    await hub.changed(topic);
    expect(calls).toBe(1);
    for (let i = 0; i < 49; i++) {
      await hub.changed(topic);
      vi.advanceTimersByTime(2);
    }
    expect(calls).toBe(1);
    vi.advanceTimersByTime(2);
    expect(calls).toBe(2);
    vi.advanceTimersByTime(500);
    expect(calls).toBe(2);
    // Nothing changes any more: no timer keeps the process alive.
    expect(vi.getTimerCount()).toBe(0);
    await hub.close();
  });

  it("calls at most once per interval under a steady stream of changes", async () => {
    vi.useFakeTimers();
    const hub = await startLiveHub({ database: memoryChannel(), logger: silent, intervalMs: 100 });
    const topic = topicOf();
    const times: number[] = [];
    hub.subscribe(topic, () => times.push(Date.now()));
    const start = Date.now();
    for (let t = 0; t < 1000; t += 10) {
      await hub.changed(topic);
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(200);
    expect(times.length).toBeGreaterThanOrEqual(10);
    expect(times.length).toBeLessThanOrEqual(11);
    expect(shortestGap(times)).toBeGreaterThanOrEqual(100);
    // The last change is never lost: a call follows it.
    expect((times.at(-1) ?? start) - start).toBeGreaterThanOrEqual(990);
    await hub.close();
  });

  it("sends one notification for the changes made while one is on its way, after it", async () => {
    const channel = memoryChannel();
    const sent: string[] = [];
    let release: () => void = () => {};
    const slow = {
      ...channel,
      // Each notification waits until the test lets it go, as one to a database server would.
      notify: (_name: string, payload: string) =>
        new Promise<void>((resolve) => {
          release = () => {
            sent.push(payload);
            resolve();
          };
        }),
    };
    const hub = await startLiveHub({ database: slow, logger: silent });
    const [topic, other] = [topicOf(), topicOf()];
    const first = hub.changed(topic);
    const meanwhile = Array.from({ length: 20 }, () => hub.changed(topic));
    let settled = 0;
    for (const change of meanwhile) void change.then(() => settled++);
    release();
    await first;
    await pause(0);
    // The first is out; the twenty changes made meanwhile wait for the one that follows it.
    expect(sent).toEqual([topic]);
    expect(settled).toBe(0);
    release();
    await Promise.all(meanwhile);
    expect(sent).toEqual([topic, topic]);
    // Quiet again: the next change goes at once, and another topic never waits for this one.
    const next = hub.changed(other);
    release();
    await next;
    expect(sent).toEqual([topic, topic, other]);
    await hub.close();
  });

  it("gives every subscribed topic one call after the notification connection is back", async () => {
    vi.useFakeTimers();
    const channel = memoryChannel();
    const hub = await startLiveHub({ database: channel, logger: silent });
    const calls = { a: 0, b: 0 };
    hub.subscribe("gesprek:a", () => calls.a++);
    hub.subscribe("gesprek:b", () => calls.b++);
    channel.reconnect();
    expect(calls).toEqual({ a: 1, b: 1 });
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual({ a: 1, b: 1 });
    await hub.close();
  });

  it("refuses malformed topics and ignores malformed notifications", async () => {
    const channel = memoryChannel();
    const lines: string[] = [];
    const hub = await startLiveHub({ database: channel, logger: loggerInto(lines) });
    for (const topic of ["", "Gesprek:1", "gesprek 1", "gesprek_1", "gesprek:1\n", "g".repeat(101)]) {
      expect(() => hub.subscribe(topic, () => {})).toThrow(/invalid live topic/);
      await expect(hub.changed(topic)).rejects.toThrow(/invalid live topic/);
    }
    expect(() => hub.subscribe(`gesprek:${"0".repeat(92)}`, () => {})).not.toThrow();
    await channel.notify(LIVE_CHANNEL, "NIET GELDIG");
    expect(lines.join("")).toContain("ignored a live notification with an invalid topic");
    await hub.close();
  });

  it("unlistens and stops its timers when closed", async () => {
    vi.useFakeTimers();
    const channel = memoryChannel();
    const hub = await startLiveHub({ database: channel, logger: silent });
    expect(channel.listening(LIVE_CHANNEL)).toBe(1);
    const topic = topicOf();
    let calls = 0;
    hub.subscribe(topic, () => calls++);
    await hub.changed(topic);
    await hub.changed(topic);
    expect(vi.getTimerCount()).toBe(1);
    await hub.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(channel.listening(LIVE_CHANNEL)).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(calls).toBe(1);
    expect(() => hub.subscribe(topic, () => {})).toThrow(/closed/);
  });
});

describe.each(databaseKinds)("live hub on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let hub: LiveHub;
  const lines: string[] = [];

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
    hub = await startLiveHub({ database, logger: loggerInto(lines) });
  });
  afterAll(async () => {
    await hub?.close();
    await database?.close();
    await test?.drop();
  });

  it("tells a subscriber that its topic changed", async () => {
    const topic = topicOf();
    let calls = 0;
    const unsubscribe = hub.subscribe(topic, () => calls++);
    expect(hub.subscribers(topic)).toBe(1);
    await hub.changed(topic);
    await expect.poll(() => calls, { timeout: 2000 }).toBe(1);
    unsubscribe();
  });

  it("folds 50 changes within 100 ms into two or three calls, at least an interval apart", async () => {
    const topic = topicOf();
    const times: number[] = [];
    const unsubscribe = hub.subscribe(topic, () => times.push(performance.now()));
    await Promise.all(Array.from({ length: 50 }, () => hub.changed(topic)));
    await pause(400);
    expect(times.length).toBeGreaterThanOrEqual(2);
    expect(times.length).toBeLessThanOrEqual(3);
    // Timers may fire a fraction of a millisecond early against performance.now().
    expect(shortestGap(times)).toBeGreaterThanOrEqual(99);
    unsubscribe();
  });

  it("keeps topics apart", async () => {
    const [first, second] = [topicOf(), topicOf()];
    const calls = { first: 0, second: 0 };
    const stops = [hub.subscribe(first, () => calls.first++), hub.subscribe(second, () => calls.second++)];
    await hub.changed(first);
    await expect.poll(() => calls.first, { timeout: 2000 }).toBe(1);
    await pause(150);
    expect(calls).toEqual({ first: 1, second: 0 });
    for (const stop of stops) stop();
  });

  it("stops calling after unsubscribe", async () => {
    const topic = topicOf();
    let calls = 0;
    const unsubscribe = hub.subscribe(topic, () => calls++);
    unsubscribe();
    unsubscribe();
    expect(hub.subscribers(topic)).toBe(0);
    await hub.changed(topic);
    await pause(200);
    expect(calls).toBe(0);
  });

  it("logs a listener that throws and still calls the others", async () => {
    const topic = topicOf();
    let calls = 0;
    const stops = [
      hub.subscribe(topic, () => {
        throw new Error("stuk");
      }),
      hub.subscribe(topic, async () => {
        throw new Error("ook stuk");
      }),
      hub.subscribe(topic, () => calls++),
    ];
    await hub.changed(topic);
    await expect.poll(() => calls, { timeout: 2000 }).toBe(1);
    await expect.poll(() => lines.filter((line) => line.includes("live listener failed")).length).toBe(2);
    expect(lines.join("")).toContain(topic);
    for (const stop of stops) stop();
  });

  it("carries a change from one process to another's subscriber", async () => {
    // PGlite allows one process: there the second hub shares the connection, as a second worker would.
    const other = kind === "postgres" ? await test.openAnother() : database;
    const otherHub = await startLiveHub({ database: other, logger: silent });
    try {
      const topic = topicOf();
      let calls = 0;
      otherHub.subscribe(topic, () => calls++);
      await hub.changed(topic);
      await expect.poll(() => calls, { timeout: 2000 }).toBe(1);
    } finally {
      await otherHub.close();
      if (other !== database) await other.close();
    }
  });

  // Only a database server has a notification connection to lose; PGlite's notifications are in-process.
  if (kind === "postgres")
    it("calls every subscriber once after the notification connection was lost and is back", async () => {
      const topic = topicOf();
      let calls = 0;
      const unsubscribe = hub.subscribe(topic, () => calls++);
      const admin = new pg.Client({ connectionString: test.url });
      await admin.connect();
      try {
        const { rows } = await admin.query(
          "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = $1",
          [`LISTEN ${LIVE_CHANNEL}`],
        );
        expect(rows.length).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      await expect.poll(() => calls, { timeout: 8000, interval: 50 }).toBe(1);
      await pause(300);
      expect(calls).toBe(1);
      // Subscribed again: a change is heard as before.
      await hub.changed(topic);
      await expect.poll(() => calls, { timeout: 2000 }).toBe(2);
      unsubscribe();
    });
});
