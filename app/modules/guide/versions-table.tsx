// The table of the guide's versions: number (a link to read it), name, the edition of the official guide
// it renders, date and status, with the current one marked. On the public list of versions and on the editors' page.
import { formatDate } from "~/infra/i18n/format-date.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import { StatusBadge } from "~/ui/alert.tsx";
import { Link } from "~/ui/link.tsx";

export interface VersionRow {
  number: number;
  label: string;
  /** Which version of the official guide it renders, in Dutch: "derde versie". */
  edition: string;
  /** ISO date: published, or made for a draft. */
  date: string;
  status: "draft" | "published";
  isExample: boolean;
}

export function VersionsTable(props: { versions: VersionRow[]; currentNumber: number | null | undefined }) {
  const t = useT();
  const language = useLanguage();
  return (
    <div className="utrecht-table-container vm-table-scroll">
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption">{t("versions.caption")}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {(["number", "label", "edition", "date", "status"] as const).map((column) => (
              <th key={column} scope="col" className="utrecht-table__header-cell">
                {t(`versions.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {props.versions.map((version) => (
            <tr key={version.number} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                <Link to={`/gids/versie/${version.number}`}>
                  {t("versions.read", { number: version.number })}
                </Link>
              </th>
              <td className="utrecht-table__cell" lang="nl">
                {version.label}
              </td>
              <td className="utrecht-table__cell" lang="nl">
                {version.edition}
              </td>
              <td className="utrecht-table__cell">
                {formatDate({ iso: version.date, language, format: "date" })}
              </td>
              <td className="utrecht-table__cell">
                <StatusBadge>
                  {version.status === "published" ? t("versions.published") : t("versions.draft")}
                </StatusBadge>{" "}
                {version.isExample ? <StatusBadge>{t("versions.example")}</StatusBadge> : null}{" "}
                {version.number === props.currentNumber ? (
                  <StatusBadge>{t("versions.current")}</StatusBadge>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
