// Zod's own messages (a field left out, a text too long, an unknown field) as keys of the locale files,
// for a schema that names no message of its own, so no English of zod reaches a Dutch page. Loaded for
// its effect by texts.server.ts, which every server-side translation goes through; kept out of
// form-errors.ts, which pages import, so the browser gets none of it.
import { z } from "zod";
import { message } from "./i18n/translate.ts";

z.config({
  customError: (issue) => {
    if (issue.code === "invalid_type" && issue.input === undefined) return message("problems.fields.missing");
    if (issue.code === "too_big" && issue.origin === "string")
      return message("problems.fields.tooLongPlain", { max: Number(issue.maximum) });
    if (issue.code === "too_small" && issue.origin === "string")
      return message("problems.fields.tooShortPlain", { min: Number(issue.minimum) });
    if (issue.code === "unrecognized_keys") return message("problems.fields.unknownField");
    return message("problems.fields.invalid");
  },
});
