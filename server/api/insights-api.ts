// The insights in the API (`insights:read`): every table of the dashboard for a period of whole months,
// or one table, within the same suppression as the dashboard and its CSV files (decision 026).
import { type Request, type Response, Router } from "express";
import { AppError } from "../../app/infra/errors.ts";
import { languageOfAcceptLanguage } from "../../app/infra/i18n/i18n.ts";
import type { Services } from "../../app/infra/services.server.ts";
import { can } from "../../app/modules/accounts/authorization.ts";
import {
  INSIGHT_TABLES,
  type InsightTableId,
  isInsightTableId,
} from "../../app/modules/insights/insight-tables.ts";
import { type Insights, readInsights } from "../../app/modules/insights/insights.server.ts";
import { periodSchema } from "../../app/modules/insights/periods.ts";
import { requireApiActor } from "./api-identity.ts";
import { parseInput } from "./parse-input.ts";

/** A table as the API sends it: its columns named, so a client needs no other description. */
export function insightsJson(insights: Insights) {
  return {
    period: insights.period,
    minimumGroup: insights.minGroup,
    computedAt: insights.computedAt,
    tables: insights.tables.map((table) => ({
      id: table.id,
      columns: INSIGHT_TABLES[table.id].columns.map(([name, kind]) => ({ name, kind })),
      rows: table.rows,
      total: table.total,
    })),
  };
}

export function createInsightsApi(services: Services): Router {
  const router = Router();
  const { db } = services.database;

  const answer = async (req: Request, res: Response, tables?: InsightTableId[]) => {
    const actor = requireApiActor(req);
    if (!can(actor, "insights:read")) throw new AppError("forbidden", "problems.insights.forbidden");
    const period = parseInput(periodSchema(new Date()), req.query);
    const insights = await readInsights({
      db,
      period,
      minGroup: services.config.insights.minGroup,
      language: languageOfAcceptLanguage(req.headers["accept-language"]),
      tables,
    });
    res.json(insightsJson(insights));
  };

  router.get("/inzichten", (req, res) => answer(req, res));
  router.get("/inzichten/:tabel", (req, res) => {
    // Who may ask comes first: a stranger learns nothing, not even which tables exist.
    if (!can(requireApiActor(req), "insights:read"))
      throw new AppError("forbidden", "problems.insights.forbidden");
    const id = req.params.tabel;
    if (!isInsightTableId(id)) throw new AppError("not_found", "problems.insights.unknownTable");
    return answer(req, res, [id]);
  });
  return router;
}
