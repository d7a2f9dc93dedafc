// Work that is cheaper together than one by one, such as many small writes to the database: `add(item)`
// starts a batch after `waitMs` (or at once) when nothing runs; items that arrive meanwhile, or while a
// batch runs, go together in the next one, up to `max` at a time. So a quiet moment adds at most the
// wait, and a busy one costs one statement for many requests instead of one each (a "group commit").

export interface Batcher<Item, Result> {
  add(item: Item): Promise<Result>;
}

export function createBatcher<Item, Result>(options: {
  /** Does the work for the items, and gives a result per item in the same order. */
  run: (items: Item[]) => Promise<Result[]>;
  max: number;
  /** How long a batch waits for more items before it starts (0: at once). */
  waitMs?: number;
}): Batcher<Item, Result> {
  type Waiting = { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void };
  const queue: Waiting[] = [];
  let running = false;

  async function settle(batch: Waiting[]) {
    try {
      const results = await options.run(batch.map((waiting) => waiting.item));
      if (results.length !== batch.length) throw new Error("a batch gave a result per item");
      for (const [index, waiting] of batch.entries()) waiting.resolve(results[index] as Result);
    } catch (error) {
      // One bad item must not fail the others: alone, each gets its own answer.
      if (batch.length === 1) batch[0]?.reject(error);
      else for (const waiting of batch) await settle([waiting]);
    }
  }

  async function drain() {
    running = true;
    while (queue.length > 0) {
      if (options.waitMs) await new Promise((resolve) => setTimeout(resolve, options.waitMs));
      await settle(queue.splice(0, options.max));
    }
    running = false;
  }

  return {
    add(item) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!running) void drain();
      });
    },
  };
}
