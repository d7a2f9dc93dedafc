// The draft of the next version as one Markdown file for its editors, to read or send round: every
// file that `vakmanschap guide export` would write, one after the other.
import { AppError } from "~/infra/errors.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { getDraftContent } from "~/modules/guide/draft-versions.server.ts";
import { exportVersionFiles, versionAsOneFile } from "~/modules/guide/guide-export.ts";
import type { Route } from "./+types/beheer-gids-download";

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "guide:edit" });
    const content = await getDraftContent({ db: context.services.database.db });
    if (!content) throw new AppError("not_found", "problems.guide.noDraftToDownload");
    const { version, parts } = content;
    const headers = new Headers(PRIVATE_HEADERS);
    headers.set("Content-Type", "text/markdown; charset=utf-8");
    headers.set("Content-Disposition", `attachment; filename="gids-concept-versie-${version.number}.md"`);
    return new Response(versionAsOneFile(exportVersionFiles({ ...version, parts })), { headers });
  });
}
