// The editors' queue of contributions: what reports hid first, then what is undecided, newest first;
// hidden ones are in it with their reason.
import { data, Form } from "react-router";
import { z } from "zod";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { ContributionFilter } from "~/modules/cocreation/cocreation.validation.ts";
import { CONTRIBUTION_STATUSES, QUEUE_VIEWS } from "~/modules/cocreation/cocreation-kinds.ts";
import { ContributionCard, Pagination } from "~/modules/cocreation/contribution-view.tsx";
import { listQueue } from "~/modules/cocreation/contributions.server.ts";
import { countAwaitingReview } from "~/modules/cocreation/moderation.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { FormField, Select } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import type { Route } from "./+types/beheer-meedenken";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["compare", "cocreation"] };

const View = z.enum(QUEUE_VIEWS).catch("open");

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    await requirePermission({ request, services: context.services, permission: "cocreation:decide" });
    const { db } = context.services.database;
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const filter = ContributionFilter.parse(query);
    const view = View.parse(query.toon ?? "open");
    const [result, awaiting] = await Promise.all([
      listQueue({ db, filter, view }),
      countAwaitingReview({ db }),
    ]);
    return data({ filter, view, awaiting, ...result }, { headers: PRIVATE_HEADERS });
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function ContributionQueue({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { filter, view } = loaderData;
  const hrefFor = (page: number) => {
    const query = new URLSearchParams({ toon: view });
    if (filter.status) query.set("status", filter.status);
    if (page > 1) query.set("pagina", String(page));
    return `/beheer/meedenken?${query}`;
  };
  return (
    <>
      <title>{`${t("cocreation.admin.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("cocreation.admin.title")}</Heading>
      <Paragraph>{t("cocreation.admin.intro")}</Paragraph>
      {loaderData.awaiting > 0 ? (
        <Alert type="warning">
          <Paragraph>{t("cocreation.admin.awaiting", { count: loaderData.awaiting })}</Paragraph>
        </Alert>
      ) : null}
      <Form method="get" className="vm-form vm-filters">
        <FormField id="toon" label={t("cocreation.admin.view")}>
          {(describedBy) => (
            <Select
              id="toon"
              name="toon"
              defaultValue={view}
              describedBy={describedBy}
              options={QUEUE_VIEWS.map((value) => ({ value, label: t(`cocreation.admin.views.${value}`) }))}
            />
          )}
        </FormField>
        <FormField id="status" label={t("cocreation.list.status")}>
          {(describedBy) => (
            <Select
              id="status"
              name="status"
              defaultValue={filter.status ?? ""}
              describedBy={describedBy}
              options={[
                { value: "", label: t("cocreation.list.allStatuses") },
                ...CONTRIBUTION_STATUSES.map((status) => ({
                  value: status,
                  label: t(`cocreation.statuses.${status}`),
                })),
              ]}
            />
          )}
        </FormField>
        <Button>{t("cocreation.list.show")}</Button>
      </Form>
      <Paragraph>
        <span role="status">{t("cocreation.list.found", { count: loaderData.total })}</span>
      </Paragraph>
      {loaderData.items.length === 0 ? <Paragraph>{t("cocreation.admin.none")}</Paragraph> : null}
      {loaderData.items.map((item) => (
        <ContributionCard key={item.id} item={item} href={`/beheer/meedenken/${item.id}`} editor />
      ))}
      <Pagination page={loaderData.page} pages={loaderData.pages} hrefFor={hrefFor} />
    </>
  );
}
