// From sign-up to the invitation in the agenda. A civil servant signs up for an open round; the editor
// closes the sign-up, composes the groups and publishes them. The invitation arrives at the SMTP server
// with a calendar entry that a calendar library (ical.js, not our own code) reads as the right moment:
// 19:30 on a summer evening in Amsterdam is 17:30 UTC. The person's own page shows the slot, the place,
// the first names and organisations of the group and the programme, and gives the same entry again.
// Then the host of a published round starts the live conversation with one click.
// The rounds are made before the server starts (tests/e2e/kriskras-fixture.ts).
import ICAL from "ical.js";
import { KRISKRAS_PUBLISH_ROUND, KRISKRAS_PUBLISHED_ROUND, PEOPLE } from "./example-urls.ts";
import { expect, expectNoViolations, test } from "./fixtures.ts";
import { waitForMail } from "./mailbox.ts";

const TITLE = "Kris-kras zomeravond";
const SLOT = /^dinsdag 17 juni 2031, 19:30 tot 21:30, Utrecht, Stadskantoor/;
const MY_GROUP = `Mijn groep in ${TITLE}`;

/** What a calendar program takes from the entry: the event, read with the entry's own time zone. */
function readCalendar(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error(`no VEVENT in\n${ics}`);
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    summary: event.summary,
    location: event.location,
    zone: event.startDate.zone?.tzid,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
  };
}

/** Yesterday's date in Amsterdam, as a date field takes it. */
const yesterday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(
    new Date(Date.now() - 86_400_000),
  );

test("a civil servant signs up, the editor publishes the groups, and the invitation lands in the agenda at the right time", async ({
  newContext,
}) => {
  test.setTimeout(120_000);

  // --- the civil servant signs up ----------------------------------------------------------------
  const person = await newContext({ as: PEOPLE.ambtenaar });
  const page = await person.newPage();
  await page.goto(`/kriskras/${KRISKRAS_PUBLISH_ROUND}/aanmelden`);
  for (const label of [
    "Organisatie",
    "Soort werk",
    "Salarisschaal",
    "Hoe lang werk je bij de overheid?",
    "Regio waar je werkt",
  ]) {
    await page.getByLabel(label).selectOption({ index: 1 });
  }
  await page.getByRole("group", { name: SLOT }).getByRole("radio", { name: "Ja", exact: true }).check();
  await page.getByRole("checkbox", { name: /Ik geef toestemming/ }).check();
  await page.getByRole("button", { name: "Meld mij aan" }).click();
  await expect(page).toHaveURL("/kriskras?aangemeld=1");

  // --- the editor closes the sign-up, composes and publishes -------------------------------------
  const editor = await newContext({ as: PEOPLE.redacteur });
  const desk = await editor.newPage();
  await desk.goto(`/beheer/kriskras/${KRISKRAS_PUBLISH_ROUND}`);
  await desk.getByLabel("Aanmelden sluit op (datum)").fill(yesterday());
  await desk.getByRole("button", { name: "Sla de ronde op" }).click();
  await desk.goto(`/beheer/kriskras/${KRISKRAS_PUBLISH_ROUND}/groepen`);
  await desk.getByRole("button", { name: "Stel de groepen samen" }).click();
  await expect(desk.getByText(/^Klaar: 1 groep, 12 mensen hebben een plek/)).toBeVisible({ timeout: 20_000 });
  const publishedAt = Date.now() - 1000;
  await desk.getByRole("button", { name: "Publiceer de groepen" }).click();
  await expect(desk.getByText(/De groepen zijn gepubliceerd\. Nieuwe uitnodigingen: 12\./)).toBeVisible();
  await expectNoViolations(desk);
  await expect(desk.getByRole("button", { name: "Publiceer de groepen opnieuw" })).toBeVisible();

  // --- the invitation arrives at the SMTP server, with a calendar entry ---------------------------
  const { mail } = await waitForMail({
    to: PEOPLE.ambtenaar,
    after: publishedAt,
    matches: (found) => found.subject?.endsWith(`: ${TITLE}`) ?? false,
    what: "invitation",
  });
  expect(mail.subject).toMatch(/^Kris-kras-gesprek op /);
  expect(mail.text).toContain("Je bent ingedeeld voor een kris-kras-gesprek");
  expect(mail.text).toContain(`/kriskras/${KRISKRAS_PUBLISH_ROUND}/mijn-groep`);
  const part = mail.attachments.find((attachment) => attachment.contentType === "text/calendar");
  expect(part, "the invitation has a text/calendar part").toBeDefined();
  const entry = readCalendar(part?.content.toString("utf8") ?? "");
  expect(entry).toMatchObject({
    method: "REQUEST",
    sequence: 0,
    summary: expect.stringContaining(TITLE),
    location: "Utrecht, Stadskantoor",
    zone: "Europe/Amsterdam",
    start: "2031-06-17T17:30:00.000Z",
    end: "2031-06-17T19:30:00.000Z",
  });

  // --- the person's own page, and the same entry again -------------------------------------------
  await page.goto("/kriskras");
  await page.getByRole("link", { name: MY_GROUP }).click();
  await expect(page).toHaveURL(`/kriskras/${KRISKRAS_PUBLISH_ROUND}/mijn-groep`);
  await expect(page.getByRole("definition").first()).toHaveText("dinsdag 17 juni 2031, 19:30 tot 21:30");
  await expect(page.getByText("Utrecht, Stadskantoor")).toBeVisible();
  await expect(page.getByText(/Je praat met deze 11 collega's:/)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: /^Deelnemer \(/ })).toHaveCount(11);
  await expect(page.getByRole("heading", { name: "Het programma" })).toBeVisible();
  await expectNoViolations(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Zet de afspraak opnieuw in je agenda/ }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  const again = readCalendar(Buffer.concat(chunks).toString("utf8"));
  expect(again).toMatchObject({ uid: entry.uid, sequence: 0, start: entry.start, end: entry.end });
  await editor.close();

  // --- the host of a published round starts the live conversation --------------------------------
  await page.goto(`/kriskras/${KRISKRAS_PUBLISHED_ROUND}/mijn-groep`);
  await expect(page.getByRole("heading", { name: "Jij leidt het gesprek" })).toBeVisible();
  await page.getByRole("button", { name: "Start het gesprek" }).click();
  await expect(page).toHaveURL(/\/gesprekken\/[\w-]+\/leiden$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    "Kris-kras-gesprek Kris-kras vorige zomer",
  );
  await person.close();
});
