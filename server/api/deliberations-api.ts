// The Dilemma-wijzer's private records in the API: one's own records, step by step, with the same
// revision check, exports and principle suggestions as the pages. Only the owner ever gets an answer
// about a record; anyone else (an editor or operator too) hears "not found". The content is never logged.
import { type Request, type Response, Router } from "express";
import { z } from "zod";
import { AppError } from "../../app/infra/errors.ts";
import { languageOfAcceptLanguage } from "../../app/infra/i18n/i18n.ts";
import { translatorFor } from "../../app/infra/i18n/texts.server.ts";
import { message } from "../../app/infra/i18n/translate.ts";
import type { Services } from "../../app/infra/services.server.ts";
import { type Actor, can } from "../../app/modules/accounts/authorization.ts";
import {
  DeliberationContent,
  DeliberationPatch,
  stepPatchSchema,
} from "../../app/modules/deliberation/deliberation.validation.ts";
import {
  describedDilemma,
  STEP_COUNT,
  STEPS,
  type Step,
} from "../../app/modules/deliberation/deliberation-steps.ts";
import {
  createDeliberation,
  type Deliberation,
  deleteDeliberation,
  getOwnDeliberation,
  listOwnDeliberations,
  saveDeliberation,
  titleOf,
} from "../../app/modules/deliberation/deliberations.server.ts";
import { recordFile } from "../../app/modules/deliberation/record-file.server.ts";
import { suggestPrinciples } from "../../app/modules/deliberation/suggestions.server.ts";
import { principleTitles } from "../../app/modules/dilemmas/dilemmas.server.ts";
import { ProblemOutput } from "../../app/modules/guide/guide.validation.ts";
import { requireApiActor } from "./api-identity.ts";
import { parseInput } from "./parse-input.ts";

const NOT_FOUND = "problems.deliberation.notFound";
const RecordId = z.uuid();
const Revision = z
  .int({ error: "problems.deliberation.revisionMissing" })
  .min(1, "problems.deliberation.revisionTooLow");

/** A new record's fields; a field the record does not have is refused, not dropped. */
export const DeliberationInput = DeliberationPatch.strict();

/** Per step, its body: the revision the change builds on, and some of that step's fields. */
export const STEP_INPUTS = STEPS.map((step) => ({
  step,
  input: stepPatchSchema(step).extend({ revision: Revision }),
}));

const ExportQuery = z.object({
  formaat: z.enum(["markdown", "json"], { error: "problems.deliberation.exportFormat" }).default("markdown"),
});

export const DeliberationOutput = z.object({
  id: z.uuid(),
  revision: z.int().min(1),
  title: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  content: DeliberationContent,
});
export const DeliberationSummaryOutput = z.object({
  id: z.uuid(),
  title: z.string(),
  updatedAt: z.iso.datetime(),
});
export const DeliberationExportOutput = DeliberationOutput.omit({ revision: true }).extend({
  principleTitles: z.record(z.string(), z.string()),
});
export const SuggestionOutput = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  score: z.number(),
  because: z.array(z.string()),
});
export const DeliberationConflictOutput = ProblemOutput.extend({ current: DeliberationOutput });

/** The conflict's problem type: where the OpenAPI document of this site describes it. */
const conflictType = (publicUrl: string) =>
  `${publicUrl}/api/v1/openapi.json#/components/schemas/DeliberationConflict`;

function recordOf(deliberation: Deliberation): z.output<typeof DeliberationOutput> {
  return {
    id: deliberation.id,
    revision: deliberation.revision,
    title: titleOf(deliberation.content),
    createdAt: deliberation.createdAt.toISOString(),
    updatedAt: deliberation.updatedAt.toISOString(),
    content: deliberation.content,
  };
}

/** The caller, who must be logged in; records are always the caller's own. */
function ownerOf(req: Request): Actor {
  const actor = requireApiActor(req);
  if (!can(actor, "deliberations:own")) throw new AppError("forbidden", "problems.deliberation.forbidden");
  return actor;
}

/** The id in the address, checked before the body: what cannot be an id is as unknown as someone else's. */
function idFrom(req: Request): string {
  const id = RecordId.safeParse(req.params.id);
  if (!id.success) throw new AppError("not_found", NOT_FOUND);
  return id.data;
}

/** The step in the address with the body it accepts; only plain step numbers count. */
function stepFrom(req: Request) {
  const stap = String(req.params.stap);
  const number = /^\d{1,2}$/.test(stap) ? Number(stap) : 0;
  const found = STEP_INPUTS.find(({ step }) => step.number === number);
  if (!found)
    throw new AppError("not_found", message("problems.deliberation.stepUnknown", { count: STEP_COUNT }));
  return found;
}

/** The message for a field that is not part of the body: it belongs to another step, or to no record at all. */
function strayFieldMessage(key: string, step?: Step): string {
  const owner = STEPS.find((candidate) => (candidate.fields as readonly string[]).includes(key));
  if (step && owner) {
    return message("problems.deliberation.fieldOfOtherStep", {
      field: key,
      owner: owner.number,
      step: step.number,
    });
  }
  return message("problems.deliberation.fieldUnknown", { field: key });
}

/**
 * Checks a record's body like parseInput, and names each unknown field on its own (with the step it
 * belongs to), so a client sees exactly which fields to move. A single problem is the answer's detail.
 */
function parseRecordInput<T extends z.ZodType>(schema: T, body: unknown, step?: Step): z.output<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  // Entries, not assignments: a field called __proto__ must be named like any other.
  const fields = Object.fromEntries(
    result.error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => [key, strayFieldMessage(key, step)])
        : [[issue.path.join(".") || "input", issue.message]],
    ),
  );
  const said = Object.values(fields);
  throw new AppError("invalid", said.length === 1 ? (said[0] as string) : "problems.api.invalidFields", {
    fields,
  });
}

/**
 * A save based on an older revision: 409 with the current record, so a client can merge and send
 * again. Answered here rather than thrown, because an AppError cannot carry the record.
 */
function sendConflict(req: Request, res: Response, options: { publicUrl: string; current: Deliberation }) {
  const { publicUrl, current } = options;
  const language = languageOfAcceptLanguage(req.headers["accept-language"]);
  const t = translatorFor(language);
  const problem: z.input<typeof DeliberationConflictOutput> = {
    type: conflictType(publicUrl),
    title: t("problems.deliberation.conflictTitle"),
    status: 409,
    detail: t("problems.deliberation.conflictDetail", { revision: current.revision }),
    instance: req.originalUrl,
    current: recordOf(current),
  };
  res.setHeader("Content-Language", language);
  res.status(409).type("application/problem+json").json(problem);
}

export function createDeliberationsApi(services: Services): Router {
  const router = Router();
  const { db } = services.database;
  const { keyring } = services;

  // Security: private work; no shared cache may keep it, and the browser must not store it either.
  router.use("/afwegingen", (_req, res, next) => {
    res.setHeader("Cache-Control", "private, no-store");
    next();
  });

  router.get("/afwegingen", async (req, res) => {
    const owner = ownerOf(req);
    const records = await listOwnDeliberations({ db, keyring, ownerId: owner.id });
    res.json({
      deliberations: records.map((record) => ({
        id: record.id,
        title: record.title,
        updatedAt: record.updatedAt.toISOString(),
      })),
    });
  });

  router.post("/afwegingen", async (req, res) => {
    const owner = ownerOf(req);
    const content = parseRecordInput(DeliberationInput, req.body);
    const created = await createDeliberation({
      db,
      quotas: services.config.quotas,
      keyring,
      ownerId: owner.id,
      content,
    });
    res.status(201).location(`/api/v1/afwegingen/${created.id}`).json(recordOf(created));
  });

  router.get("/afwegingen/:id", async (req, res) => {
    const owner = ownerOf(req);
    res.json(recordOf(await getOwnDeliberation({ db, keyring, id: idFrom(req), ownerId: owner.id })));
  });

  // PATCH, not PUT: the fields sent replace those fields, and the step's other fields stay as they are.
  router.patch("/afwegingen/:id/stappen/:stap", async (req, res) => {
    const owner = ownerOf(req);
    const id = idFrom(req);
    const { step, input } = stepFrom(req);
    const { revision, ...patch } = parseRecordInput(input, req.body, step);
    const result = await saveDeliberation({ db, keyring, id, ownerId: owner.id, revision, patch });
    if (!result.saved)
      return sendConflict(req, res, { publicUrl: services.config.publicUrl, current: result.current });
    res.json(recordOf(result.deliberation));
  });

  router.delete("/afwegingen/:id", async (req, res) => {
    const owner = ownerOf(req);
    await deleteDeliberation({ db, id: idFrom(req), ownerId: owner.id });
    res.status(204).end();
  });

  router.get("/afwegingen/:id/export", async (req, res) => {
    const owner = ownerOf(req);
    const id = idFrom(req);
    const { formaat } = parseInput(ExportQuery, req.query);
    const [record, titles] = await Promise.all([
      getOwnDeliberation({ db, keyring, id, ownerId: owner.id }),
      principleTitles({ db }),
    ]);
    const file = recordFile({
      record,
      format: formaat,
      language: languageOfAcceptLanguage(req.headers["accept-language"]),
      principleTitle: (slug) => titles.get(slug) ?? slug,
    });
    res.attachment(file.filename).type(file.contentType).send(file.body);
  });

  router.get("/afwegingen/:id/suggesties", async (req, res) => {
    const owner = ownerOf(req);
    const record = await getOwnDeliberation({ db, keyring, id: idFrom(req), ownerId: owner.id });
    const ranked = await suggestPrinciples({ db, text: describedDilemma(record.content) });
    res.json({
      suggestions: ranked
        .filter((suggestion) => suggestion.score > 0)
        .map((suggestion) => ({ ...suggestion, score: Math.round(suggestion.score * 1000) / 1000 })),
    });
  });

  return router;
}
