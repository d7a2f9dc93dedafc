// The kris-kras rounds the browser tests need, written into the test server's embedded database before
// the server starts (playwright.config.ts runs this after the migrations): the choices of the form, a
// round open for sign-up with two time slots, and a round whose sign-up has closed, with 26 sign-ups.
import { openDatabase } from "../../app/infra/db.server.ts";
import {
  createKriskrasChoices,
  createKriskrasRound,
  createKriskrasSignups,
} from "../integration/kriskras-factory.ts";
import { KRISKRAS_CLOSED_ROUND, KRISKRAS_ROUND } from "./example-urls.ts";

const DAY = 24 * 60 * 60 * 1000;
const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR must name the test server's data folder");

const database = await openDatabase({ dataDir });
try {
  const organisations = await createKriskrasChoices(database.db);
  await createKriskrasRound(database.db, { id: KRISKRAS_ROUND, title: "Kris-kras voorjaar" });
  const closed = await createKriskrasRound(database.db, {
    id: KRISKRAS_CLOSED_ROUND,
    title: "Kris-kras vorig najaar",
    signupOpensAt: new Date(Date.now() - 40 * DAY),
    signupClosesAt: new Date(Date.now() - DAY),
  });
  // 26 people signed up for the closed round: 12 can only come the first time, 13 only the second,
  // and one at neither; so the editor composes two groups and sees one person without a place.
  await createKriskrasSignups(database.db, {
    roundId: closed.id,
    slotIds: closed.slotIds,
    count: 26,
    organisations,
    answers: (index) => (index < 12 ? ["ja", "nee"] : index < 25 ? ["nee", "ja"] : ["nee", "nee"]),
  });
} finally {
  await database.close();
}
