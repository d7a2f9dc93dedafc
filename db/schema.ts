// Every table of the application, gathered for drizzle-kit (`npm run db:generate`), which writes the
// migrations beside this file. The application itself imports each module's schema directly.
export * from "../app/modules/guide/guide.schema.ts";
