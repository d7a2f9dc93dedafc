// Every table of the application, gathered for drizzle-kit (`npm run db:generate`), which writes the
// migrations beside this file. The application itself imports each module's schema directly.
export * from "../app/infra/jobs.schema.ts";
export * from "../app/modules/accounts/accounts.schema.ts";
export * from "../app/modules/cocreation/cocreation.schema.ts";
export * from "../app/modules/consultation/consultation.schema.ts";
export * from "../app/modules/conversations/conversations.schema.ts";
export * from "../app/modules/deliberation/deliberation.schema.ts";
export * from "../app/modules/dilemmas/dilemmas.schema.ts";
export * from "../app/modules/guide/guide.schema.ts";
export * from "../app/modules/insights/insights.schema.ts";
export * from "../app/modules/kriskras/kriskras.schema.ts";
export * from "../app/modules/search/search.schema.ts";
