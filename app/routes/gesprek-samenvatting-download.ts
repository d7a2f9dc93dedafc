// A session's summary as a file for its facilitator: Markdown to read or keep, CSV for a spreadsheet.
import { AppError } from "~/infra/errors.ts";
import { formatDate } from "~/infra/i18n/format-date.ts";
import { languageOf } from "~/infra/i18n/i18n.ts";
import { translatorFor } from "~/infra/i18n/texts.server.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { getConversationSummary } from "~/modules/conversations/conversation-views.server.ts";
import { getOwnConversation } from "~/modules/conversations/conversations.server.ts";
import { SUMMARY_FORMATS, type SummaryFormat, summaryFile } from "~/modules/conversations/summary-files.ts";
import { principleTitles } from "~/modules/dilemmas/dilemmas.server.ts";
import type { Route } from "./+types/gesprek-samenvatting-download";

const isFormat = (value: string): value is SummaryFormat =>
  (SUMMARY_FORMATS as readonly string[]).includes(value);

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    const { db } = services.database;
    const { user } = await requirePermission({ request, services, permission: "conversations:run-own" });
    const format = new URL(request.url).searchParams.get("formaat") ?? "markdown";
    if (!isFormat(format)) throw new AppError("invalid", "problems.conversations.summaryFormat");
    const { conversation } = await getOwnConversation({ db, id: params.id, ownerId: user.id });
    const [summary, titles] = await Promise.all([
      getConversationSummary({ db, id: conversation.id }),
      principleTitles({ db }),
    ]);
    const language = languageOf(request);
    const t = translatorFor(language);
    const file = summaryFile({
      id: conversation.id,
      format,
      summary,
      t: (key, values) => t(key, values),
      principleTitle: (slug) => titles.get(slug) ?? slug,
      dates: summary.endedAt
        ? t("conversations.summary.ended", {
            date: formatDate({ iso: summary.endedAt, language, format: "dateTime" }),
          })
        : t("conversations.summary.notEnded"),
      origin: services.config.publicUrl,
    });
    const headers = new Headers(PRIVATE_HEADERS);
    headers.set("Content-Type", file.contentType);
    headers.set("Content-Disposition", `attachment; filename="${file.filename}"`);
    return new Response(file.body, { headers });
  });
}
