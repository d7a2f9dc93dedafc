// Tells the reader which version they read, and warns for drafts, examples and older versions.
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import { Alert } from "~/ui/alert.tsx";
import { Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { editionText } from "./edition.ts";
import type { VersionInfo } from "./guide.server.ts";

export function VersionNotice(props: { version: VersionInfo; isCurrent: boolean; currentHref?: string }) {
  const t = useT();
  const language = useLanguage();
  const { version } = props;
  return (
    <div className="vm-version">
      <Paragraph className="vm-version__line">
        {t("guide.versionLine", { number: version.number, label: "" }).replace(/:\s*$/, ":")}{" "}
        <span lang="nl">{version.label}</span>.{" "}
        {t("guide.rendersEdition", { edition: editionText(version.edition, language) })}
      </Paragraph>
      {version.status === "concept" ? (
        <Alert type="warning">
          <Paragraph>
            {t("guide.draftWarning")} {version.isExample ? t("guide.exampleWarning") : null}
          </Paragraph>
        </Alert>
      ) : !props.isCurrent ? (
        <Alert type="info">
          <Paragraph>
            {t("guide.oldVersion")} <Link to={props.currentHref ?? "/gids"}>{t("guide.toCurrent")}</Link>
          </Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
