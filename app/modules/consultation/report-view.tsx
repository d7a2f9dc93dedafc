// How a consultation's outcome reads on a page: the groups (with the opinion map and a table that says
// the same), what nearly everyone shares, where people are unsure, and every statement's shares. Used
// by the outcome page and its printable summary; what may be shown is decided in report.server.ts.

import { formatDate } from "~/infra/i18n/format-date.ts";
import { formatNumber } from "~/infra/i18n/format-number.ts";
import { useLanguage, useT } from "~/infra/i18n/i18n.ts";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "~/ui/table.tsx";
import { MIN_PEOPLE_SHOWN } from "./consultation-limits.ts";
import type { Report } from "./report.server.ts";

export function usePercent() {
  const language = useLanguage();
  return (share: number) => formatNumber({ value: share, language, format: "percent" });
}

/** When the outcome was computed, or that there is none yet. */
export function AnalysedAt(props: { report: Report }) {
  const t = useT();
  const language = useLanguage();
  const { analysedAt } = props.report;
  return (
    <Paragraph>
      {analysedAt
        ? t("consultation.results.analysedAt", {
            date: formatDate({ iso: analysedAt, language, format: "dateTime" }),
          })
        : t("consultation.results.notYet")}
    </Paragraph>
  );
}

export type Percent = (share: number) => string;

/** Shapes beside colours, so the groups differ without colour too. */
const SHAPES = ["circle", "square", "triangle", "diamond", "cross"] as const;

function Marker(props: { x: number; y: number; index: number | null }) {
  const { x, y } = props;
  const shape = props.index === null ? "small" : SHAPES[props.index % SHAPES.length];
  const className = props.index === null ? "vm-opinion-map__small" : `vm-opinion-map__group-${props.index}`;
  if (shape === "square") return <rect className={className} x={x - 3} y={y - 3} width={6} height={6} />;
  if (shape === "triangle")
    return <polygon className={className} points={`${x},${y - 4} ${x + 4},${y + 3} ${x - 4},${y + 3}`} />;
  if (shape === "diamond")
    return (
      <polygon className={className} points={`${x},${y - 4} ${x + 4},${y} ${x},${y + 4} ${x - 4},${y}`} />
    );
  if (shape === "cross")
    return (
      <path
        className={className}
        d={`M${x - 3},${y - 3}L${x + 3},${y + 3}M${x - 3},${y + 3}L${x + 3},${y - 3}`}
      />
    );
  return <circle className={className} cx={x} cy={y} r={shape === "small" ? 2 : 3} />;
}

export function Groups(props: { report: Report; percent: Percent }) {
  const t = useT();
  const { report, percent } = props;
  const width = 400;
  const height = 300;
  const indexOf = new Map(report.groups.map((group, index) => [group.letter, index]));
  return (
    <section aria-labelledby="groepen">
      <Heading level={2} id="groepen">
        {t("consultation.results.groupsTitle")}
      </Heading>
      {report.separation ? (
        <Paragraph>{t(`consultation.results.separation.${report.separation}`)}</Paragraph>
      ) : null}
      {report.map.length > 0 ? (
        <figure className="vm-opinion-map">
          <svg
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-labelledby="kaart-titel kaart-uitleg"
            className="vm-opinion-map__drawing"
          >
            <title id="kaart-titel">{t("consultation.results.mapTitle")}</title>
            <desc id="kaart-uitleg">
              {t("consultation.results.mapDescription", {
                placed: report.placed,
                groups: report.groups.length,
              })}
            </desc>
            <rect className="vm-opinion-map__frame" x={0.5} y={0.5} width={width - 1} height={height - 1} />
            {report.map.map((place, index) => (
              <Marker
                // Places have no identity (they come sorted by where they are, never by who they are).
                // biome-ignore lint/suspicious/noArrayIndexKey: the places are a fixed list of points without ids
                key={index}
                x={12 + place.x * (width - 24)}
                y={12 + (1 - place.y) * (height - 24)}
                index={place.group === null ? null : (indexOf.get(place.group) ?? null)}
              />
            ))}
          </svg>
          <figcaption>
            <Paragraph>{t("consultation.results.mapIntro")}</Paragraph>
          </figcaption>
        </figure>
      ) : null}
      <Table>
        <TableCaption>{t("consultation.results.groupsCaption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("consultation.results.groupColumn")}</TableHeaderCell>
            <TableHeaderCell scope="col" numeric>
              {t("consultation.results.people")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.groups.map((group) => (
            <TableRow key={group.letter}>
              <TableHeaderCell scope="row">
                {t("consultation.results.group", { letter: group.letter })}
              </TableHeaderCell>
              <TableCell numeric>{group.size}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {report.groups.map((group) => (
        <section key={group.letter} aria-labelledby={`groep-${group.letter}`}>
          <Heading level={3} id={`groep-${group.letter}`}>
            {t("consultation.results.group", { letter: group.letter })} (
            {t("consultation.results.groupSize", { count: group.size })})
          </Heading>
          {!group.shown ? (
            <Paragraph>{t("consultation.results.smallGroup", { min: MIN_PEOPLE_SHOWN })}</Paragraph>
          ) : group.representative.length === 0 ? (
            <Paragraph>{t("consultation.results.noneRepresentative")}</Paragraph>
          ) : (
            <>
              <Paragraph>{t("consultation.results.whatSetsApart", { letter: group.letter })}</Paragraph>
              <UnorderedList>
                {group.representative.map((found) => (
                  <UnorderedListItem key={found.number}>
                    <strong lang={report.lang}>{found.text}</strong>
                    <br />
                    {t("consultation.results.representative", {
                      share: percent(found.share),
                      letter: group.letter,
                      stance: t(`consultation.results.stances.${found.stance}`),
                      others: percent(found.othersShare),
                    })}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            </>
          )}
        </section>
      ))}
    </section>
  );
}

export function Consensus(props: { report: Report; percent: Percent }) {
  const t = useT();
  const { report, percent } = props;
  if (report.groups.length < 2) return null;
  return (
    <section aria-labelledby="eens">
      <Heading level={2} id="eens">
        {t("consultation.results.consensusTitle")}
      </Heading>
      {report.consensus.length === 0 ? (
        <Paragraph>{t("consultation.results.noConsensus")}</Paragraph>
      ) : (
        <>
          <Paragraph>{t("consultation.results.consensusIntro")}</Paragraph>
          <UnorderedList>
            {report.consensus.map((found) => (
              <UnorderedListItem key={`${found.number}-${found.stance}`}>
                <strong lang={report.lang}>{found.text}</strong>
                <br />
                {t("consultation.results.consensusLine", {
                  stance: t(`consultation.results.consensusStances.${found.stance}`),
                  shares: found.groups
                    .map(
                      (group) =>
                        `${t("consultation.results.group", { letter: group.letter })} ${percent(group.share)}`,
                    )
                    .join(", "),
                })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </section>
  );
}

export function Uncertain(props: { report: Report; percent: Percent }) {
  const t = useT();
  const { report, percent } = props;
  return (
    <section aria-labelledby="twijfel">
      <Heading level={2} id="twijfel">
        {t("consultation.results.uncertainTitle")}
      </Heading>
      {report.uncertain.length === 0 ? (
        <Paragraph>{t("consultation.results.noUncertain")}</Paragraph>
      ) : (
        <>
          <Paragraph>{t("consultation.results.uncertainIntro")}</Paragraph>
          <UnorderedList>
            {report.uncertain.map((found) => (
              <UnorderedListItem key={found.number}>
                <strong lang={report.lang}>{found.text}</strong>
                <br />
                {t("consultation.results.uncertainLine", {
                  share: percent(found.passShare),
                  people: found.people,
                })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </section>
  );
}

export function AllStatements(props: { report: Report; percent: Percent }) {
  const t = useT();
  const { report, percent } = props;
  const letters = report.statements[0]?.groups.map((group) => group.letter) ?? [];
  const cell = (shares: Report["statements"][number]["all"]) =>
    shares
      ? t("consultation.results.sharesCell", {
          agree: percent(shares.agree),
          disagree: percent(shares.disagree),
          pass: percent(shares.pass),
        })
      : t("consultation.results.tooFew");
  return (
    <section aria-labelledby="alle">
      <Heading level={2} id="alle">
        {t("consultation.results.allTitle")}
      </Heading>
      <Table>
        <TableCaption>{t("consultation.results.allCaption", { min: MIN_PEOPLE_SHOWN })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("consultation.results.statementColumn")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("consultation.results.everyone")}</TableHeaderCell>
            {letters.map((letter) => (
              <TableHeaderCell key={letter} scope="col">
                {t("consultation.results.group", { letter })}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.statements.map((statement) => (
            <TableRow key={statement.number}>
              <TableHeaderCell scope="row" lang={report.lang}>
                {statement.text}
              </TableHeaderCell>
              <TableCell>{cell(statement.all)}</TableCell>
              {statement.groups.map((group) => (
                <TableCell key={group.letter}>{cell(group.shares)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
