import { describe, expect, it } from "vitest";
import { isAppError } from "./errors.ts";
import type { EventStream } from "./sse.server.ts";
import { createStreamLimits } from "./stream-limits.server.ts";

/** A stream that only remembers what happened to it. */
function fakeStream() {
  const listeners: (() => void)[] = [];
  const sent: string[] = [];
  let closed = false;
  const stream: EventStream & { sent: string[] } = {
    sent,
    lastEventId: undefined,
    get closed() {
      return closed;
    },
    send(event) {
      sent.push(event.type);
      return !closed;
    },
    close() {
      if (closed) return;
      closed = true;
      for (const listener of listeners.splice(0)) listener();
    },
    onClose(listener) {
      if (closed) listener();
      else listeners.push(listener);
    },
  };
  return stream;
}

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, retryAfter: error.retryAfterSeconds };
    throw error;
  }
  return undefined;
};

describe("stream limits", () => {
  it("refuses an address past its cap with 429 and counts other addresses apart", () => {
    const limits = createStreamLimits({ caps: { total: 10, perAddress: 2, perLogin: 10 } });
    limits.open({ address: "a" }, fakeStream);
    const second = limits.open({ address: "a" }, fakeStream);
    expect(refusal(() => limits.open({ address: "a" }, fakeStream))).toEqual({
      code: "rate_limited",
      retryAfter: 30,
    });
    expect(refusal(() => limits.open({ address: "b" }, fakeStream))).toBeUndefined();
    second.close();
    expect(refusal(() => limits.open({ address: "a" }, fakeStream))).toBeUndefined();
    expect(limits.size).toBe(3);
  });

  it("refuses a login past its cap with 429, and everyone past the total with 503", () => {
    const limits = createStreamLimits({ caps: { total: 3, perAddress: 10, perLogin: 1 } });
    limits.open({ address: "a", login: "leider" }, fakeStream);
    expect(refusal(() => limits.open({ address: "b", login: "leider" }, fakeStream))?.code).toBe(
      "rate_limited",
    );
    limits.open({ address: "c" }, fakeStream);
    limits.open({ address: "d" }, fakeStream);
    expect(refusal(() => limits.open({ address: "e" }, fakeStream))?.code).toBe("unavailable");
  });

  it("keeps one stream per key: a newer one ends the older, which hears why first", () => {
    const told: EventStream[] = [];
    const limits = createStreamLimits({
      caps: { total: 1, perAddress: 1, perLogin: 1 },
      replaced: (stream) => told.push(stream),
    });
    const first = limits.open({ address: "a", only: "deelnemer-1" }, fakeStream);
    // Even at every cap, the same participant gets through: the older stream makes way.
    const second = limits.open({ address: "a", only: "deelnemer-1" }, fakeStream);
    expect(first.closed).toBe(true);
    expect(told).toEqual([first]);
    expect(second.closed).toBe(false);
    expect(limits.size).toBe(1);
    // The older one ending late does not free the newer one's key.
    first.close();
    expect(refusal(() => limits.open({ address: "b", only: "deelnemer-2" }, fakeStream))?.code).toBe(
      "unavailable",
    );
  });

  it("opens nothing when it refuses", () => {
    const limits = createStreamLimits({ caps: { total: 1, perAddress: 1, perLogin: 1 } });
    limits.open({ address: "a" }, fakeStream);
    let opened = false;
    refusal(() =>
      limits.open({ address: "a" }, () => {
        opened = true;
        return fakeStream();
      }),
    );
    expect(opened).toBe(false);
  });
});
