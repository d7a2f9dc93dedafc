// Login by e-mail link: ask for an address, queue the link, say the same at once whatever the address.
import { data, Form, redirect } from "react-router";
import { formValuesOf, readFormData } from "~/infra/form-data.ts";
import { languageOf, useT } from "~/infra/i18n/i18n.ts";
import { translatorFor } from "~/infra/i18n/texts.server.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { LoginLinkRequest, ReturnPath } from "~/modules/accounts/accounts.validation.ts";
import { getCurrentUser } from "~/modules/accounts/current-user.server.ts";
import { requestLoginLink } from "~/modules/accounts/login-links.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { FormField, Textbox } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import type { Route } from "./+types/inloggen";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const terug = ReturnPath.parse(new URL(request.url).searchParams.get("terug") ?? undefined);
    if (await getCurrentUser({ request, services: context.services }))
      throw redirect(terug === "/" ? "/profiel" : terug);
    const { config } = context.services;
    return data(
      {
        terug,
        minutes: config.loginLinkMinutes,
        loginLinks: config.loginLinks,
        sso: config.oidc ? { providerName: config.oidc.providerName } : null,
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const { services } = context;
  const form = formValuesOf(await readFormData(request));
  const input = LoginLinkRequest.safeParse(form);
  const email = typeof form.email === "string" ? form.email : "";
  const language = languageOf(request);
  const t = translatorFor(language);
  if (!services.config.loginLinks) {
    return data(
      {
        sent: false,
        errors: { email: t("problems.accounts.loginLinksOff") },
        email,
        limited: false,
      },
      { status: 403 },
    );
  }
  if (!input.success)
    return answerRefusedForm(input.error, { request, extra: { sent: false, email, limited: false } });
  try {
    await requestLoginLink({
      db: services.database.db,
      config: services.config,
      email: input.data.email,
      returnTo: input.data.terug,
      clientIp: context.clientIp,
      language,
    });
  } catch (error) {
    // Too many requests from this address or for this e-mail address: said beside the field (429).
    return answerRefusedForm(error, {
      request,
      field: "email",
      say: ["rate_limited"],
      extra: { sent: false, email, limited: true },
    });
  }
  return data({ sent: true, errors: {}, email: input.data.email, limited: false });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  if (actionData?.sent) {
    return (
      <>
        <title>{`${t("account.checkMailTitle")} – Vakmanschap`}</title>
        <Heading level={1}>{t("account.checkMailTitle")}</Heading>
        <Alert type="ok">
          <Paragraph>{t("account.checkMail", { minutes: loaderData.minutes })}</Paragraph>
        </Alert>
        <Paragraph>{t("account.earlierLink", { minutes: loaderData.minutes })}</Paragraph>
        <Paragraph>{t("account.noMail")}</Paragraph>
      </>
    );
  }
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <>
      <title>{`${t("account.loginTitle")} – Vakmanschap`}</title>
      <Heading level={1}>{t("account.loginTitle")}</Heading>
      <ErrorSummary title={t("account.errorSummary")} errors={errors} />
      {loaderData.sso && (
        <>
          <Paragraph>{t("account.ssoIntro")}</Paragraph>
          <Form method="post" action="/inloggen/sso" reloadDocument>
            <input type="hidden" name="terug" value={loaderData.terug} />
            <Button>
              {loaderData.sso.providerName
                ? t("account.ssoButton", { provider: loaderData.sso.providerName })
                : t("account.ssoButtonDefault")}
            </Button>
          </Form>
        </>
      )}
      {loaderData.loginLinks ? (
        <LoginLinkForm
          terug={loaderData.terug}
          email={actionData?.email}
          errors={errors}
          withHeading={Boolean(loaderData.sso)}
        />
      ) : (
        <Paragraph>{t("account.linksOff")}</Paragraph>
      )}
    </>
  );
}

function LoginLinkForm(props: {
  terug: string;
  email?: string;
  errors: Record<string, string>;
  withHeading: boolean;
}) {
  const t = useT();
  const { errors } = props;
  return (
    <>
      {props.withHeading && <Heading level={2}>{t("account.orLink")}</Heading>}
      <Paragraph>{t("account.loginIntro")}</Paragraph>
      <Form method="post" className="vm-form" noValidate>
        <input type="hidden" name="terug" value={props.terug} />
        <FormField
          id="email"
          label={t("account.emailLabel")}
          description={t("account.emailHint")}
          error={errors.email}
        >
          {(describedBy) => (
            <Textbox
              id="email"
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={props.email}
              invalid={Boolean(errors.email)}
              describedBy={describedBy}
              maxLength={254}
            />
          )}
        </FormField>
        <Button>{t("account.sendLink")}</Button>
      </Form>
    </>
  );
}
