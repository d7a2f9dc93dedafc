// The kris-kras rounds the browser tests need, written into the test server's embedded database before
// the server starts (playwright.config.ts runs this after the migrations): the choices of the form, a
// round open for sign-up with two time slots, and a round whose sign-up has closed.
import { openDatabase } from "../../app/infra/db.server.ts";
import { createKriskrasChoices, createKriskrasRound } from "../integration/kriskras-factory.ts";
import { KRISKRAS_CLOSED_ROUND, KRISKRAS_ROUND } from "./example-urls.ts";

const DAY = 24 * 60 * 60 * 1000;
const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR must name the test server's data folder");

const database = await openDatabase({ dataDir });
try {
  await createKriskrasChoices(database.db);
  await createKriskrasRound(database.db, { id: KRISKRAS_ROUND, title: "Kris-kras voorjaar" });
  await createKriskrasRound(database.db, {
    id: KRISKRAS_CLOSED_ROUND,
    title: "Kris-kras vorig najaar",
    signupOpensAt: new Date(Date.now() - 40 * DAY),
    signupClosesAt: new Date(Date.now() - DAY),
  });
} finally {
  await database.close();
}
