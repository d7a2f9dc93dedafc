// The house rules of thinking along: short, in plain language, the same for everyone.
import { data } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import { cacheableHeaders } from "~/infra/route-errors.server.ts";
import { NotOfficialNote } from "~/modules/cocreation/not-official-note.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import type { Route } from "./+types/meedenken-spelregels";

const RULES = ["respect", "noNames", "onTopic", "ownWords", "anonymity", "moderation", "decisions"] as const;

export async function loader() {
  return data({ rules: RULES }, { headers: cacheableHeaders("site") });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function HouseRules({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t("meedenken.rules.title")} – Vakmanschap`}</title>
      <Heading level={1}>{t("meedenken.rules.title")}</Heading>
      <Paragraph lead>{t("meedenken.rules.intro")}</Paragraph>
      <NotOfficialNote />
      <ol className="utrecht-ordered-list">
        {loaderData.rules.map((rule) => (
          <li key={rule} className="utrecht-ordered-list__item">
            <strong>{t(`meedenken.rules.items.${rule}.title`)}</strong>{" "}
            {t(`meedenken.rules.items.${rule}.text`)}
          </li>
        ))}
      </ol>
      <Paragraph>
        <Link to="/meedenken">{t("meedenken.list.back")}</Link>
      </Paragraph>
    </>
  );
}
