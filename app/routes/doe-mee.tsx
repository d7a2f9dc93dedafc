// Joining a live team conversation with the code from the big screen: no account, no name. The code
// may also come in the address (`?code=`); a good one goes straight to the conversation's page.
import { data, Form, redirect } from "react-router";
import { isSecureSite } from "~/infra/cookies.ts";
import { isAppError } from "~/infra/errors.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { JoinCode } from "~/modules/conversations/join-code.ts";
import { joinWithCookie } from "~/modules/conversations/participant-access.server.ts";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { FormField } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import type { Route } from "./+types/doe-mee";

/** Longer input is no code; the API refuses it at the same length. */
const MAX_TYPED = 40;

export async function loader({ request }: Route.LoaderArgs) {
  const typed = new URL(request.url).searchParams.get("code");
  if (typed === null) return data({ typed: "", errors: {} }, { headers: PRIVATE_HEADERS });
  const code = JoinCode.safeParse(typed.slice(0, MAX_TYPED));
  if (code.success) throw redirect(`/doe-mee/${code.data}`, { headers: PRIVATE_HEADERS });
  return data(
    { typed: typed.slice(0, MAX_TYPED), errors: { code: code.error.issues[0]?.message ?? "" } },
    { status: 400, headers: PRIVATE_HEADERS },
  );
}

export async function action({ request, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const form = await request.formData().catch(() => new FormData());
    const field = form.get("code");
    const typed = typeof field === "string" ? field.slice(0, MAX_TYPED) : "";
    const code = JoinCode.safeParse(typed);
    if (!code.success) {
      return data({ typed, errors: { code: code.error.issues[0]?.message ?? "" } }, { status: 400 });
    }
    try {
      const joined = await joinWithCookie({
        db: services.database.db,
        liveHub: services.liveHub,
        participationLimits: services.participationLimits,
        config: services.config,
        clientIp: context.clientIp,
        code: code.data,
        secure: isSecureSite(services.config),
      });
      return redirect(`/doe-mee/${joined.code}`, { status: 303, headers: { "Set-Cookie": joined.cookie } });
    } catch (error) {
      // Unknown, locked, ended, full or too many tries: said on the form, with what was typed.
      if (isAppError(error) && error.code !== "unavailable") {
        return data({ typed, errors: { code: error.message } }, { status: error.status });
      }
      throw error;
    }
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function TakePart({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors: Record<string, string> = actionData?.errors ?? loaderData.errors;
  const typed = actionData?.typed ?? loaderData.typed;
  return (
    <>
      <title>{`${t("doeMee.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("doeMee.title")}</Heading>
      <ErrorSummary title={t("doeMee.errorSummary")} errors={errors} />
      <Paragraph>{t("doeMee.intro")}</Paragraph>
      <Form method="post" className="vm-form vm-join" noValidate>
        <FormField
          id="code"
          label={t("doeMee.codeLabel")}
          description={t("doeMee.codeHint")}
          error={errors.code}
        >
          {(describedBy) => (
            <input
              id="code"
              name="code"
              type="text"
              // The key is typed from a screen: no suggestions, no corrections, capitals on the keyboard.
              inputMode="text"
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              maxLength={MAX_TYPED}
              defaultValue={typed}
              className={`utrecht-textbox utrecht-textbox--html-input vm-join__code${errors.code ? " utrecht-textbox--invalid" : ""}`}
              aria-invalid={errors.code ? true : undefined}
              aria-describedby={describedBy}
            />
          )}
        </FormField>
        <Button>{t("doeMee.join")}</Button>
      </Form>
    </>
  );
}
