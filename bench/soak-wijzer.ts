// The memory soak's people in the Dilemma-wijzer (`bench/soak.ts`): each logs in once and then, over and
// over, thinks a dilemma through the way a browser without JavaScript does (tests/e2e/deliberation.spec.ts
// walks the same pages): start a record, fill the seven steps one form post at a time, read the record,
// delete it. Deleting keeps the amount of data level over the soak, so memory that keeps growing is the
// server's own, not the records'.
import type { Db } from "../app/infra/db.server.ts";
import { upsertUser } from "../app/modules/accounts/accounts.server.ts";
import { createLoginLink } from "../app/modules/accounts/login-links.server.ts";
import { SESSION_COOKIE } from "../app/modules/accounts/sessions.server.ts";
import { STEPS, type Step } from "../app/modules/deliberation/deliberation-steps.ts";
import { PERSPECTIVES, PRINCIPLES, VALUES } from "../app/modules/dilemmas/dilemma-tags.ts";
import { DILEMMAS, sleep } from "./live-clients.ts";
import type { Outcomes } from "./soak-outcomes.ts";

/** A person reads and types for this long, at random, before each form post. */
const THINK_MS = { min: 1000, max: 3000 };

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

/**
 * Makes `count` civil servants in a database the server does not hold yet; gives a one-time login token
 * each, for `logIn`.
 */
export async function createPeople(options: { db: Db; count: number }): Promise<string[]> {
  const tokens: string[] = [];
  for (let n = 1; n <= options.count; n++) {
    const email = `wijzer-${n}@example.nl`;
    await upsertUser({ db: options.db, email });
    const link = await createLoginLink({
      db: options.db,
      config: { loginLinkMinutes: 60 },
      origin: "http://localhost",
      email,
    });
    tokens.push(new URL(link.url).searchParams.get("token") ?? "");
  }
  return tokens;
}

/** Follows a login link the way its confirmation button does; gives the session cookie. */
async function logIn(outcomes: Outcomes, token: string): Promise<string | undefined> {
  const answer = await outcomes.request("log in", "POST", "/inloggen/bevestigen", {
    form: new URLSearchParams({ token }),
  });
  const cookie = [answer?.headers["set-cookie"] ?? []]
    .flat()
    .map((line) => new RegExp(`^(?:__Host-)?${SESSION_COOKIE}=[\\w-]+`).exec(line)?.[0])
    .find(Boolean);
  if (answer && !cookie) outcomes.errors.add("log in", `no session cookie in the answer (${answer.status})`);
  return cookie;
}

/** One step's form as a person fills it in: a little in every field of the step. */
function stepForm(step: Step, revision: number): URLSearchParams {
  const dilemma = pick(DILEMMAS);
  const form = new URLSearchParams({ revisie: String(revision), naar: "volgende" });
  for (const field of step.fields) {
    if (field === "situation") form.set(field, dilemma.text);
    else if (field === "optionA") form.set(field, dilemma.optionA);
    else if (field === "optionB") form.set(field, dilemma.optionB);
    else if (field === "perspectives")
      form.set(`perspectief-${pick(PERSPECTIVES)}`, "Wil eerlijk gehoord worden.");
    else if (field === "others") {
      form.set("ander-0-wie", "De uitvoeringsorganisatie");
      form.set("ander-0-nodig", "Een plan dat ze kunnen uitvoeren.");
    } else if (field === "principles") form.set("principe", pick(PRINCIPLES));
    else if (field === "values") form.set("waarde", pick(VALUES));
    // Nothing dismissed: that is a choice among the suggestions, which this person leaves alone.
    else if (field !== "dismissed") form.set(field, `Wat ik bij "${field}" opschrijf, in een paar zinnen.`);
  }
  return form;
}

/**
 * Logs in with `token` and thinks dilemmas through until `signal` aborts; gives the number of records
 * made, filled in and deleted. A flow that goes wrong is counted and started over.
 */
export async function useDilemmaWijzer(options: {
  outcomes: Outcomes;
  token: string;
  signal: AbortSignal;
}): Promise<number> {
  const { outcomes, signal } = options;
  const cookie = await logIn(outcomes, options.token);
  if (!cookie) return 0;
  const headers = { Cookie: cookie };
  const think = () => sleep(THINK_MS.min + Math.random() * (THINK_MS.max - THINK_MS.min));
  const page = async (pathname: string) =>
    (await outcomes.request("wijzer page", "GET", pathname, { headers }))?.body;
  /** Posts a form; gives where it led, or nothing when it failed or led anywhere but `to`. */
  const post = async (pathname: string, form: URLSearchParams, to: string | RegExp) => {
    const answer = await outcomes.request("wijzer form", "POST", pathname, { headers, form });
    if (!answer) return undefined;
    const location = answer.headers.location ?? "";
    if (typeof to === "string" ? location === to : to.test(location)) return location;
    outcomes.errors.add("wijzer flow", `POST ${pathname} led to "${location}" (${answer.status})`);
    return undefined;
  };

  const thinkThrough = async () => {
    if ((await page("/afwegen")) === undefined) return false;
    await think();
    const first = await post("/afwegen", new URLSearchParams(), /^\/afwegen\/[0-9a-f-]{36}\/stap\/1$/);
    if (!first) return false;
    const record = first.replace(/\/stap\/1$/, "");
    for (const step of STEPS) {
      if (signal.aborted) return false;
      const html = await page(`${record}/stap/${step.number}`);
      if (html === undefined) return false;
      const revision = /name="revisie" value="(\d+)"/.exec(html)?.[1];
      if (revision === undefined) {
        outcomes.errors.add("wijzer flow", `step ${step.number} shows no revision`);
        return false;
      }
      await think();
      const next = step.number === STEPS.length ? record : `${record}/stap/${step.number + 1}`;
      if (!(await post(`${record}/stap/${step.number}`, stepForm(step, Number(revision)), next)))
        return false;
    }
    if ((await page(record)) === undefined || (await page(`${record}/verwijderen`)) === undefined)
      return false;
    await think();
    return Boolean(await post(`${record}/verwijderen`, new URLSearchParams(), "/afwegen?verwijderd=1"));
  };

  let completed = 0;
  while (!signal.aborted) {
    if (await thinkThrough()) completed++;
    // A person who hit an error waits a moment before trying again.
    else if (!signal.aborted) await think();
  }
  return completed;
}
