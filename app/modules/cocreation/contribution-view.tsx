// How a contribution looks in a list and on its page: who (or "anonymous"), where in the guide, its
// status, and its text, or the editors' note in its place when it is hidden.

import { VisuallyHidden } from "~/ui/visually-hidden.tsx";
import { formatDate } from "../../infra/i18n/format-date.ts";
import { useLanguage, useT } from "../../infra/i18n/i18n.ts";
import { Alert, StatusBadge } from "../../ui/alert.tsx";
import { Heading, Paragraph } from "../../ui/heading.tsx";
import { Link } from "../../ui/link.tsx";
import type { WordChange } from "../guide/guide-diff.ts";
import type { ContributionKind, ContributionStatus, HiddenState } from "./cocreation-kinds.ts";

export interface ContributionCardData {
  id: string;
  kind: ContributionKind;
  version: number;
  part: string | null;
  partTitle: string | null;
  anchor: string | null;
  author: string | null;
  authorEmail?: string | null;
  body: string | null;
  proposedText: string | null;
  title: string;
  status: ContributionStatus;
  statusReason: string;
  adoptedInVersion: number | null;
  hidden: HiddenState | null;
  hiddenReason: string;
  supports: number;
  replies: number;
  reports?: number;
  createdAt: string;
}

const EXCERPT = 280;

function excerpt(text: string): string {
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text;
}

export function useDate() {
  const language = useLanguage();
  return (iso: string) => formatDate({ iso, language, format: "date" });
}

/** "Overgenomen in weergave 4", "In behandeling", … in the interface language. */
export function StatusLabel(props: { status: ContributionStatus; adoptedInVersion: number | null }) {
  const t = useT();
  const word = t(`cocreation.statuses.${props.status}`);
  return (
    <StatusBadge>
      {props.adoptedInVersion
        ? t("cocreation.statusIn", { status: word, version: props.adoptedInVersion })
        : word}
    </StatusBadge>
  );
}

/** What the public reads instead of a hidden text. */
export function HiddenNotice(props: { hidden: HiddenState; reason: string; stillReadable: boolean }) {
  const t = useT();
  return (
    <Alert type="warning">
      <Paragraph>
        {props.hidden === "verborgen" ? (
          <>
            {t("cocreation.item.hiddenByEditor")} <span lang="nl">{props.reason}</span>
          </>
        ) : (
          t("cocreation.item.hiddenPending")
        )}
      </Paragraph>
      {props.stillReadable ? <Paragraph>{t("cocreation.item.hiddenButReadable")}</Paragraph> : null}
    </Alert>
  );
}

/** Who wrote it (a name only when they chose to show it), when, on which version; editors also see the address. */
export function WhoAndWhere(props: { item: ContributionCardData; editor?: boolean }) {
  const t = useT();
  const date = useDate();
  const { item } = props;
  return (
    <Paragraph>
      <span className="vm-contribution__meta">
        {item.author ? t("cocreation.item.by", { name: item.author }) : t("cocreation.item.anonymous")}
        {props.editor ? ` (${item.authorEmail ?? t("cocreation.admin.fromGone")})` : ""} ·{" "}
        {date(item.createdAt)} · {t("cocreation.item.version", { number: item.version })}
      </span>
    </Paragraph>
  );
}

/** A contribution in a list: its kind and place as a link, who, when, status, the start of its text. */
export function ContributionCard(props: {
  item: ContributionCardData;
  href: string;
  headingLevel?: 2 | 3;
  editor?: boolean;
}) {
  const t = useT();
  const { item } = props;
  const text =
    item.kind === "reactie" || item.kind === "algemeen" ? item.body : item.proposedText || item.body;
  return (
    <article className="vm-card-summary vm-contribution">
      <Heading level={props.headingLevel ?? 2}>
        <Link to={props.href}>
          {t(`cocreation.kinds.${item.kind}`)}
          {item.partTitle ? (
            <>
              {": "}
              <span lang="nl">{item.partTitle}</span>
            </>
          ) : null}
          {item.kind === "nieuw-deel" && item.title ? (
            <>
              {": "}
              <span lang="nl">{item.title}</span>
            </>
          ) : null}
        </Link>
      </Heading>
      <WhoAndWhere item={item} editor={props.editor} />
      <Paragraph>
        <StatusLabel status={item.status} adoptedInVersion={item.adoptedInVersion} />{" "}
        {t("cocreation.item.supports", { count: item.supports })} ·{" "}
        {t("cocreation.item.replies", { count: item.replies })}
        {item.reports ? ` · ${t("cocreation.admin.reports", { count: item.reports })}` : ""}
      </Paragraph>
      {item.hidden ? (
        <HiddenNotice hidden={item.hidden} reason={item.hiddenReason} stillReadable={false} />
      ) : null}
      {text ? (
        <Paragraph lang="nl">
          <span className="vm-proposal">{excerpt(text)}</span>
        </Paragraph>
      ) : null}
    </article>
  );
}

/** A text proposal as a difference with the paragraph it changes, word by word. */
export function WordDiff(props: { words: WordChange[] }) {
  const t = useT();
  return (
    <div className="vm-quote-context vm-proposal" lang="nl">
      {props.words.map((word, index) =>
        word.kind === "same" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of a diff have no identity of their own
          <span key={index}>{word.text}</span>
        ) : word.kind === "added" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <ins key={index} className="vm-ins">
            <VisuallyHidden>[{t("compare.insertedText")} </VisuallyHidden>
            {word.text}
            <VisuallyHidden> {t("compare.endOfChange")}]</VisuallyHidden>
          </ins>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <del key={index} className="vm-del">
            <VisuallyHidden>[{t("compare.deletedText")} </VisuallyHidden>
            {word.text}
            <VisuallyHidden> {t("compare.endOfChange")}]</VisuallyHidden>
          </del>
        ),
      )}
    </div>
  );
}

/** Links from page to page of a list, keeping its filters. */
export function Pagination(props: { page: number; pages: number; hrefFor: (page: number) => string }) {
  const t = useT();
  if (props.pages <= 1) return null;
  return (
    <nav className="vm-pagination" aria-label={t("cocreation.list.pagination")}>
      {props.page > 1 ? (
        <Link to={props.hrefFor(props.page - 1)}>{t("cocreation.list.previous")}</Link>
      ) : null}
      <span>{t("cocreation.list.page", { page: props.page, pages: props.pages })}</span>
      {props.page < props.pages ? (
        <Link to={props.hrefFor(props.page + 1)}>{t("cocreation.list.next")}</Link>
      ) : null}
    </nav>
  );
}
