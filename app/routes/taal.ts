// Switches the interface language: a functional cookie, then back to the page the person was on.
import { redirect } from "react-router";
import { isSecureSite } from "~/infra/cookies.ts";
import { readFormData } from "~/infra/form-data.ts";
import { LANGUAGE_COOKIE } from "~/infra/i18n/i18n.ts";
import { safeReturnPath } from "~/infra/return-path.ts";
import type { Route } from "./+types/taal";

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readFormData(request);
  const language = form.get("taal") === "en" ? "en" : "nl";
  const secure = isSecureSite(context.services.config) ? "; Secure" : "";
  return redirect(safeReturnPath(form.get("terug")), {
    status: 303,
    headers: {
      "Set-Cookie": `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${secure}`,
    },
  });
}

export function loader() {
  return redirect("/");
}
