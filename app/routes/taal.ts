// Switches the interface language: a functional cookie, then back to the page the person was on.
import { redirect } from "react-router";
import { LANGUAGE_COOKIE } from "~/infra/i18n/i18n.ts";
import type { Route } from "./+types/taal";

/** Only a path on this site, never another host ("//evil.example" or "/\\evil.example"). */
export function safeReturnPath(value: FormDataEntryValue | null): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\"))
    return "/";
  return value.slice(0, 2000);
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData().catch(() => new FormData());
  const language = form.get("taal") === "en" ? "en" : "nl";
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
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
