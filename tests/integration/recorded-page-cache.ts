// A real page cache for tests that call module functions directly. It records which kinds of pages were
// dropped, so a test can see that the module that commits a change (not its caller) keeps cached pages
// true.
import { createPageCache } from "../../server/page-cache.ts";

export function recordedPageCache() {
  const dropped: string[] = [];
  const cache = createPageCache({ maxEntries: 10, notify: async (tag) => void dropped.push(tag) });
  return Object.assign(cache, { dropped });
}
