// The record of one deliberation, for its owner: readable and printable, with downloads, read-only
// share links (made, listed, switched off), turning it into a card, and deleting it.
import { data, Form, redirect } from "react-router";
import { readFormData } from "~/infra/form-data.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import {
  createShareLink,
  listShareLinks,
  revokeShareLink,
  titleOf,
} from "~/modules/deliberation/deliberations.server.ts";
import { requireOwnDeliberation } from "~/modules/deliberation/own-deliberation.server.ts";
import { RecordView } from "~/modules/deliberation/record-view.tsx";
import { principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Button } from "~/ui/button.tsx";
import { FormField, Textbox } from "~/ui/form-field.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import { PrintButton } from "~/ui/print-button.tsx";
import type { Route } from "./+types/afweging";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["dilemmas", "deliberation"] };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { user, record } = await requireOwnDeliberation({ request, services, id: params.id });
    const { db } = services.database;
    const [links, titles] = await Promise.all([
      listShareLinks({ db, id: record.id, ownerId: user.id }),
      principleTitles({ db }),
    ]);
    return data(
      {
        id: record.id,
        title: titleOf(record.content),
        content: record.content,
        createdAt: record.createdAt.toISOString(),
        updatedAt: record.updatedAt.toISOString(),
        links: links.map((link) => ({ id: link.id, createdAt: link.createdAt.toISOString() })),
        revoked: new URL(request.url).searchParams.get("ingetrokken") === "1",
        principles: [...titles].map(([slug, title]) => ({ slug, title })),
      },
      { headers: PRIVATE_HEADERS },
    );
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { user } = await requirePermission({ request, services, permission: "deliberations:own" });
    const { db } = services.database;
    const form = await readFormData(request);
    const intent = form.get("intent");
    if (intent === "link-intrekken") {
      await revokeShareLink({ db, shareId: String(form.get("link") ?? ""), ownerId: user.id });
      return redirect(`/afwegen/${params.id}?ingetrokken=1#delen`, { status: 303 });
    }
    if (intent === "link-maken") {
      const origin = services.config.publicUrl;
      const link = await createShareLink({
        db,
        id: params.id,
        ownerId: user.id,
        origin: origin.replace(/\/$/, ""),
      });
      // Shown once, in this answer only: the link is stored as a hash.
      return data({ createdLink: link.url }, { headers: PRIVATE_HEADERS });
    }
    return data({ createdLink: undefined }, { status: 400, headers: PRIVATE_HEADERS });
  });
}

export const headers: Route.HeadersFunction = () => PRIVATE_HEADERS;

export default function DeliberationRecord({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const day = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "nl-NL", {
    dateStyle: "long",
    timeZone: "Europe/Amsterdam",
  });
  const moment = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "nl-NL", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  });
  const base = `/afwegen/${loaderData.id}`;
  return (
    <>
      <title>{`${loaderData.title || t("deliberation.untitled")} – Vakmanschap`}</title>
      <Paragraph className="vm-no-print">
        <Link to="/afwegen">{t("deliberation.record.back")}</Link>
      </Paragraph>
      <Heading level={1}>
        <span className="vm-heading-pre">{t("deliberation.record.title")}: </span>
        {loaderData.title || t("deliberation.untitled")}
      </Heading>
      <Paragraph>
        {t("deliberation.record.created", {
          date: day.format(new Date(loaderData.createdAt)),
          updated: moment.format(new Date(loaderData.updatedAt)),
        })}
      </Paragraph>
      <PrintButton label={t("deliberation.record.print")} />
      <RecordView
        content={loaderData.content}
        principles={loaderData.principles}
        editableId={loaderData.id}
      />

      <div className="vm-no-print vm-record-actions">
        <Heading level={2}>{t("deliberation.record.downloads")}</Heading>
        <UnorderedList>
          <UnorderedListItem>
            <Link to={`${base}/download?formaat=markdown`} download>
              {t("deliberation.record.markdown")}
            </Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link to={`${base}/download?formaat=json`} download>
              {t("deliberation.record.json")}
            </Link>
          </UnorderedListItem>
        </UnorderedList>

        <section aria-labelledby="delen" className="vm-record__share">
          <Heading level={2} id="delen">
            {t("deliberation.record.shareTitle")}
          </Heading>
          <Paragraph>{t("deliberation.record.shareIntro")}</Paragraph>
          {actionData?.createdLink ? (
            <Alert type="ok">
              <Paragraph>{t("deliberation.record.shareCreated")}</Paragraph>
              <FormField id="leeslink" label={t("deliberation.record.shareLinkLabel")}>
                {(describedBy) => (
                  <Textbox
                    id="leeslink"
                    name="leeslink"
                    defaultValue={actionData.createdLink}
                    describedBy={describedBy}
                  />
                )}
              </FormField>
            </Alert>
          ) : null}
          {loaderData.revoked ? (
            <Alert type="ok">
              <Paragraph>{t("deliberation.record.shareRevoked")}</Paragraph>
            </Alert>
          ) : null}
          {loaderData.links.length === 0 ? <Paragraph>{t("deliberation.record.shareNone")}</Paragraph> : null}
          <ul className="vm-plain-list">
            {loaderData.links.map((link) => (
              <li key={link.id} className="vm-share-link">
                <Form method="post" className="vm-actions">
                  <input type="hidden" name="intent" value="link-intrekken" />
                  <input type="hidden" name="link" value={link.id} />
                  <span>
                    {t("deliberation.record.shareMade", { date: moment.format(new Date(link.createdAt)) })}
                  </span>
                  <Button appearance="secondary-action">{t("deliberation.record.shareRevoke")}</Button>
                </Form>
              </li>
            ))}
          </ul>
          <Form method="post">
            <input type="hidden" name="intent" value="link-maken" />
            <Button appearance="secondary-action">{t("deliberation.record.shareCreate")}</Button>
          </Form>
        </section>

        <Heading level={2}>{t("deliberation.record.cardTitle")}</Heading>
        <Paragraph>{t("deliberation.record.cardIntro")}</Paragraph>
        <Paragraph>
          <Link to={`${base}/dilemmakaart`}>{t("deliberation.record.cardLink")}</Link>
        </Paragraph>

        <Heading level={2}>{t("deliberation.record.deleteTitle")}</Heading>
        <Paragraph>{t("deliberation.record.deleteIntro")}</Paragraph>
        <Paragraph>
          <Link to={`${base}/verwijderen`}>{t("deliberation.record.deleteLink")}</Link>
        </Paragraph>
      </div>
    </>
  );
}
