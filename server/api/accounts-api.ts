// The accounts part of the API: who am I (for integrations checking their token).
import { Router } from "express";
import { rolesOf } from "../../app/modules/accounts/authorization.ts";
import { requireApiActor } from "./api-identity.ts";

export function createAccountsApi(): Router {
  const router = Router();
  router.get("/ik", (req, res) => {
    const actor = requireApiActor(req);
    res.json({ email: actor.email, roles: rolesOf(actor) });
  });
  return router;
}
