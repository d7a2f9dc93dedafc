// One table of the insights on a page: its chart beside a table with the same figures, a total and the
// hidden rest where the table has them, and a link to the same table as a CSV file.
import { formatDate } from "~/infra/i18n/format-date.ts";
import { formatNumber } from "~/infra/i18n/format-number.ts";
import { type Language, type TFunction, useLanguage, useT } from "~/infra/i18n/i18n.ts";
import { BarChart, ChartFigure, LineChart } from "~/ui/chart.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { ScrollRegion } from "~/ui/scroll-region.tsx";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "~/ui/table.tsx";
import {
  CODE_COLUMNS,
  type ColumnKind,
  INSIGHT_TABLES,
  type InsightRow,
  type InsightTable,
  restOf,
} from "./insight-tables.ts";

/** A cell as the reader reads it: numbers in their language, a hidden figure said in words. */
export function cellText(options: {
  value: string | number | null;
  kind: ColumnKind;
  language: Language;
  t: TFunction;
}): string {
  const { value, language } = options;
  if (value === null) return options.t("insights.notShown");
  if (typeof value === "number")
    return formatNumber({ value, language, format: options.kind === "decimal" ? "decimal" : "whole" });
  // Noon, so the day is the same in every time zone the formatter might think of.
  if (options.kind === "date") return formatDate({ iso: `${value}T12:00:00Z`, language, format: "date" });
  if (options.kind === "month")
    return formatDate({ iso: `${value}-15T12:00:00Z`, language, format: "month" });
  return value;
}

const isNumeric = (kind: ColumnKind) => kind === "number" || kind === "decimal";

export function InsightTableView(props: {
  table: InsightTable;
  csvHref?: string;
  headingLevel?: 3 | 4;
  /** Every text in the rows is Dutch (a year's figures as published), whatever the interface language. */
  dutch?: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const { table } = props;
  const definition = INSIGHT_TABLES[table.id];
  const title = t(`insights.tables.${table.id}.title`);
  const columns = definition.columns.filter(([name]) => !CODE_COLUMNS.has(name));
  const [labelColumn] = columns;
  const numberOf = (value: number) => formatNumber({ value, language, format: "decimal" });
  const labelKind = definition.columns.find(([name]) => name === definition.chart.label)?.[1] ?? "text";
  const points = table.rows.map((row: InsightRow) => ({
    label:
      labelKind === "date"
        ? formatDate({ iso: `${row[definition.chart.label]}T12:00:00Z`, language, format: "shortDate" })
        : cellText({ value: row[definition.chart.label] ?? null, kind: labelKind, language, t }),
    value: typeof row[definition.chart.value] === "number" ? (row[definition.chart.value] as number) : null,
  }));
  const rest = restOf(table);
  // What people named or wrote is Dutch; on an English page it says so, for screen readers.
  const langOf = (name: string, kind: ColumnKind) =>
    language !== "nl" && kind === "text" && (props.dutch || definition.content?.includes(name))
      ? "nl"
      : undefined;

  return (
    // Not a region of its own: the table's scrolling box is the region, named by the same title.
    <div className="vm-insight">
      <Heading level={props.headingLevel ?? 3}>{title}</Heading>
      {table.rows.length === 0 ? (
        <Paragraph>{t("insights.empty")}</Paragraph>
      ) : (
        <ChartFigure
          stacked={columns.length > 3}
          chart={
            definition.chart.kind === "line" ? (
              <LineChart
                title={title}
                description={t(`insights.tables.${table.id}.chart`)}
                points={points}
                valueLabel={t(`insights.columns.${definition.chart.value}`)}
                format={numberOf}
              />
            ) : (
              <BarChart
                title={title}
                description={t(`insights.tables.${table.id}.chart`)}
                bars={points}
                valueLabel={t(`insights.columns.${definition.chart.value}`)}
                format={numberOf}
                hiddenLabel={t("insights.notShown")}
                labelLang={langOf(definition.chart.label, labelKind)}
              />
            )
          }
          table={
            // A table can be wider than its place (a round's nine columns): its box scrolls, named and
            // reachable by keyboard.
            <ScrollRegion label={title}>
              <Table container={false}>
                <TableCaption>{title}</TableCaption>
                <TableHeader>
                  <TableRow>
                    {columns.map(([name, kind]) => (
                      <TableHeaderCell key={name} scope="col" numeric={isNumeric(kind)}>
                        {t(`insights.columns.${name}`)}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {table.rows.map((row, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows keep their order; a label may repeat
                    <TableRow key={index}>
                      {columns.map(([name, kind], column) =>
                        column === 0 ? (
                          <TableHeaderCell key={name} scope="row" lang={langOf(name, kind)}>
                            {cellText({ value: row[name] ?? null, kind, language, t })}
                          </TableHeaderCell>
                        ) : (
                          <TableCell key={name} numeric={isNumeric(kind)} lang={langOf(name, kind)}>
                            {cellText({ value: row[name] ?? null, kind, language, t })}
                          </TableCell>
                        ),
                      )}
                    </TableRow>
                  ))}
                  {rest > 0 && definition.totalColumn ? (
                    <SummaryRow
                      label={t("insights.others")}
                      columns={columns}
                      column={definition.totalColumn}
                      value={rest}
                    />
                  ) : null}
                  {table.total !== null && definition.totalColumn ? (
                    <SummaryRow
                      label={t("insights.total")}
                      columns={columns}
                      column={definition.totalColumn}
                      value={table.total}
                    />
                  ) : null}
                </TableBody>
              </Table>
            </ScrollRegion>
          }
        />
      )}
      {props.csvHref && labelColumn ? (
        <Paragraph>
          <Link to={props.csvHref} download aria-label={t("insights.csvLabel", { table: title })}>
            {t("insights.csv")}
          </Link>
        </Paragraph>
      ) : null}
    </div>
  );
}

function SummaryRow(props: {
  label: string;
  columns: readonly (readonly [string, string])[];
  column: string;
  value: number;
}) {
  const language = useLanguage();
  return (
    <TableRow className="vm-insight__summary">
      {props.columns.map(([name], index) =>
        index === 0 ? (
          <TableHeaderCell key={name} scope="row">
            {props.label}
          </TableHeaderCell>
        ) : (
          <TableCell key={name} numeric={name === props.column}>
            {name === props.column ? formatNumber({ value: props.value, language }) : null}
          </TableCell>
        ),
      )}
    </TableRow>
  );
}
