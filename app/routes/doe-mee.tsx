// Joining a live team conversation with the code from the big screen: no account, no name. The code
// may also come in the address (`?code=`); a good one goes straight to the conversation's page.
import { data, Form, redirect } from "react-router";
import { isSecureSite } from "~/infra/cookies.ts";
import { readFormData, textOf } from "~/infra/form-data.ts";
import { languageOf, useT } from "~/infra/i18n/i18n.ts";
import { translatorFor } from "~/infra/i18n/texts.server.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm, EVERY_REFUSAL } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { JoinCode } from "~/modules/conversations/join-code.ts";
import { joinWithCookie } from "~/modules/conversations/participant-access.server.ts";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { FormField, Textbox } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import type { Route } from "./+types/doe-mee";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["join"] };

/** Longer input is no code; the API refuses it at the same length. */
const MAX_TYPED = 40;

export async function loader({ request }: Route.LoaderArgs) {
  const typed = new URL(request.url).searchParams.get("code");
  if (typed === null) return data({ typed: "", errors: {} }, { headers: PRIVATE_HEADERS });
  const code = JoinCode.safeParse(typed.slice(0, MAX_TYPED));
  if (code.success) throw redirect(`/doe-mee/${code.data}`, { headers: PRIVATE_HEADERS });
  const t = translatorFor(languageOf(request));
  return data(
    { typed: typed.slice(0, MAX_TYPED), errors: { code: t(code.error.issues[0]?.message ?? "") } },
    { status: 400, headers: PRIVATE_HEADERS },
  );
}

export async function action({ request, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const form = await readFormData(request);
    const typed = textOf(form, "code").slice(0, MAX_TYPED);
    const code = JoinCode.safeParse(typed);
    if (!code.success) {
      return answerRefusedForm(code.error, {
        request,
        fieldNames: { nameOf: () => "code" },
        extra: { typed },
      });
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
      return answerRefusedForm(error, { request, field: "code", say: EVERY_REFUSAL, extra: { typed } });
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
      <title>{`${t("join.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("join.title")}</Heading>
      <ErrorSummary title={t("join.errorSummary")} errors={errors} />
      <Paragraph>{t("join.intro")}</Paragraph>
      <Form method="post" className="vm-form vm-join" noValidate>
        <FormField id="code" label={t("join.codeLabel")} description={t("join.codeHint")} error={errors.code}>
          {(describedBy) => (
            <Textbox
              id="code"
              name="code"
              code
              inputMode="text"
              autoComplete="off"
              maxLength={MAX_TYPED}
              defaultValue={typed}
              className="vm-join__code"
              invalid={Boolean(errors.code)}
              describedBy={describedBy}
            />
          )}
        </FormField>
        <Button>{t("join.join")}</Button>
      </Form>
    </>
  );
}
