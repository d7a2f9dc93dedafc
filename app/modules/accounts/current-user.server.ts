// "Who is this, and may they do this?" for pages: the session cookie gives the person, `can` decides.
import { redirect } from "react-router";
import { isSecureSite } from "../../infra/cookies.ts";
import { AppError } from "../../infra/errors.ts";
import type { Services } from "../../infra/services.server.ts";
import type { User } from "./accounts.schema.ts";
import { actorOf } from "./accounts.server.ts";
import { type Actor, can, type Permission } from "./authorization.ts";
import { readSession, sessionSecretFrom } from "./sessions.server.ts";

export async function getCurrentUser(options: {
  request: Request;
  services: Services;
}): Promise<User | undefined> {
  const secret = sessionSecretFrom(options.request.headers.get("Cookie"), {
    secure: isSecureSite(options.services.config),
  });
  if (!secret) return undefined;
  return readSession({ db: options.services.database.db, secret, config: options.services.config });
}

/**
 * The logged-in person allowed to do `permission`. Someone not logged in goes to the login page (and
 * comes back afterwards); someone without the right gets a 403.
 */
export async function requirePermission(options: {
  request: Request;
  services: Services;
  permission: Permission;
}): Promise<{ user: User; actor: Actor }> {
  const user = await getCurrentUser(options);
  if (!user) {
    const url = new URL(options.request.url);
    throw redirect(`/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`);
  }
  const actor = actorOf(user);
  if (!can(actor, options.permission)) {
    throw new AppError("forbidden", "problems.accounts.noAccess");
  }
  return { user, actor };
}
