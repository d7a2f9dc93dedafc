import { afterEach, describe, expect, it, vi } from "vitest";
import { createKeyedRunner } from "./keyed-runner.server.ts";

const logger = { warn: vi.fn() };

describe("background work per key", () => {
  afterEach(() => {
    vi.useRealTimers();
    logger.warn.mockReset();
  });

  it("runs once for a burst of votes, after the delay", async () => {
    vi.useFakeTimers();
    const runs: string[] = [];
    const scheduler = createKeyedRunner({
      what: "a test run",
      logger,
      delayMs: 2_000,
      run: async (id) => {
        runs.push(id);
      },
    });
    for (let vote = 0; vote < 50; vote++) scheduler.request("a");
    scheduler.request("b");
    await vi.advanceTimersByTimeAsync(1_999);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs.sort()).toEqual(["a", "b"]);
    await scheduler.stop();
  });

  it("runs one consultation at a time, and once more for votes that came during a run", async () => {
    let finish: () => void = () => {};
    let active = 0;
    let most = 0;
    let runs = 0;
    const scheduler = createKeyedRunner({
      what: "a test run",
      logger,
      delayMs: 0,
      run: () => {
        runs++;
        active++;
        most = Math.max(most, active);
        return new Promise<void>((resolve) => {
          finish = () => {
            active--;
            resolve();
          };
        });
      },
    });
    scheduler.request("a");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(runs).toBe(1);
    scheduler.request("a");
    scheduler.request("a");
    finish();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(runs).toBe(2);
    finish();
    await scheduler.settled();
    expect(most).toBe(1);
    expect(runs).toBe(2);
  });

  it("logs a failed run and goes on", async () => {
    const scheduler = createKeyedRunner({
      what: "a test run",
      logger,
      delayMs: 0,
      run: async () => {
        throw new Error("database down");
      },
    });
    scheduler.request("a");
    await scheduler.settled();
    expect(logger.warn).toHaveBeenCalledOnce();
  });

  it("waits longer after a long run, when asked to", async () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    const scheduler = createKeyedRunner({
      what: "a test run",
      logger,
      delayMs: 100,
      slowdown: 4,
      run: async () => {
        runs.push(Date.now());
        // The run takes 1 s of the (fake) clock.
        vi.advanceTimersByTime(1_000);
      },
    });
    scheduler.request("a");
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toHaveLength(1);
    scheduler.request("a");
    await vi.advanceTimersByTimeAsync(3_900);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(runs).toHaveLength(2);
    await scheduler.stop();
  });
});
