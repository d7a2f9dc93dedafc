// Compares two versions: what was added, removed and changed, paragraph by paragraph, word by word.
import { data } from "react-router";
import { useT } from "~/infra/i18n/i18n.ts";
import type { PageHandle } from "~/infra/page-handle.ts";
import { cacheableHeaders, PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { type ProposalBehind, proposalsBehind } from "~/modules/cocreation/adoptions.server.ts";
import { CompareForm } from "~/modules/guide/compare-form.tsx";
import { compareVersions, listVersions } from "~/modules/guide/guide.server.ts";
import { CompareInput } from "~/modules/guide/guide.validation.ts";
import type { BlockDiff, WordChange } from "~/modules/guide/guide-diff.ts";
import { Alert } from "~/ui/alert.tsx";
import { Heading, Paragraph } from "~/ui/heading.tsx";
import { Link } from "~/ui/link.tsx";
import { UnorderedList, UnorderedListItem } from "~/ui/list.tsx";
import { VisuallyHidden } from "~/ui/visually-hidden.tsx";
import type { Route } from "./+types/gids-vergelijk";

// The interface texts this page shows (see app/infra/i18n/route-texts.ts).
export const handle: PageHandle = { texts: ["compare", "guide", "cocreation", "versions"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { db } = context.services.database;
    const url = new URL(request.url);
    const versions = (await listVersions({ db })).map((version) => version.number);
    const input = CompareInput.safeParse({
      van: url.searchParams.get("van"),
      naar: url.searchParams.get("naar"),
    });
    const problem = !input.success
      ? ("invalid" as const)
      : !versions.includes(input.data.van) || !versions.includes(input.data.naar)
        ? ("invalid" as const)
        : input.data.van === input.data.naar
          ? ("same" as const)
          : undefined;
    if (!input.success || problem) {
      return data(
        {
          versions,
          problem,
          van: url.searchParams.get("van") ?? "",
          naar: url.searchParams.get("naar") ?? "",
          comparison: null,
        },
        { status: 400, headers: PRIVATE_HEADERS },
      );
    }
    const { from, to, diff } = await compareVersions({ db, from: input.data.van, to: input.data.naar });
    const bothPublished = from.status === "gepubliceerd" && to.status === "gepubliceerd";
    // Forward in time, each changed paragraph links to the proposals that were taken over into it.
    const proposals = await proposalsBehind({ db, from: from.number, to: to.number });
    return data(
      {
        versions,
        problem,
        van: String(from.number),
        naar: String(to.number),
        comparison: { from: from.number, to: to.number, diff, proposals },
      },
      { headers: bothPublished ? cacheableHeaders("guide") : PRIVATE_HEADERS },
    );
  });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

function Words(props: { words: WordChange[] }) {
  const t = useT();
  return (
    <>
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
    </>
  );
}

function Block(props: { block: BlockDiff; proposals: ProposalBehind[] }) {
  const t = useT();
  const { block, proposals } = props;
  const label = {
    added: t("compare.added"),
    removed: t("compare.removed"),
    changed: t("compare.changed"),
    unchanged: "",
  }[block.status];
  return (
    <li className={`vm-diff-block vm-diff-block--${block.status}`} id={`${block.status}-${block.anchor}`}>
      {label ? <strong className="vm-diff-block__label">{label}: </strong> : null}
      <span lang="nl">
        {block.status === "changed" ? (
          <Words words={block.words} />
        ) : block.status === "added" ? (
          <ins className="vm-ins">{block.text}</ins>
        ) : block.status === "removed" ? (
          <del className="vm-del">{block.text}</del>
        ) : (
          block.text
        )}
      </span>
      {proposals.length > 0 ? (
        <div className="vm-diff-block__proposals">
          <span>{t("compare.proposals", { count: proposals.length })}</span>
          <UnorderedList>
            {proposals.map((proposal) => (
              <UnorderedListItem key={proposal.id}>
                <Link to={`/meedenken/${proposal.id}`}>
                  {t(`cocreation.kinds.${proposal.kind}`)}: <span lang="nl">{proposal.excerpt}</span>
                </Link>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </div>
      ) : null}
    </li>
  );
}

export default function Compare({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { comparison, versions } = loaderData;
  const changedParts = comparison?.diff.parts.filter((part) => part.status !== "unchanged") ?? [];
  const unchangedParts = comparison?.diff.parts.filter((part) => part.status === "unchanged") ?? [];
  const title = comparison
    ? t("compare.title", { from: comparison.from, to: comparison.to })
    : t("versions.compareTitle");
  return (
    <>
      <title>{`${title} – Vakmanschap`}</title>
      <Heading level={1}>{title}</Heading>
      {loaderData.problem ? (
        <Alert type="error">
          <Paragraph>{t(loaderData.problem === "same" ? "compare.same" : "compare.invalid")}</Paragraph>
        </Alert>
      ) : null}
      <CompareForm versions={versions} from={loaderData.van} to={loaderData.naar} />
      {comparison ? (
        <>
          <Paragraph>
            {t("compare.summary", comparison.diff.counts)} {t("compare.legend")}
          </Paragraph>
          {changedParts.length === 0 ? <Paragraph>{t("compare.noChanges")}</Paragraph> : null}
          {changedParts.map((part) => (
            <section key={part.slug} aria-labelledby={`deel-${part.slug}`} className="vm-diff-part">
              <Heading level={2} id={`deel-${part.slug}`} lang="nl">
                {part.titleWords ? <Words words={part.titleWords} /> : part.title}
              </Heading>
              {part.status === "added" ? <Paragraph>{t("compare.partAdded")}</Paragraph> : null}
              {part.status === "removed" ? <Paragraph>{t("compare.partRemoved")}</Paragraph> : null}
              <ul className="vm-diff-list">
                {part.blocks
                  .filter((block) => block.status !== "unchanged")
                  .map((block) => (
                    <Block
                      key={`${block.status}-${block.anchor}`}
                      block={block}
                      proposals={comparison.proposals[`${part.slug}#${block.anchor}`] ?? []}
                    />
                  ))}
              </ul>
            </section>
          ))}
          {unchangedParts.length > 0 ? (
            <section aria-labelledby="ongewijzigd">
              <Heading level={2} id="ongewijzigd">
                {t("compare.showUnchanged")}
              </Heading>
              <ul className="vm-toc" lang="nl">
                {unchangedParts.map((part) => (
                  <li key={part.slug}>{part.title}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
