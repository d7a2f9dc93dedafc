// What the platform holds about a person, capability by capability: "download my data" and "delete my
// account" walk this list, so a capability that keeps personal data adds its source here. Erased in
// this order, in one transaction; the account itself goes last.

import type { Db } from "./infra/db.server.ts";
import {
  ACCOUNT_SOURCES,
  deletePersonalData,
  exportPersonalData,
  type PersonalDataSource,
} from "./modules/accounts/personal-data.server.ts";
import { submittedCards } from "./modules/dilemmas/dilemma-submissions.server.ts";

export const PERSONAL_DATA_SOURCES: readonly PersonalDataSource[] = [
  ACCOUNT_SOURCES.audit,
  submittedCards,
  ACCOUNT_SOURCES.account,
];

type Person = { db: Db; userId: string; email: string };

export const exportMyData = (person: Person) =>
  exportPersonalData({ ...person, sources: PERSONAL_DATA_SOURCES });
export const deleteMyAccount = (person: Person) =>
  deletePersonalData({ ...person, sources: PERSONAL_DATA_SOURCES });
