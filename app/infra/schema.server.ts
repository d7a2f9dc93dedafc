// Every table of the application, gathered for Drizzle and drizzle-kit.
export * from "../modules/guide/guide.schema.ts";
