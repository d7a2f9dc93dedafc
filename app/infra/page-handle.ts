// What a route module's `handle` says about its page: the interface texts it shows (route-texts.ts)
// and whether it runs React in the browser. Every page works without JavaScript, so a page loads
// scripts only when it does something a browser must do by itself: follow a live conversation, save
// as you type, preview as you type, search as you type (decision 022).
import type { TextsHandle } from "./i18n/route-texts.ts";

export type PageHandle = TextsHandle & {
  /**
   * The page hydrates: React, React Router and the route's code load in the browser. A function decides
   * per page from the route's loader data, for a page that has something to do in the browser only
   * sometimes (the outcome of a consultation while it runs, not after).
   */
  hydrate?: true | ((loaderData: unknown) => boolean);
};

/** Whether the page of these matched routes (their handles and loader data, root first) loads its scripts. */
export function hydrates(matches: readonly { handle: unknown; loaderData: unknown }[]): boolean {
  return matches.some(({ handle, loaderData }) => {
    const hydrate = (handle as PageHandle | undefined)?.hydrate;
    return hydrate === true || (typeof hydrate === "function" && hydrate(loaderData));
  });
}
