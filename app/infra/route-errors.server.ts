// Turns whatever a loader throws into a response with an honest status: an AppError keeps its own
// (404 for an unknown version or part), anything else from the database reads as 503.
import type { Logger } from "pino";
import { data } from "react-router";
import { HTTP_STATUS, isAppError } from "./errors.ts";

export interface RouteErrorData {
  code: string;
  /** The message's key in the locale files; the error page says its own text per status. */
  message: string;
}

export async function withRouteErrors<T>(logger: Logger, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (
      error instanceof Response ||
      (error &&
        typeof error === "object" &&
        "type" in error &&
        (error as { type: unknown }).type === "DataWithResponseInit")
    ) {
      throw error;
    }
    if (isAppError(error)) {
      throw data<RouteErrorData>(
        { code: error.code, message: error.message },
        { status: HTTP_STATUS[error.code] },
      );
    }
    logger.error({ err: error }, "page loader failed");
    throw data<RouteErrorData>({ code: "unavailable", message: "problems.unavailable" }, { status: 503 });
  }
}

/** Headers that let the server keep a rendered copy of a page whose content never changes. */
export function cacheableHeaders(tag: string): Record<string, string> {
  return { "X-Page-Cache": tag, "Cache-Control": "no-cache" };
}

export const PRIVATE_HEADERS: Record<string, string> = { "Cache-Control": "no-store" };

/**
 * The header by which a page names what a view of it counts as in the insights (`gids/<part>`,
 * `kaart/<card>`, `kaart-afdruk/<card>`). The server takes it off before answering and counts it on
 * every successful GET, also when the page comes from the page cache.
 */
export const PAGE_VIEW_HEADER = "x-page-view";

export function viewHeaders(pages: readonly string[]): Record<string, string> {
  return pages.length === 0 ? {} : { [PAGE_VIEW_HEADER]: pages.join(" ") };
}
