// Values read from the database that change only where the cached pages of a tag change (which
// versions of the guide are published changes only by publishing or by a first import), kept per
// process so pages do not ask the database again for every request. The page cache forgets a tag in
// every process when its pages are dropped (a NOTIFY from the process that changed it), and the
// functions that change such values forget it here themselves, after their transaction.

interface Entry {
  stamp: number;
  value: Promise<unknown>;
}

let forgotten = 0;
const stamps = new Map<string, number>();
const stampOf = (tag: string) => stamps.get(tag) ?? 0;

/** Drops what is remembered under a tag, or under every tag for "*" or no tag. */
export function forgetTag(tag?: string): void {
  forgotten++;
  if (!tag || tag === "*") for (const key of stamps.keys()) stamps.set(key, forgotten);
  else stamps.set(tag, forgotten);
}

/**
 * A memo of values under one tag, per scope (a database handle: tests hold several databases in one
 * process). A value loaded while the tag was forgotten is not kept, so a read that raced a change never
 * outlives it; a load that fails is not kept either.
 */
export function createTagMemo<Value>(tag: string) {
  stamps.set(tag, stampOf(tag));
  const scopes = new WeakMap<object, Map<string, Entry>>();
  return async (scope: object, key: string, load: () => Promise<Value>): Promise<Value> => {
    let entries = scopes.get(scope);
    if (!entries) {
      entries = new Map();
      scopes.set(scope, entries);
    }
    const stamp = stampOf(tag);
    const found = entries.get(key);
    if (found && found.stamp === stamp) return found.value as Promise<Value>;
    // Settled once and kept: a query builder is a thenable that would run again on every await.
    const value = Promise.resolve(load());
    entries.set(key, { stamp, value });
    try {
      return await value;
    } catch (error) {
      if (entries.get(key)?.value === value) entries.delete(key);
      throw error;
    }
  };
}
