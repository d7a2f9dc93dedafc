// A person's kris-kras invitation again as a calendar file: the same UID and the sequence last sent, so
// opening it updates the entry already in their calendar instead of adding a second one.
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { calendarInviteContentType } from "~/modules/kriskras/calendar-invite.ts";
import { myInvitationFile } from "~/modules/kriskras/my-group.server.ts";
import type { Route } from "./+types/kriskras-mijn-groep-agenda";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { user } = await requirePermission({ request, services, permission: "kriskras:signup" });
    const origin = services.config.publicUrl;
    const body = await myInvitationFile({
      db: services.database.db,
      roundId: params.id,
      userId: user.id,
      origin,
      config: services.config,
    });
    const headers = new Headers(PRIVATE_HEADERS);
    headers.set("Content-Type", calendarInviteContentType({ method: "REQUEST" }));
    headers.set("Content-Disposition", 'attachment; filename="kriskras.ics"');
    return new Response(body, { headers });
  });
}
