// One table of the insights as a CSV file, for the period asked (the same rows as the page and the API).
import { AppError } from "~/infra/errors.ts";
import { languageOf } from "~/infra/i18n/i18n.ts";
import { PRIVATE_HEADERS, withRouteErrors } from "~/infra/route-errors.server.ts";
import { requirePermission } from "~/modules/accounts/current-user.server.ts";
import { insightCsv } from "~/modules/insights/insight-csv.server.ts";
import { isInsightTableId } from "~/modules/insights/insight-tables.ts";
import { readInsights } from "~/modules/insights/insights.server.ts";
import { periodSchema } from "~/modules/insights/periods.ts";
import type { Route } from "./+types/inzichten-csv";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return withRouteErrors(context.services.logger, async () => {
    const { services } = context;
    await requirePermission({ request, services, permission: "insights:read" });
    if (!isInsightTableId(params.tabel)) throw new AppError("not_found", "problems.insights.unknownTable");
    const parsed = periodSchema(new Date()).safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success)
      throw new AppError("invalid", parsed.error.issues[0]?.message ?? "problems.insights.monthForm");
    const language = languageOf(request);
    const { tables } = await readInsights({
      db: services.database.db,
      period: parsed.data,
      minGroup: services.config.insights.minGroup,
      language,
      tables: [params.tabel],
    });
    const [table] = tables;
    if (!table) throw new AppError("not_found", "problems.insights.unknownTable");
    const headers = new Headers(PRIVATE_HEADERS);
    headers.set("Content-Type", "text/csv; charset=utf-8");
    headers.set(
      "Content-Disposition",
      `attachment; filename="inzichten-${params.tabel}-${parsed.data.from}-${parsed.data.to}.csv"`,
    );
    return new Response(insightCsv(table, language), { headers });
  });
}
