// Who calls the API: a personal token (`Authorization: Bearer`) or the browser's session cookie.
// A wrong token is refused outright (401) rather than treated as anonymous, so an integration with a
// revoked key fails loudly. Calls per token are rate limited across processes.
import type { NextFunction, Request, Response } from "express";
import { isSecureSite } from "../../app/infra/cookies.ts";
import { AppError } from "../../app/infra/errors.ts";
import { hitRateLimit, rateLimitError } from "../../app/infra/rate-limit.server.ts";
import { hashSecret } from "../../app/infra/secrets.server.ts";
import type { Services } from "../../app/infra/services.server.ts";
import { actorOf } from "../../app/modules/accounts/accounts.server.ts";
import { authenticateApiToken } from "../../app/modules/accounts/api-tokens.server.ts";
import type { Actor } from "../../app/modules/accounts/authorization.ts";
import { readSession, sessionSecretFrom } from "../../app/modules/accounts/sessions.server.ts";

declare module "express-serve-static-core" {
  interface Request {
    actor?: Actor;
  }
}

export function resolveApiActor(services: Services) {
  const { db } = services.database;
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const authorization = req.headers.authorization;
      if (authorization) {
        const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
        const user = token ? await authenticateApiToken({ db, token }) : undefined;
        if (!token || !user) {
          res.setHeader("WWW-Authenticate", 'Bearer realm="vakmanschap"');
          throw new AppError("unauthenticated", "problems.api.tokenUnknown");
        }
        if (services.config.rateLimits.enabled) {
          const hit = await hitRateLimit({
            db,
            key: `api:token:${hashSecret(token)}`,
            limit: services.config.rateLimits.apiPerToken,
            windowSeconds: 60,
          });
          if (!hit.allowed) {
            throw rateLimitError(hit.retryAfterSeconds);
          }
        }
        req.actor = actorOf(user);
        return next();
      }
      const secret = sessionSecretFrom(req.headers.cookie, { secure: isSecureSite(services.config) });
      const user = secret ? await readSession({ db, secret, config: services.config }) : undefined;
      if (user) req.actor = actorOf(user);
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The caller, or a 401 problem when nobody is logged in. */
export function requireApiActor(req: Request): Actor {
  if (!req.actor) throw new AppError("unauthenticated", "problems.api.loginRequired");
  return req.actor;
}
