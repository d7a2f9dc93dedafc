import { describe, expect, it } from "vitest";
import { AppError } from "../../infra/errors.ts";
import {
  buildCalendarInvite,
  type CalendarInviteOptions,
  calendarInviteContentType,
} from "./calendar-invite.ts";

function inviteOptions(overrides: Partial<CalendarInviteOptions> = {}): CalendarInviteOptions {
  return {
    uid: "slot-42.person-7@vakmanschap.example",
    sequence: 0,
    method: "REQUEST",
    start: { date: "2027-03-04", time: "14:00" },
    end: { date: "2027-03-04", time: "15:00" },
    summary: "Kris-kras gesprek",
    description: "Een gesprek over integriteit met een collega van een ander ministerie.",
    location: "Rijnstraat 50, Den Haag",
    organizer: { name: "Team Vakmanschap", email: "vakmanschap@example.nl" },
    attendee: { name: "Anna de Vries", email: "anna@example.nl" },
    stamp: new Date("2027-02-01T09:30:15.250Z"),
    ...overrides,
  };
}

interface ContentLine {
  name: string;
  parameters: Record<string, string>;
  value: string;
}

// A deliberately small reader, independent of the writer: unfold, then split name, parameters, value.
function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line) => line !== "");
}

function parseLine(line: string): ContentLine {
  let index = 0;
  const readUntil = (stops: string) => {
    let token = "";
    let quoted = false;
    while (index < line.length) {
      const character = line.charAt(index);
      if (character === '"') quoted = !quoted;
      else if (!quoted && stops.includes(character)) break;
      else token += character;
      index++;
    }
    return token;
  };
  const name = readUntil(";:");
  const parameters: Record<string, string> = {};
  while (line.charAt(index) === ";") {
    index++;
    const key = readUntil("=");
    index++;
    parameters[key] = readUntil(";:");
  }
  index++;
  return { name, parameters, value: line.slice(index) };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, character: string) =>
    character.toLowerCase() === "n" ? "\n" : character,
  );
}

/** The content lines of the first component with this name (not those of components inside it). */
function componentLines(text: string, component: string): ContentLine[] {
  const lines = unfold(text).map(parseLine);
  const start = lines.findIndex((line) => line.name === "BEGIN" && line.value === component);
  const result: ContentLine[] = [];
  let depth = 0;
  for (const line of lines.slice(start + 1)) {
    if (line.name === "BEGIN") depth++;
    else if (line.name === "END" && depth === 0) break;
    else if (line.name === "END") depth--;
    else if (depth === 0) result.push(line);
  }
  return result;
}

function property(text: string, component: string, name: string): ContentLine {
  const found = componentLines(text, component).filter((line) => line.name === name);
  expect(found, `${component} has one ${name}`).toHaveLength(1);
  return found[0] as ContentLine;
}

function catchError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const octets = (line: string) => new TextEncoder().encode(line).length;

describe("the invitation a civil servant receives", () => {
  const invite = buildCalendarInvite(inviteOptions());

  it("uses CRLF for every line end and folds no line past 75 octets", () => {
    expect(invite.endsWith("\r\n")).toBe(true);
    expect(invite.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    for (const line of invite.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it("opens and closes its components in order", () => {
    const stack: string[] = [];
    for (const line of unfold(invite).map(parseLine)) {
      if (line.name === "BEGIN") stack.push(line.value);
      if (line.name === "END") expect(stack.pop()).toBe(line.value);
    }
    expect(stack).toEqual([]);
    const components = unfold(invite).filter((line) => line.startsWith("BEGIN:"));
    expect(components).toEqual([
      "BEGIN:VCALENDAR",
      "BEGIN:VTIMEZONE",
      "BEGIN:DAYLIGHT",
      "BEGIN:STANDARD",
      "BEGIN:VEVENT",
      "BEGIN:VALARM",
    ]);
  });

  it("says what it is: an iTIP request in the Gregorian calendar", () => {
    expect(property(invite, "VCALENDAR", "VERSION").value).toBe("2.0");
    expect(property(invite, "VCALENDAR", "PRODID").value).toBe("-//Vakmanschap//Kris-kras//NL");
    expect(property(invite, "VCALENDAR", "CALSCALE").value).toBe("GREGORIAN");
    expect(property(invite, "VCALENDAR", "METHOD").value).toBe("REQUEST");
  });

  it("describes Amsterdam time with the EU summer-time rules", () => {
    expect(property(invite, "VTIMEZONE", "TZID").value).toBe("Europe/Amsterdam");
    const daylight = componentLines(invite, "DAYLIGHT");
    const standard = componentLines(invite, "STANDARD");
    const values = (lines: ContentLine[]) => Object.fromEntries(lines.map((line) => [line.name, line.value]));
    expect(values(daylight)).toMatchObject({
      TZOFFSETFROM: "+0100",
      TZOFFSETTO: "+0200",
      TZNAME: "CEST",
      RRULE: "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    });
    expect(values(daylight).DTSTART).toMatch(/^\d{4}03\d{2}T020000$/);
    expect(values(standard)).toMatchObject({
      TZOFFSETFROM: "+0200",
      TZOFFSETTO: "+0100",
      TZNAME: "CET",
      RRULE: "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    });
    expect(values(standard).DTSTART).toMatch(/^\d{4}10\d{2}T030000$/);
  });

  it("puts the slot in local Amsterdam time and the stamp in UTC", () => {
    const start = property(invite, "VEVENT", "DTSTART");
    expect(start.parameters).toEqual({ TZID: "Europe/Amsterdam" });
    expect(start.value).toBe("20270304T140000");
    expect(property(invite, "VEVENT", "DTEND").value).toBe("20270304T150000");
    expect(property(invite, "VEVENT", "DTSTAMP").value).toBe("20270201T093015Z");
  });

  it("names the event, the organiser and the attendee", () => {
    expect(property(invite, "VEVENT", "UID").value).toBe("slot-42.person-7@vakmanschap.example");
    expect(property(invite, "VEVENT", "SEQUENCE").value).toBe("0");
    expect(property(invite, "VEVENT", "SUMMARY").value).toBe("Kris-kras gesprek");
    expect(unescapeText(property(invite, "VEVENT", "LOCATION").value)).toBe("Rijnstraat 50, Den Haag");
    expect(property(invite, "VEVENT", "STATUS").value).toBe("CONFIRMED");
    const organizer = property(invite, "VEVENT", "ORGANIZER");
    expect(organizer).toEqual({
      name: "ORGANIZER",
      parameters: { CN: "Team Vakmanschap" },
      value: "mailto:vakmanschap@example.nl",
    });
    const attendee = property(invite, "VEVENT", "ATTENDEE");
    expect(attendee).toEqual({
      name: "ATTENDEE",
      parameters: {
        CN: "Anna de Vries",
        ROLE: "REQ-PARTICIPANT",
        PARTSTAT: "NEEDS-ACTION",
        RSVP: "FALSE",
      },
      value: "mailto:anna@example.nl",
    });
  });

  it("reminds the attendee 30 minutes before the start", () => {
    expect(property(invite, "VALARM", "ACTION").value).toBe("DISPLAY");
    expect(property(invite, "VALARM", "TRIGGER").value).toBe("-PT30M");
    expect(property(invite, "VALARM", "DESCRIPTION").value).toBe("Kris-kras gesprek");
  });

  it("takes another reminder time, or none", () => {
    const early = buildCalendarInvite(inviteOptions({ reminderMinutes: 24 * 60 }));
    expect(property(early, "VALARM", "TRIGGER").value).toBe("-PT1440M");
    const none = buildCalendarInvite(inviteOptions({ reminderMinutes: null }));
    expect(none).not.toContain("VALARM");
  });

  it("is sent with the method in the content type", () => {
    expect(calendarInviteContentType({ method: "REQUEST" })).toBe(
      "text/calendar; charset=utf-8; method=REQUEST",
    );
    expect(calendarInviteContentType({ method: "CANCEL" })).toBe(
      "text/calendar; charset=utf-8; method=CANCEL",
    );
  });
});

describe("an online conversation", () => {
  it("carries the link as URL and, without a place, as the location calendars show", () => {
    const invite = buildCalendarInvite(
      inviteOptions({ location: undefined, url: "https://meet.example.nl/kris-kras/abc?pwd=1,2" }),
    );
    expect(property(invite, "VEVENT", "URL").value).toBe("https://meet.example.nl/kris-kras/abc?pwd=1,2");
    expect(unescapeText(property(invite, "VEVENT", "LOCATION").value)).toBe(
      "https://meet.example.nl/kris-kras/abc?pwd=1,2",
    );
  });

  it("keeps a given place as the location next to the link", () => {
    const invite = buildCalendarInvite(inviteOptions({ url: "https://meet.example.nl/x" }));
    expect(unescapeText(property(invite, "VEVENT", "LOCATION").value)).toBe("Rijnstraat 50, Den Haag");
  });

  it("refuses a link that is not a web address", () => {
    expect(() => buildCalendarInvite(inviteOptions({ url: "javascript:alert(1)" }))).toThrow(/url/);
    expect(() => buildCalendarInvite(inviteOptions({ url: "not a link" }))).toThrow(/url/);
  });
});

describe("text in the invitation", () => {
  it("escapes backslash, semicolon, comma and line breaks and reads back the same", () => {
    const description = "Agenda:\n1. Kennismaken; daarna\r\n2. Casus a, b en c\\d\rEinde";
    const invite = buildCalendarInvite(inviteOptions({ description, summary: "Gesprek; deel 1, ronde 2" }));
    const line = unfold(invite).find((text) => text.startsWith("DESCRIPTION:Agenda"));
    expect(line).toBe("DESCRIPTION:Agenda:\\n1. Kennismaken\\; daarna\\n2. Casus a\\, b en c\\\\d\\nEinde");
    expect(unescapeText(property(invite, "VEVENT", "DESCRIPTION").value)).toBe(
      "Agenda:\n1. Kennismaken; daarna\n2. Casus a, b en c\\d\nEinde",
    );
    expect(unescapeText(property(invite, "VEVENT", "SUMMARY").value)).toBe("Gesprek; deel 1, ronde 2");
  });

  it("drops control characters that TEXT may not hold", () => {
    const invite = buildCalendarInvite(inviteOptions({ description: "a\u0000b\u0007c\td" }));
    expect(property(invite, "VEVENT", "DESCRIPTION").value).toBe("abc\td");
  });

  it("folds long multi-byte text without splitting a character, and unfolds to the original", () => {
    const description = `Gesprek 🤝 over één café-casus — ${"ë€😀a".repeat(60)} einde`;
    const invite = buildCalendarInvite(inviteOptions({ description }));
    const physical = invite.split("\r\n").filter((line) => line !== "");
    expect(physical.length).toBeGreaterThan(unfold(invite).length);
    for (const line of physical) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // A split surrogate pair or UTF-8 sequence would show up as a replacement character.
      expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(line))).toBe(line);
      expect(line).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
    expect(unescapeText(property(invite, "VEVENT", "DESCRIPTION").value)).toBe(description);
  });

  it("uses the full 75 octets before folding", () => {
    const description = "x".repeat(200);
    const lines = buildCalendarInvite(inviteOptions({ description })).split("\r\n");
    const first = lines.findIndex((line) => line.startsWith("DESCRIPTION:x"));
    expect(octets(lines[first] ?? "")).toBe(75);
    expect(lines[first + 1]).toMatch(/^ x{74}$/);
  });

  it("leaves out an empty description", () => {
    const invite = buildCalendarInvite(inviteOptions({ description: "  " }));
    expect(componentLines(invite, "VEVENT").map((line) => line.name)).not.toContain("DESCRIPTION");
  });
});

describe("names in parameters", () => {
  it("quotes a name with a comma, colon or semicolon", () => {
    const invite = buildCalendarInvite(
      inviteOptions({
        organizer: { name: "Vries, A. de: BZK; DGOO", email: "a.devries@example.nl" },
        attendee: { name: "Jansen, Piet", email: "piet@example.nl" },
      }),
    );
    const organizer = unfold(invite).find((line) => line.startsWith("ORGANIZER"));
    expect(organizer).toBe('ORGANIZER;CN="Vries, A. de: BZK; DGOO":mailto:a.devries@example.nl');
    expect(property(invite, "VEVENT", "ORGANIZER").parameters.CN).toBe("Vries, A. de: BZK; DGOO");
    expect(property(invite, "VEVENT", "ATTENDEE").parameters.CN).toBe("Jansen, Piet");
    expect(property(invite, "VEVENT", "ATTENDEE").value).toBe("mailto:piet@example.nl");
  });

  it("turns a double quote and line breaks into characters a parameter can hold", () => {
    const invite = buildCalendarInvite(
      inviteOptions({ attendee: { name: 'Piet "PJ"\nJansen', email: "piet@example.nl" } }),
    );
    expect(property(invite, "VEVENT", "ATTENDEE").parameters.CN).toBe("Piet 'PJ' Jansen");
  });

  it("leaves out CN for an attendee without a name", () => {
    const invite = buildCalendarInvite(inviteOptions({ attendee: { email: "piet@example.nl" } }));
    expect(property(invite, "VEVENT", "ATTENDEE").parameters.CN).toBeUndefined();
  });

  it("refuses an e-mail address that would break the line", () => {
    const error = catchError(() =>
      buildCalendarInvite(inviteOptions({ attendee: { email: "piet@example.nl;RSVP=TRUE" } })),
    );
    expect(error.code).toBe("invalid");
    expect(error.fields).toHaveProperty("attendee");
  });
});

describe("an update and a cancellation", () => {
  it("an update keeps the UID, raises the sequence and replaces the times", () => {
    const first = buildCalendarInvite(inviteOptions());
    const update = buildCalendarInvite(
      inviteOptions({
        sequence: 1,
        start: { date: "2027-03-05", time: "10:00" },
        end: { date: "2027-03-05", time: "11:30" },
        stamp: new Date("2027-02-03T08:00:00Z"),
      }),
    );
    expect(property(update, "VEVENT", "UID").value).toBe(property(first, "VEVENT", "UID").value);
    expect(property(update, "VEVENT", "SEQUENCE").value).toBe("1");
    expect(property(update, "VCALENDAR", "METHOD").value).toBe("REQUEST");
    expect(property(update, "VEVENT", "STATUS").value).toBe("CONFIRMED");
    expect(property(update, "VEVENT", "DTSTART").value).toBe("20270305T100000");
    expect(property(update, "VEVENT", "DTEND").value).toBe("20270305T113000");
    expect(property(update, "VEVENT", "DTSTAMP").value).toBe("20270203T080000Z");
  });

  it("a cancellation has method CANCEL, status CANCELLED, the attendee and no reminder", () => {
    const cancel = buildCalendarInvite(inviteOptions({ method: "CANCEL", sequence: 2 }));
    expect(property(cancel, "VCALENDAR", "METHOD").value).toBe("CANCEL");
    expect(property(cancel, "VEVENT", "STATUS").value).toBe("CANCELLED");
    expect(property(cancel, "VEVENT", "SEQUENCE").value).toBe("2");
    expect(property(cancel, "VEVENT", "UID").value).toBe("slot-42.person-7@vakmanschap.example");
    expect(property(cancel, "VEVENT", "ATTENDEE").value).toBe("mailto:anna@example.nl");
    expect(cancel).not.toContain("BEGIN:VALARM");
  });
});

describe("input that cannot become an invitation", () => {
  const refusals: [string, Partial<CalendarInviteOptions>, string][] = [
    ["a date in another format", { start: { date: "04-03-2027", time: "14:00" } }, "start"],
    ["a date not in the calendar", { start: { date: "2027-02-29", time: "14:00" } }, "start"],
    ["a time with seconds", { start: { date: "2027-03-04", time: "14:00:00" } }, "start"],
    ["an hour past 23", { end: { date: "2027-03-04", time: "24:00" } }, "end"],
    ["a minute past 59", { end: { date: "2027-03-04", time: "14:60" } }, "end"],
    ["a two-digit year", { start: { date: "0027-03-04", time: "14:00" } }, "start"],
    ["an end before the start", { end: { date: "2027-03-04", time: "13:00" } }, "end"],
    ["an end equal to the start", { end: { date: "2027-03-04", time: "14:00" } }, "end"],
    ["a start in the spring-forward gap", { start: { date: "2027-03-28", time: "02:30" } }, "start"],
    ["a negative sequence", { sequence: -1 }, "sequence"],
    ["a fractional sequence", { sequence: 1.5 }, "sequence"],
    ["an empty UID", { uid: " " }, "uid"],
    ["a UID with a line break", { uid: "a\r\nDTSTART:1" }, "uid"],
    ["an invalid stamp", { stamp: new Date("nonsense") }, "stamp"],
    ["an empty summary", { summary: "" }, "summary"],
    ["a negative reminder", { reminderMinutes: -5 }, "reminderMinutes"],
  ];

  it.each(refusals)("refuses %s", (_, overrides, field) => {
    const error = catchError(() => buildCalendarInvite(inviteOptions(overrides)));
    expect(error.code).toBe("invalid");
    expect(error.fields).toHaveProperty(field);
  });

  it("says why a time in the gap is refused", () => {
    expect(() =>
      buildCalendarInvite(
        inviteOptions({
          start: { date: "2027-03-28", time: "02:30" },
          end: { date: "2027-03-28", time: "04:00" },
        }),
      ),
    ).toThrow("2027-03-28 02:30 does not exist in Europe/Amsterdam: the clocks skip that hour");
  });

  it("accepts a slot that crosses the autumn change, measured in real time", () => {
    // 02:30 is the first (summer) occurrence, so 02:15 to 02:45 is 30 real minutes.
    const invite = buildCalendarInvite(
      inviteOptions({
        start: { date: "2027-10-31", time: "02:15" },
        end: { date: "2027-10-31", time: "02:45" },
      }),
    );
    expect(property(invite, "VEVENT", "DTSTART").value).toBe("20271031T021500");
  });
});
