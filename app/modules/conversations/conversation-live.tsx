// The building blocks of a conversation's pages (control, big screen, phones, summary): results as tables (numbers and
// percentages as text, bars only beside them), the countdown of a question. Without JavaScript the tables
// and the end time still show; only the live parts need it (app/infra/live-revalidation.ts reloads a page
// when its stream says something changed). The guide's principles as links.
import { useEffect, useState } from "react";
import { Paragraph } from "~/ui/heading.tsx";
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
import { VisuallyHidden } from "~/ui/visually-hidden.tsx";
import { Heading } from "../../ui/heading.tsx";
import { Link } from "../../ui/link.tsx";
import type { Translate } from "../deliberation/deliberation-record.ts";
import { formatChange, optionLabel } from "./result-labels.ts";
import type { ChoiceTally, Shift } from "./tallies.ts";

export type QuestionLabels = { kind: string; optionA: string; optionB: string };

/** What a view says about a question once its result is revealed. */
export type RevealedResults =
  | { kind: "open"; count: number; approved: string[] }
  | { kind: "dilemma" | "schaal"; round1: ChoiceTally; round2?: ChoiceTally; shift?: Shift };

function Mean(props: { t: Translate; tally: ChoiceTally; second?: boolean }) {
  if (props.tally.kind !== "schaal" || props.tally.mean === null) return null;
  return (
    <Paragraph>
      {props.t(props.second ? "conversations.results.meanRound2" : "conversations.results.mean", {
        mean: props.tally.mean,
        median: props.tally.median,
      })}
    </Paragraph>
  );
}

/**
 * A bar for the eye only: the number and percentage beside it are what counts. Drawn as SVG, whose
 * width is an attribute, because the pages' content security policy allows no inline styles.
 */
function Bar(props: { share: number; second?: boolean }) {
  return (
    <svg
      className="vm-tally__bar"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect
        className={`vm-tally__fill${props.second ? " vm-tally__fill--second" : ""}`}
        width={props.share}
        height="10"
      />
    </svg>
  );
}

const amount = (option: { count: number; share: number }) => `${option.count} (${option.share}%)`;

/** One round's distribution: a row per option with the count and the share, optionally with bars. */
export function ResultTable(props: {
  t: Translate;
  question: QuestionLabels;
  tally: ChoiceTally;
  caption: string;
  bars?: boolean;
  large?: boolean;
}) {
  const { t } = props;
  return (
    <>
      <Table
        className={`vm-tally${props.bars ? " vm-tally--bars" : ""}${props.large ? " vm-tally--large" : ""}`}
      >
        <TableCaption>{props.caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("conversations.results.option")}</TableHeaderCell>
            <TableHeaderCell scope="col" numeric>
              {t("conversations.results.count")}
            </TableHeaderCell>
            <TableHeaderCell scope="col" numeric>
              {t("conversations.results.share")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.tally.options.map((option) => (
            <TableRow key={option.value}>
              <TableHeaderCell scope="row">{optionLabel(t, props.question, option.value)}</TableHeaderCell>
              <TableCell numeric>{option.count}</TableCell>
              <TableCell numeric>
                {props.bars ? (
                  <span className="vm-tally__cell">
                    <span>{option.share}%</span>
                    <Bar share={option.share} />
                  </span>
                ) : (
                  `${option.share}%`
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Mean t={t} tally={props.tally} />
    </>
  );
}

/** Both rounds side by side and how each option moved, in percentage points. */
export function ShiftTable(props: {
  t: Translate;
  question: QuestionLabels;
  shift: Shift;
  round1: ChoiceTally;
  round2: ChoiceTally;
  caption: string;
  bars?: boolean;
  large?: boolean;
}) {
  const { t } = props;
  const round = (option: { count: number; share: number }, second?: boolean) =>
    props.bars ? (
      <span className="vm-tally__cell">
        <span>{amount(option)}</span>
        <Bar share={option.share} second={second} />
      </span>
    ) : (
      amount(option)
    );
  return (
    <>
      <Table
        className={`vm-tally${props.bars ? " vm-tally--bars" : ""}${props.large ? " vm-tally--large" : ""}`}
      >
        <TableCaption>{props.caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("conversations.results.option")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("conversations.results.round1")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("conversations.results.round2")}</TableHeaderCell>
            <TableHeaderCell scope="col" numeric>
              {t("conversations.results.change")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.shift.options.map((option) => (
            <TableRow key={option.value}>
              <TableHeaderCell scope="row">{optionLabel(t, props.question, option.value)}</TableHeaderCell>
              <TableCell>{round(option.before)}</TableCell>
              <TableCell>{round(option.after, true)}</TableCell>
              <TableCell numeric>{formatChange(option.change)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Mean t={t} tally={props.round1} />
      <Mean t={t} tally={props.round2} second />
    </>
  );
}

/** A revealed result as a view gives it: the distribution, or both rounds with the shift, or open answers. */
export function RevealedResult(props: {
  t: Translate;
  question: QuestionLabels & { position: number };
  results: RevealedResults;
  bars?: boolean;
  large?: boolean;
}) {
  const { t, results, question } = props;
  const number = question.position + 1;
  if (results.kind === "open") {
    return (
      <>
        <Paragraph>{t("conversations.results.openCount", { count: results.count })}</Paragraph>
        {results.approved.length === 0 ? (
          <Paragraph>{t("conversations.summary.noneApproved")}</Paragraph>
        ) : (
          <UnorderedList className={`vm-open-answers${props.large ? " vm-open-answers--large" : ""}`}>
            {results.approved.map((answer, index) => (
              // Answers are not unique and carry no id; their order is stable between two renders.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <UnorderedListItem key={index} className="vm-preserve-lines">
                {answer}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </>
    );
  }
  if (results.round2 && results.shift) {
    return (
      <ShiftTable
        t={t}
        question={question}
        shift={results.shift}
        round1={results.round1}
        round2={results.round2}
        caption={t("conversations.results.captionShift", { number })}
        bars={props.bars}
        large={props.large}
      />
    );
  }
  return (
    <ResultTable
      t={t}
      question={question}
      tally={results.round1}
      caption={t("conversations.results.caption", { number })}
      bars={props.bars}
      large={props.large}
    />
  );
}

/** The guide's principles a question or a conversation touches, each a link to its place in the guide. */
export function PrincipleLinks(props: {
  heading: string;
  level: 2 | 3;
  principles: { slug: string; title: string }[];
}) {
  if (props.principles.length === 0) return null;
  return (
    <>
      <Heading level={props.level}>{props.heading}</Heading>
      <UnorderedList>
        {props.principles.map((principle) => (
          <UnorderedListItem key={principle.slug}>
            <Link to={`/gids/${principle.slug}`}>{principle.title}</Link>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  );
}

/**
 * The time left for a question. The end time is always there (also without JavaScript); with it, a
 * countdown that screen readers leave alone (`aria-live="off"`) and one polite announcement at one
 * minute left and one when the time is up.
 */
export function Countdown(props: { t: Translate; closesAt: string; endTime: string }) {
  const { t } = props;
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = now === null ? null : Math.max(0, Math.ceil((Date.parse(props.closesAt) - now) / 1000));
  const clock = left === null ? "" : `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
  let announcement = "";
  if (left !== null && left === 0) announcement = t("conversations.timer.done");
  else if (left !== null && left <= 60) announcement = t("conversations.timer.oneMinute");
  return (
    <div className="vm-timer">
      <Paragraph>{t("conversations.timer.until", { time: props.endTime })}</Paragraph>
      {left !== null ? (
        <Paragraph className="vm-timer__clock" aria-live="off">
          {left === 0 ? t("conversations.timer.done") : t("conversations.timer.left", { time: clock })}
        </Paragraph>
      ) : null}
      <VisuallyHidden as="p" role="status">
        {announcement}
      </VisuallyHidden>
    </div>
  );
}
