// The table of the guide's versions: number (a link to read it), name, the edition of the official guide
// it renders, date and status, with the current one marked. On the public list of versions and on the editors' page.
import { formatDate } from "~/infra/i18n/format-date.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import { StatusBadge } from "~/ui/alert.tsx";
import { Link } from "~/ui/link.tsx";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "~/ui/table.tsx";

export interface VersionRow {
  number: number;
  label: string;
  /** Which version of the official guide it renders, in Dutch: "derde versie". */
  edition: string;
  /** ISO date: published, or made for a draft. */
  date: string;
  status: "concept" | "gepubliceerd";
  isExample: boolean;
}

export function VersionsTable(props: { versions: VersionRow[]; currentNumber: number | null | undefined }) {
  const t = useT();
  const language = useLanguage();
  return (
    <Table>
      <TableCaption>{t("versions.caption")}</TableCaption>
      <TableHeader>
        <TableRow>
          {(["number", "label", "edition", "date", "status"] as const).map((column) => (
            <TableHeaderCell key={column} scope="col">
              {t(`versions.${column}`)}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.versions.map((version) => (
          <TableRow key={version.number}>
            <TableHeaderCell scope="row">
              <Link to={`/gids/versie/${version.number}`}>
                {t("versions.read", { number: version.number })}
              </Link>
            </TableHeaderCell>
            <TableCell lang="nl">{version.label}</TableCell>
            <TableCell lang="nl">{version.edition}</TableCell>
            <TableCell>{formatDate({ iso: version.date, language, format: "date" })}</TableCell>
            <TableCell>
              <StatusBadge>
                {version.status === "gepubliceerd" ? t("versions.published") : t("versions.draft")}
              </StatusBadge>{" "}
              {version.isExample ? <StatusBadge>{t("versions.example")}</StatusBadge> : null}{" "}
              {version.number === props.currentNumber ? (
                <StatusBadge>{t("versions.current")}</StatusBadge>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
