// A record read through a share link: read-only, without the owner's name, and only while the link is
// live. Never cached and never indexed.
import { data } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { readSharedDeliberation, titleOf } from "~/modules/deliberation/deliberations.server.ts";
import { RecordView } from "~/modules/deliberation/record-view.tsx";
import { principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import { Alert } from "~/ui/alert.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { PrintButton } from "~/ui/print-button.tsx";
import type { Route } from "./+types/afweging-gedeeld";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["dilemmas", "deliberation"] };

const SHARED_HEADERS = { ...PRIVATE_HEADERS, "X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer" };

export async function loader({ params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { db } = services.database;
    const record = await readSharedDeliberation({ db, keyring: services.keyring, token: params.token });
    const titles = await principleTitles({ db });
    return data(
      {
        title: titleOf(record.content),
        content: record.content,
        principles: [...titles].map(([slug, title]) => ({ slug, title })),
      },
      { headers: SHARED_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = () => SHARED_HEADERS;

export const meta: Route.MetaFunction = () => [{ name: "robots", content: "noindex" }];

export default function SharedDeliberation({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t("deliberation.shared.title")} – Vakmanschap`}</title>
      <Heading level={1}>
        <span className="vm-heading-pre">{t("deliberation.shared.title")}: </span>
        {loaderData.title || t("deliberation.untitled")}
      </Heading>
      <Alert type="info">
        <Paragraph>{t("deliberation.shared.intro")}</Paragraph>
      </Alert>
      <PrintButton label={t("deliberation.record.print")} />
      <RecordView content={loaderData.content} principles={loaderData.principles} />
    </>
  );
}
