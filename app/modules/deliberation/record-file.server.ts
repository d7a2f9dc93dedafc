// A record as a file to download: Markdown to read or keep, JSON to take elsewhere. One function for
// the record page's download and the API's export, so both give the same file.
import { formatDate } from "../../infra/i18n/format-date.ts";
import type { Language } from "../../infra/i18n/i18n.ts";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import { recordJson, recordMarkdown, recordSections } from "./deliberation-record.ts";
import { type Deliberation, titleOf } from "./deliberations.server.ts";

export type RecordFormat = "markdown" | "json";

export function recordFile(options: {
  record: Deliberation;
  format: RecordFormat;
  language: Language;
  principleTitle: (slug: string) => string;
}): { filename: string; contentType: string; body: string } {
  const { record, language, principleTitle } = options;
  const t = translatorFor(language);
  const title = titleOf(record.content) || t("deliberation.untitled");
  const filename = `afweging-${record.id.slice(0, 8)}`;
  if (options.format === "json") {
    return {
      filename: `${filename}.json`,
      contentType: "application/json; charset=utf-8",
      body: `${JSON.stringify(recordJson({ ...record, title, principleTitle }), null, 2)}\n`,
    };
  }
  const date = (moment: Date) => formatDate({ iso: moment.toISOString(), language, format: "dateTime" });
  return {
    filename: `${filename}.md`,
    contentType: "text/markdown; charset=utf-8",
    body: recordMarkdown({
      title,
      sections: recordSections(record.content, { t: (key, values) => t(key, values), principleTitle }),
      emptyText: t("deliberation.record.empty"),
      dates: t("deliberation.record.created", {
        date: date(record.createdAt),
        updated: date(record.updatedAt),
      }),
    }),
  };
}
