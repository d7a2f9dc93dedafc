// Operators give people roles; every change lands in the audit log.
import { data, Form } from "react-router";
import { AppError } from "~/infra/errors.ts";
import { formValuesOf, readFormData } from "~/infra/form-data.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { answerRefusedForm } from "~/infra/refused-form.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { listUsers, setUserRoles } from "~/modules/accounts/accounts.server.ts";
import { RolesChangeInput } from "~/modules/accounts/accounts.validation.ts";
import { ROLES } from "~/modules/accounts/authorization.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { CheckboxGroup } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import type { Route } from "./+types/beheer-gebruikers";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["account", "admin"] };

const EXTRA_ROLES = ROLES.filter((role) => role !== "ambtenaar");

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "users:manage" });
    const users = await listUsers({ db: context.services.database.db });
    return data(
      {
        users: users.map((user) => ({
          id: user.id,
          email: user.email,
          roles: user.roles,
        })),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { actor } = await requirePermission({
      request,
      services: context.services,
      permission: "users:manage",
    });
    const form = await readFormData(request);
    const input = RolesChangeInput.safeParse(formValuesOf(form, RolesChangeInput));
    if (!input.success) throw new AppError("invalid", "problems.accounts.rolesChangeInvalid");
    try {
      const user = await setUserRoles({
        db: context.services.database.db,
        userId: input.data.userId,
        roles: input.data.roles,
        actor,
      });
      return data({ saved: user.email, problem: null });
    } catch (error) {
      // The last administrator keeps the role: said above the list.
      return answerRefusedForm(error, { request, say: ["conflict"], extra: { saved: null } });
    }
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function ManageUsers({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t("admin.usersTitle")} – Vakmanschap`}</title>
      <Heading level={1}>{t("admin.usersTitle")}</Heading>
      <Paragraph>{t("admin.usersIntro")}</Paragraph>
      {actionData?.problem ? (
        <Alert type="error">
          <Paragraph>{actionData.problem}</Paragraph>
        </Alert>
      ) : null}
      {actionData?.saved ? (
        <Alert type="ok">
          <Paragraph>{t("admin.saved", { email: actionData.saved })}</Paragraph>
        </Alert>
      ) : null}
      <ul className="vm-user-list">
        {loaderData.users.map((user) => (
          <li key={user.id} className="vm-card">
            <Form method="post">
              <input type="hidden" name="userId" value={user.id} />
              <CheckboxGroup
                id={`rol-${user.id}`}
                name="roles"
                legend={t("admin.rolesFor", { email: user.email })}
                options={EXTRA_ROLES.map((role) => ({ value: role, label: t(`account.roleNames.${role}`) }))}
                checked={user.roles}
              />
              <Button appearance="secondary-action">{t("admin.saveRoles")}</Button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}
