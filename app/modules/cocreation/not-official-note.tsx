// Where Meedenken contributions go: to this website's editors, not to the makers of the official guide,
// with the way to the official guide. Shown wherever people read or write contributions.
import { useRouteLoaderData } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import { Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";

export function NotOfficialNote() {
  const t = useT();
  const root = useRouteLoaderData("root") as { officialGuideUrl?: string } | undefined;
  return (
    <Paragraph>
      {t("cocreation.list.notOfficial")}{" "}
      {root?.officialGuideUrl ? (
        <Link to={root.officialGuideUrl} external>
          {t("site.officialLink")}
        </Link>
      ) : null}
    </Paragraph>
  );
}
