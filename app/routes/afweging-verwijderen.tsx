// Deleting a record: one question, then it is gone at once and for good, with its share links.
import { data, Form, redirect } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { deleteDeliberation, titleOf } from "~/modules/deliberation/deliberations.server.ts";
import { requireOwnDeliberation } from "~/modules/deliberation/own-deliberation.server.ts";
import { Button } from "~/ui/button.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/afweging-verwijderen";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["deliberation.delete", "deliberation.untitled"] };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { record } = await requireOwnDeliberation({ request, services, id: params.id });
    return data({ id: record.id, title: titleOf(record.content) }, { headers: PRIVATE_HEADERS });
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { user } = await requirePermission({ request, services, permission: "deliberations:own" });
    await deleteDeliberation({ db: services.database.db, id: params.id, ownerId: user.id });
    return redirect("/afwegen?verwijderd=1", { status: 303 });
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function DeleteDeliberation({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t("deliberation.delete.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("deliberation.delete.title")}</Heading>
      <Paragraph>
        <strong>{loaderData.title || t("deliberation.untitled")}</strong>
      </Paragraph>
      <Paragraph>{t("deliberation.delete.question")}</Paragraph>
      <Form method="post" className="vm-actions">
        <Button>{t("deliberation.delete.confirm")}</Button>
        <Link to={`/afwegen/${loaderData.id}`}>{t("deliberation.delete.cancel")}</Link>
      </Form>
    </>
  );
}
