// What a new contribution is written on, from the address of the form: a published version, perhaps a
// part, perhaps one of its paragraphs, and the kind that fits. The rules live here, not in the page:
// only a published version takes contributions, the paragraph kinds need a paragraph, and a part or
// paragraph that is not there is "not found".
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { requirePart, resolveVersion } from "../guide/guide.server.ts";
import { renderBlock } from "../guide/guide-markdown.ts";
import { Slug } from "./cocreation.validation.ts";
import { type ContributionKind, isContributionKind, PARAGRAPH_KINDS } from "./cocreation-kinds.ts";

const onParagraph = (kind: ContributionKind) => (PARAGRAPH_KINDS as readonly string[]).includes(kind);

/**
 * The version, part and paragraph a contribution form is about, and its kind: the asked kind when it
 * fits, else a comment on a paragraph or general feedback. Values come as typed in the address (null
 * when absent); the current version when none is asked.
 */
export async function getContributionTarget(options: {
  db: Db;
  version: string | null;
  part: string | null;
  anchor: string | null;
  kind: string | null;
}) {
  const { db } = options;
  const { version } = await resolveVersion({ db, number: options.version ?? undefined });
  if (version.status !== "gepubliceerd") {
    throw new AppError("not_found", "problems.cocreation.onlyPublished");
  }
  for (const value of [options.part, options.anchor]) {
    if (value !== null && !Slug.safeParse(value).success) {
      throw new AppError("not_found", "problems.cocreation.targetNotInGuide");
    }
  }
  const found = options.part ? await requirePart({ db, version, slug: options.part }) : null;
  const block =
    found && options.anchor
      ? found.part.blocks.find((candidate) => candidate.anchor === options.anchor)
      : undefined;
  if (options.anchor && !block) {
    throw new AppError("not_found", "problems.cocreation.paragraphNotInPart");
  }
  let kind: ContributionKind = isContributionKind(options.kind)
    ? options.kind
    : block
      ? "reactie"
      : "algemeen";
  if (onParagraph(kind) && !block) kind = "algemeen";
  const partHref = (target: string) => `/gids/versie/${version.number}/${target}`;
  return {
    kind,
    version: version.number,
    part: found ? { slug: found.part.slug, title: found.part.title } : null,
    paragraph: block
      ? {
          anchor: block.anchor,
          markdown: block.markdown,
          html: renderBlock({ markdown: block.markdown, partHref }),
        }
      : null,
  };
}
