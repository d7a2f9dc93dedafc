// The house rules of thinking along: short, in plain language, the same for everyone.
import { data } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { cacheableHeaders } from "~/infra/route-errors.server.ts";
import { NotOfficialNote } from "~/modules/cocreation/not-official-note.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { OrderedList, OrderedListItem } from "~/ui/list.tsx";
import type { Route } from "./+types/meedenken-spelregels";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["cocreation.list", "cocreation.rules"] };

const RULES = ["respect", "noNames", "onTopic", "ownWords", "anonymity", "moderation", "decisions"] as const;

export async function loader() {
  return data({ rules: RULES }, { headers: cacheableHeaders("site") });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function HouseRules({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t("cocreation.rules.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("cocreation.rules.title")}</Heading>
      <Paragraph lead>{t("cocreation.rules.intro")}</Paragraph>
      <NotOfficialNote />
      <OrderedList>
        {loaderData.rules.map((rule) => (
          <OrderedListItem key={rule}>
            <strong>{t(`cocreation.rules.items.${rule}.title`)}</strong>{" "}
            {t(`cocreation.rules.items.${rule}.text`)}
          </OrderedListItem>
        ))}
      </OrderedList>
      <Paragraph>
        <Link to="/meedenken">{t("cocreation.list.back")}</Link>
      </Paragraph>
    </>
  );
}
