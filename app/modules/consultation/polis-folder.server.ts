// A folder exported by Pol.is (its open data has one per conversation), read from disk.
import fs from "node:fs";
import path from "node:path";
import { AppError } from "../../infra/errors.ts";
import { message } from "../../infra/i18n/translate.ts";
import { type PolisConversation, readPolisFiles } from "./polis-files.ts";

/** The conversation in `folder`: `comments.csv` and `votes.csv`, and `summary.csv` and `participants-votes.csv` when there. */
export function readPolisFolder(folder: string): PolisConversation {
  const read = (name: string) => {
    const file = path.join(folder, name);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  };
  const comments = read("comments.csv");
  const votes = read("votes.csv");
  if (comments === undefined || votes === undefined) {
    throw new AppError("not_found", message("problems.consultation.noPolisFiles", { folder }));
  }
  return readPolisFiles({
    summary: read("summary.csv"),
    comments,
    votes,
    participantsVotes: read("participants-votes.csv"),
  });
}
