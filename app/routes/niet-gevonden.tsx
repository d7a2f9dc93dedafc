// Any address no route knows: the friendly 404 page of the root error boundary.
import { data } from "react-router";
import type { PageHandle } from "~/infra/page-handle.ts";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: [] };

export function loader() {
  throw data({ code: "not_found", message: "problems.site.pageNotFound" }, { status: 404 });
}

export default function NotFound() {
  return null;
}
