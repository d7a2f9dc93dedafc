// Background work per key, debounced and one at a time: a request asks for a run of `run(key)`, runs
// wait `delayMs` so a burst of requests gives one run, and a key has at most one run at a time in a
// process (requests during a run give one more run after it). For example a consultation's analysis,
// asked for by every vote.
import type { Logger } from "pino";

export interface KeyedRunner {
  /** Asks for a run for this key soon. */
  request(key: string): void;
  /** Runs what is planned now and waits for every run (for tests and a clean stop). */
  settled(): Promise<void>;
  /** Drops what is planned and waits for what runs. */
  stop(): Promise<void>;
}

export function createKeyedRunner(options: {
  run: (key: string) => Promise<unknown>;
  delayMs: number;
  logger: Pick<Logger, "warn">;
  /** What the log says when a run fails. */
  what: string;
  /**
   * A key's next run waits at least this many times as long as its last run took, so work that grows
   * (a consultation with ever more votes) takes a bounded share of the process.
   */
  slowdown?: number;
}): KeyedRunner {
  const { delayMs } = options;
  const lastTook = new Map<string, number>();
  const planned = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  let stopped = false;

  const run = (key: string) => {
    planned.delete(key);
    const started = performance.now();
    const work = options
      .run(key)
      .then(() => undefined)
      .catch((error: unknown) => {
        options.logger.warn({ err: error, key }, `${options.what} failed`);
      })
      .finally(() => {
        lastTook.set(key, performance.now() - started);
        running.delete(key);
        if (again.delete(key) && !stopped) plan(key);
      });
    running.set(key, work);
  };

  const plan = (key: string) => {
    if (stopped || planned.has(key)) return;
    if (running.has(key)) {
      again.add(key);
      return;
    }
    const wait = Math.max(delayMs, (options.slowdown ?? 0) * (lastTook.get(key) ?? 0));
    planned.set(
      key,
      setTimeout(() => run(key), wait),
    );
  };

  return {
    request: plan,
    async settled() {
      while (planned.size > 0 || running.size > 0) {
        for (const [key, timer] of planned) {
          clearTimeout(timer);
          run(key);
        }
        await Promise.all(running.values());
      }
    },
    async stop() {
      stopped = true;
      for (const timer of planned.values()) clearTimeout(timer);
      planned.clear();
      await Promise.all(running.values());
    },
  };
}
