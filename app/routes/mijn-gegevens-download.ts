// Everything the platform holds about me, as a JSON file.
import { withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { exportMyData } from "~/personal-data.server.ts";
import type { Route } from "./+types/mijn-gegevens-download";

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { user } = await requirePermission({
      request,
      services: context.services,
      permission: "my-data:manage",
    });
    const exported = await exportMyData({
      db: context.services.database.db,
      keyring: context.services.keyring,
      userId: user.id,
      email: user.email,
    });
    return new Response(`${JSON.stringify(exported, null, 2)}\n`, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": 'attachment; filename="mijn-gegevens-vakmanschap.json"',
        "Cache-Control": "no-store",
      },
    });
  });
}
