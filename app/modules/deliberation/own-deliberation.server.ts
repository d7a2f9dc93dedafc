// The record a page is about, for its owner only: the logged-in person (sent to log in otherwise) and
// their record; anyone else, and an address that names no record, gets "not found".
import type { Services } from "../../infra/services.server.ts";
import { requirePermission } from "../accounts/current-user.server.ts";
import { getOwnDeliberation } from "./deliberations.server.ts";

export async function requireOwnDeliberation(options: { request: Request; services: Services; id: string }) {
  const { request, services } = options;
  const { user, actor } = await requirePermission({ request, services, permission: "deliberations:own" });
  const record = await getOwnDeliberation({
    db: services.database.db,
    keyring: services.keyring,
    id: options.id,
    ownerId: user.id,
  });
  return { user, actor, record };
}
