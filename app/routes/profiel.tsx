// My profile: name, organisation, kind of work; and personal API tokens (shown once, revocable).
import { data, Form } from "react-router";
import { formValuesOf, readFormData } from "~/infra/form-data.ts";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { updateProfile } from "~/modules/accounts/accounts.server.ts";
import { ApiTokenIdInput, ApiTokenNameInput, ProfileInput } from "~/modules/accounts/accounts.validation.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "~/modules/accounts/api-tokens.server.ts";
import { can, rolesOf } from "~/modules/accounts/authorization.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { FormField, Select, Textbox } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link, LinkList, LinkListItem } from "~/ui/link.tsx";
import type { Route } from "./+types/profiel";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
// Hydrates so that a new API key, shown once after it is made, is not made again by reloading the page
// (without JavaScript the browser asks before it sends the form again).
export const handle: PageHandle = {
  texts: ["account", "admin.title", "admin.usersTitle", "admin.auditTitle"],
  hydrate: true,
};

/** Where each role's work starts; everyone logged in is an ambtenaar. */
const WORK_LINKS = [
  { permission: "deliberations:own", to: "/afwegen", label: "deliberations" },
  { permission: "kriskras:signup", to: "/kriskras", label: "kriskras" },
  { permission: "dilemmas:submit", to: "/dilemmas/mijn", label: "myCards" },
  { permission: "conversations:lead", to: "/gesprekken", label: "conversations" },
  { permission: "guide:edit", to: "/beheer/gids", label: "editGuide" },
  { permission: "dilemmas:review", to: "/beheer/dilemmas", label: "reviewCards" },
  { permission: "kriskras:organise", to: "/beheer/kriskras", label: "kriskrasRounds" },
  { permission: "consultations:run", to: "/beheer/peilingen", label: "consultations" },
  { permission: "insights:read", to: "/inzichten", label: "insights" },
] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { user, actor } = await requirePermission({
      request,
      services: context.services,
      permission: "profile:manage",
    });
    const tokens = await listApiTokens({ db: context.services.database.db, userId: user.id });
    return data(
      {
        email: user.email,
        profile: { name: user.name, organisation: user.organisation, workKind: user.workKind },
        roles: rolesOf(actor),
        workLinks: WORK_LINKS.filter((link) => can(actor, link.permission)).map(({ to, label }) => ({
          to,
          label,
        })),
        managesUsers: can(actor, "users:manage"),
        tokens: tokens.map((token) => ({
          id: token.id,
          name: token.name,
          createdAt: token.createdAt.toISOString(),
          lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
        })),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { user } = await requirePermission({
      request,
      services: context.services,
      permission: "profile:manage",
    });
    const db = context.services.database.db;
    const form = formValuesOf(await readFormData(request));
    if (form.intent === "sleutel-maken") {
      const input = ApiTokenNameInput.safeParse(form);
      if (!input.success)
        return answerRefusedForm(input.error, { request, values: form, extra: { intent: "token" } });
      const { quotas } = context.services.config;
      try {
        const { token } = await createApiToken({ db, quotas, userId: user.id, name: input.data.name });
        return data({ intent: "token", newToken: token, errors: {}, values: {} });
      } catch (error) {
        return answerRefusedForm(error, {
          request,
          values: form,
          quota: { quotas, kind: "apiToken", field: "name" },
          extra: { intent: "token" },
        });
      }
    }
    if (form.intent === "sleutel-intrekken") {
      const input = ApiTokenIdInput.safeParse(form);
      if (!input.success) return answerRefusedForm(input.error, { request, extra: { intent: "revoked" } });
      await revokeApiToken({ db, userId: user.id, tokenId: input.data.id });
      return data({ intent: "revoked", errors: {}, values: {} });
    }
    const input = ProfileInput.safeParse(form);
    if (!input.success)
      return answerRefusedForm(input.error, { request, values: form, extra: { intent: "profile" } });
    await updateProfile({ db, userId: user.id, profile: input.data });
    return data({ intent: "saved", errors: {}, values: {} });
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function Profile({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const newToken = actionData && "newToken" in actionData ? String(actionData.newToken) : null;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const profileValues =
    actionData?.intent === "profile" ? { ...loaderData.profile, ...values } : loaderData.profile;
  const workKinds = ["", "beleid", "uitvoering", "toezicht", "ondersteuning", "leidinggeven", "anders"].map(
    (value) => ({
      value,
      label: t(`account.workKinds.${value === "" ? "" : value}`, { defaultValue: t("account.workKinds.") }),
    }),
  );
  return (
    <>
      <title>{`${t("account.profileTitle")} – Vakmanschap`}</title>
      <Heading level={1}>{t("account.profileTitle")}</Heading>
      <Paragraph>{t("account.profileIntro", { email: loaderData.email })}</Paragraph>
      <Paragraph>
        {t("account.roles", {
          roles: loaderData.roles.map((role) => t(`account.roleNames.${role}`)).join(", "),
        })}
      </Paragraph>
      {actionData?.intent === "saved" ? (
        <Alert type="ok">
          <Paragraph>{t("account.saved")}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary
        title={t("account.errorSummary")}
        errors={errors}
        fieldIds={{ name: actionData?.intent === "token" ? "sleutelnaam" : "naam" }}
      />
      <Form method="post" className="vm-form" noValidate>
        <input type="hidden" name="intent" value="profiel" />
        <FormField
          id="naam"
          label={t("account.nameLabel")}
          description={t("account.nameHint")}
          error={actionData?.intent === "profile" ? errors.name : undefined}
        >
          {(describedBy) => (
            <Textbox
              id="naam"
              name="name"
              autoComplete="name"
              defaultValue={profileValues.name}
              describedBy={describedBy}
              maxLength={120}
            />
          )}
        </FormField>
        <FormField id="organisation" label={t("account.organisationLabel")} error={errors.organisation}>
          {(describedBy) => (
            <Textbox
              id="organisation"
              name="organisation"
              autoComplete="organization"
              defaultValue={profileValues.organisation}
              describedBy={describedBy}
              maxLength={160}
            />
          )}
        </FormField>
        <FormField id="workKind" label={t("account.workKindLabel")} error={errors.workKind}>
          {(describedBy) => (
            <Select
              id="workKind"
              name="workKind"
              defaultValue={profileValues.workKind}
              options={workKinds}
              describedBy={describedBy}
            />
          )}
        </FormField>
        <Button>{t("account.save")}</Button>
      </Form>

      <section aria-labelledby="sleutels" className="vm-related">
        <Heading level={2} id="sleutels">
          {t("account.tokensTitle")}
        </Heading>
        <Paragraph>{t("account.tokensIntro")}</Paragraph>
        {newToken ? (
          <Alert type="ok">
            <Paragraph>{t("account.newToken")}</Paragraph>
            <Paragraph>
              <code className="vm-token">{newToken}</code>
            </Paragraph>
          </Alert>
        ) : null}
        {actionData?.intent === "revoked" && Object.keys(errors).length === 0 ? (
          <Alert type="ok">
            <Paragraph>{t("account.revoked")}</Paragraph>
          </Alert>
        ) : null}
        {loaderData.tokens.length === 0 ? (
          <Paragraph>{t("account.noTokens")}</Paragraph>
        ) : (
          <ul className="vm-token-list">
            {loaderData.tokens.map((token) => (
              <li key={token.id}>
                <strong>{token.name}</strong> — {t("account.tokenCreated")}:{" "}
                {formatDate({ iso: token.createdAt, language, format: "dateTime" })}; {t("account.tokenUsed")}
                :{" "}
                {token.lastUsedAt
                  ? formatDate({ iso: token.lastUsedAt, language, format: "dateTime" })
                  : t("account.never")}
                <Form method="post" className="vm-inline-form">
                  <input type="hidden" name="intent" value="sleutel-intrekken" />
                  <input type="hidden" name="id" value={token.id} />
                  <Button
                    appearance="secondary-action"
                    aria-label={t("account.revokeLabel", { name: token.name })}
                  >
                    {t("account.revoke")}
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" className="vm-form" noValidate>
          <input type="hidden" name="intent" value="sleutel-maken" />
          <FormField
            id="sleutelnaam"
            label={t("account.tokenName")}
            description={t("account.tokenNameHint")}
            error={actionData?.intent === "token" ? errors.name : undefined}
          >
            {(describedBy) => (
              <Textbox
                id="sleutelnaam"
                name="name"
                defaultValue={actionData?.intent === "token" ? values.name : undefined}
                describedBy={describedBy}
                maxLength={80}
              />
            )}
          </FormField>
          <Button appearance="secondary-action">{t("account.createToken")}</Button>
        </Form>
      </section>
      <Paragraph>
        <Link to="/mijn-gegevens">{t("account.myData")}</Link>
      </Paragraph>
      <nav aria-labelledby="mijn-werk">
        <Heading level={2} id="mijn-werk">
          {t("account.work.title")}
        </Heading>
        <LinkList>
          {loaderData.workLinks.map((link) => (
            <LinkListItem key={link.to}>
              <Link to={link.to}>{t(`account.work.${link.label}`)}</Link>
            </LinkListItem>
          ))}
        </LinkList>
      </nav>
      {loaderData.managesUsers ? (
        <nav aria-labelledby="beheer">
          <Heading level={2} id="beheer">
            {t("admin.title")}
          </Heading>
          <LinkList>
            <LinkListItem>
              <Link to="/beheer/gebruikers">{t("admin.usersTitle")}</Link>
            </LinkListItem>
            <LinkListItem>
              <Link to="/beheer/audit">{t("admin.auditTitle")}</Link>
            </LinkListItem>
          </LinkList>
        </nav>
      ) : null}
      <section aria-labelledby="overal-uitloggen" className="vm-related">
        <Heading level={2} id="overal-uitloggen">
          {t("account.everywhereTitle")}
        </Heading>
        <Paragraph>{t("account.everywhereIntro")}</Paragraph>
        <Form method="post" action="/uitloggen">
          <input type="hidden" name="overal" value="ja" />
          <Button appearance="secondary-action">{t("account.everywhereButton")}</Button>
        </Form>
      </section>
      <Paragraph>
        <Link to="/uitloggen">{t("account.logoutTitle")}</Link>
      </Paragraph>
    </>
  );
}
