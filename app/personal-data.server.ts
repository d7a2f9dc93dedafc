// What the platform holds about a person, capability by capability: "download my data" and "delete my
// account" walk this list, so a capability that keeps personal data adds its source here. Erased in
// this order, in one transaction; the account itself goes last.
import type { Db } from "./infra/db.server.ts";
import type { Keyring } from "./infra/encryption.server.ts";
import {
  ACCOUNT_SOURCES,
  deletePersonalData,
  exportPersonalData,
  type PersonalDataSource,
} from "./modules/accounts/personal-data.server.ts";
import { contributionsSource } from "./modules/cocreation/contributions.server.ts";
import { consultationsSource } from "./modules/consultation/participation.server.ts";
import { deliberationsSource } from "./modules/deliberation/deliberations.server.ts";
import { submittedCards } from "./modules/dilemmas/dilemma-submissions.server.ts";
import { kriskrasSignupsSource } from "./modules/kriskras/signups.server.ts";

/** Private records are encrypted, so their source needs the keyring to export them. */
export function personalDataSources(keyring: Keyring): readonly PersonalDataSource[] {
  return [
    ACCOUNT_SOURCES.audit,
    submittedCards,
    contributionsSource,
    consultationsSource,
    deliberationsSource(keyring),
    kriskrasSignupsSource(keyring),
    ACCOUNT_SOURCES.account,
  ];
}

type Person = { db: Db; keyring: Keyring; userId: string; email: string };

export const exportMyData = (person: Person) =>
  exportPersonalData({ ...person, sources: personalDataSources(person.keyring) });
export const deleteMyAccount = (person: Person) =>
  deletePersonalData({ ...person, sources: personalDataSources(person.keyring) });
