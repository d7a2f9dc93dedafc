// The kris-kras rounds the browser tests need, written into the test server's embedded database before
// the server starts (by tests/e2e/example-data.ts): the choices of the form, a
// round open for sign-up with two time slots, one open round with eleven sign-ups that a test closes and
// publishes, a round whose sign-up has closed, with 26 sign-ups, a published round whose one group has
// the ambtenaar as its host, and one whose conversation was three days ago.

import { utcToAmsterdam } from "../../app/infra/amsterdam-time.ts";
import type { Db } from "../../app/infra/db.server.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { submitEvaluation } from "../../app/modules/kriskras/evaluations.server.ts";
import { publishRound } from "../../app/modules/kriskras/publication.server.ts";
import { purgeKriskras } from "../../app/modules/kriskras/retention.server.ts";
import {
  createKriskrasChoices,
  createKriskrasGroup,
  createKriskrasRound,
  createKriskrasSignups,
} from "../integration/kriskras-factory.ts";
import {
  KRISKRAS_CLOSED_ROUND,
  KRISKRAS_PAST_ROUND,
  KRISKRAS_PUBLISH_ROUND,
  KRISKRAS_PUBLISHED_ROUND,
  KRISKRAS_PURGED_ROUND,
  KRISKRAS_ROUND,
  PEOPLE,
} from "./example-urls.ts";

const DAY = 24 * 60 * 60 * 1000;

export async function writeKriskrasRounds(db: Db): Promise<void> {
  const organisations = await createKriskrasChoices(db);
  await createKriskrasRound(db, { id: KRISKRAS_ROUND, title: "Kris-kras voorjaar" });
  const closed = await createKriskrasRound(db, {
    id: KRISKRAS_CLOSED_ROUND,
    title: "Kris-kras vorig najaar",
    signupOpensAt: new Date(Date.now() - 40 * DAY),
    signupClosesAt: new Date(Date.now() - DAY),
  });
  // 26 people signed up for the closed round: 12 can only come the first time, 13 only the second,
  // and one at neither; so the editor composes two groups and sees one person without a place.
  await createKriskrasSignups(db, {
    roundId: closed.id,
    slotIds: closed.slotIds,
    count: 26,
    organisations,
    answers: (index) => (index < 12 ? ["ja", "nee"] : index < 25 ? ["nee", "ja"] : ["nee", "nee"]),
  });
  // A published round: twelve people in one group in its first slot, the ambtenaar the browser tests
  // log in as among them and its host; their invitations are queued like any publication's.
  const published = await createKriskrasRound(db, {
    id: KRISKRAS_PUBLISHED_ROUND,
    title: "Kris-kras vorige zomer",
    signupOpensAt: new Date(Date.now() - 60 * DAY),
    signupClosesAt: new Date(Date.now() - 20 * DAY),
  });
  const members = await createKriskrasSignups(db, {
    roundId: published.id,
    slotIds: published.slotIds,
    count: 12,
    organisations,
    answers: () => ["ja", "nee"],
    emailOf: (index) => (index === 0 ? PEOPLE.ambtenaar : undefined),
  });
  await createKriskrasGroup(db, {
    roundId: published.id,
    slotId: published.slotIds[0] ?? "",
    number: 1,
    signupIds: members,
    hostSignupId: members[0],
  });
  await publishRound({
    db: db,
    roundId: published.id,
    origin: process.env.PUBLIC_URL ?? "http://localhost",
    config: { mailFrom: process.env.MAIL_FROM ?? "Vakmanschap <noreply@vakmanschap.invalid>" },
  });
  // A round still open, with one evening slot in summer time (19:30 in Amsterdam is 17:30 UTC) and eleven
  // people who can come; the ambtenaar signs up as the twelfth, then the editor closes and publishes it.
  const toPublish = await createKriskrasRound(db, {
    id: KRISKRAS_PUBLISH_ROUND,
    title: "Kris-kras zomeravond",
    signupOpensAt: new Date(Date.now() - 5 * DAY),
    slots: [
      { start: { date: "2031-06-17", time: "19:30" }, endTime: "21:30", place: "Utrecht, Stadskantoor" },
    ],
  });
  await createKriskrasSignups(db, {
    roundId: toPublish.id,
    slotIds: toPublish.slotIds,
    count: 11,
    organisations,
    answers: () => ["ja"],
  });
  // A round whose conversation was three days ago, the ambtenaar in its one group: for the evaluation.
  const threeDaysAgo = utcToAmsterdam(new Date(Date.now() - 3 * DAY));
  const past = await createKriskrasRound(db, {
    id: KRISKRAS_PAST_ROUND,
    title: "Kris-kras deze herfst",
    signupOpensAt: new Date(Date.now() - 40 * DAY),
    signupClosesAt: new Date(Date.now() - 10 * DAY),
    slots: [{ start: { date: threeDaysAgo.date, time: "10:00" }, endTime: "12:00", place: "Utrecht" }],
  });
  const pastMembers = await createKriskrasSignups(db, {
    roundId: past.id,
    slotIds: past.slotIds,
    count: 10,
    organisations,
    answers: () => ["ja"],
    emailOf: (index) => (index === 0 ? PEOPLE.ambtenaar : undefined),
  });
  await createKriskrasGroup(db, {
    roundId: past.id,
    slotId: past.slotIds[0] ?? "",
    number: 1,
    signupIds: pastMembers,
    hostSignupId: pastMembers[1],
  });
  // A round whose conversation was 200 days ago: six evaluations came in, then the hourly clean-up
  // deleted its sign-ups, groups and evaluations (after 183 days) and kept the totals.
  const longAgo = utcToAmsterdam(new Date(Date.now() - 200 * DAY));
  const old = await createKriskrasRound(db, {
    id: KRISKRAS_PURGED_ROUND,
    title: "Kris-kras vorig voorjaar",
    signupOpensAt: new Date(Date.now() - 240 * DAY),
    signupClosesAt: new Date(Date.now() - 210 * DAY),
    slots: [{ start: { date: longAgo.date, time: "14:00" }, endTime: "16:00", place: "Zwolle" }],
  });
  const oldMembers = await createKriskrasSignups(db, {
    roundId: old.id,
    slotIds: old.slotIds,
    count: 12,
    organisations,
    answers: () => ["ja"],
  });
  await createKriskrasGroup(db, {
    roundId: old.id,
    slotId: old.slotIds[0] ?? "",
    number: 1,
    signupIds: oldMembers,
    hostSignupId: oldMembers[0],
  });
  for (let index = 0; index < 6; index++) {
    await submitEvaluation({
      db: db,
      roundId: old.id,
      userId: (await upsertUser({ db: db, email: `deelnemer${index}.${old.id.slice(0, 8)}@example.nl` })).id,
      answers: { waardevol: 5, anderen: 4, eerlijk: 5, meenemen: index % 2 === 0 ? 3 : 4, aanraden: 5 },
    });
  }
  await purgeKriskras({ db: db, signupRetentionDays: 183, meetingsRetentionDays: 1095 });
}
