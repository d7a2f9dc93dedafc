// Applies a list of paragraph changes to a version's parts; used for the example draft. Pure.
import type { ExampleDraft } from "./guide-content.server.ts";
import { blockKindOf, ContentError, type ParsedPart, plainTextOf } from "./guide-markdown.ts";

export function applyDraftChanges(options: {
  parts: ParsedPart[];
  changes: ExampleDraft["changes"];
}): ParsedPart[] {
  const parts = options.parts.map((part) => ({ ...part, blocks: [...part.blocks] }));
  for (const change of options.changes) {
    const part = parts.find((candidate) => candidate.slug === change.part);
    if (!part) throw new ContentError(`voorbeeldconcept: onbekend deel '${change.part}' (unknown part)`);
    const at = (anchor: string) => {
      const index = part.blocks.findIndex((block) => block.anchor === anchor);
      if (index < 0)
        throw new ContentError(
          `voorbeeldconcept: onbekend anker '${anchor}' in '${part.slug}' (unknown anchor)`,
        );
      return index;
    };
    if ("remove" in change) {
      part.blocks.splice(at(change.remove), 1);
    } else if ("replace" in change) {
      const index = at(change.replace);
      part.blocks[index] = {
        anchor: change.replace,
        kind: blockKindOf(change.text),
        markdown: change.text.trim(),
        text: plainTextOf(change.text),
      };
    } else {
      part.blocks.splice(at(change.after) + 1, 0, {
        anchor: change.anchor,
        kind: blockKindOf(change.text),
        markdown: change.text.trim(),
        text: plainTextOf(change.text),
      });
    }
  }
  return parts;
}
