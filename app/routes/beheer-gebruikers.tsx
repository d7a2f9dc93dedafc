// Operators give people roles; every change lands in the audit log.
import { data, Form } from "react-router";
import { z } from "zod";
import { AppError } from "~/infra/errors.ts";
import { useT } from "~/infra/i18n/i18n.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { ROLES } from "~/modules/accounts/accounts.schema.ts";
import { listUsers, setUserRoles } from "~/modules/accounts/accounts.server.ts";
import { RoleInput } from "~/modules/accounts/accounts.validation.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import type { Route } from "./+types/beheer-gebruikers";

const RolesChange = z.object({ userId: z.uuid(), roles: z.array(RoleInput) });
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
    const form = await request.formData().catch(() => new FormData());
    const input = RolesChange.safeParse({ userId: form.get("userId"), roles: form.getAll("roles") });
    if (!input.success) throw new AppError("invalid", "Deze wijziging klopt niet. Probeer het opnieuw.");
    try {
      const user = await setUserRoles({
        db: context.services.database.db,
        userId: input.data.userId,
        roles: input.data.roles,
        actor,
      });
      return data({ saved: user.email, problem: null });
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict") {
        return data({ saved: null, problem: error.message }, { status: 409 });
      }
      throw error;
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
              <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
                <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                  {t("admin.rolesFor", { email: user.email })}
                </legend>
                {EXTRA_ROLES.map((role) => (
                  <div key={role} className="utrecht-form-field utrecht-form-field--checkbox">
                    <input
                      type="checkbox"
                      className="utrecht-checkbox utrecht-checkbox--html-input"
                      id={`rol-${user.id}-${role}`}
                      name="roles"
                      value={role}
                      defaultChecked={user.roles.includes(role)}
                    />{" "}
                    <label
                      className="utrecht-form-label utrecht-form-label--checkbox"
                      htmlFor={`rol-${user.id}-${role}`}
                    >
                      {t(`account.roleNames.${role}`)}
                    </label>
                  </div>
                ))}
              </fieldset>
              <Button appearance="secondary-action">{t("admin.saveRoles")}</Button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}
