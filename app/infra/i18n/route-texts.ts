// Which interface texts a page needs: every route module declares its namespaces in `handle.texts`
// (the root declares the shell's), and a page gets those of the routes its address matches.

/** A route module's `handle`, as far as texts go. */
export type TextsHandle = { texts: readonly string[] };

type RouteEntry = { parentId?: string; path?: string; module: { handle?: unknown } };

function declaredTexts(handle: unknown): readonly string[] {
  const texts = (handle as Partial<TextsHandle> | undefined)?.texts;
  return Array.isArray(texts) ? texts : [];
}

/** A pattern with its slashes at the ends trimmed: "/" and "" both mean the home page. */
const keyOf = (pattern: string) => pattern.replace(/^\/+|\/+$/g, "");

/**
 * The namespaces a page needs, found by the `pattern` React Router gives a loader (the paths of the
 * matched routes joined), so the root loader can tell what the page it loads for will show.
 */
export function createRouteTexts(routes: Record<string, RouteEntry | undefined>): RouteTexts {
  const byPattern = new Map<string, string[]>();
  for (const route of Object.values(routes)) {
    if (!route) continue;
    const chain: RouteEntry[] = [];
    for (let at: RouteEntry | undefined = route; at; at = at.parentId ? routes[at.parentId] : undefined) {
      chain.unshift(at);
    }
    const key = keyOf(
      chain
        .map((entry) => entry.path ?? "")
        .filter(Boolean)
        .join("/"),
    );
    const namespaces = new Set([
      ...(byPattern.get(key) ?? []),
      ...chain.flatMap((entry) => declaredTexts(entry.module.handle)),
    ]);
    byPattern.set(key, [...namespaces]);
  }
  return (pattern) => byPattern.get(keyOf(pattern)) ?? [];
}

export type RouteTexts = (pattern: string) => readonly string[];
