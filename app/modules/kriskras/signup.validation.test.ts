import { describe, expect, it } from "vitest";
import { signupInputFor } from "./signup.validation.ts";
import { readSignupForm } from "./signup-form.ts";
import { formatLocalDate, slotLine, slotTimes } from "./slot-times.ts";

const SLOT_A = "11111111-1111-4111-8111-111111111111";
const SLOT_B = "22222222-2222-4222-8222-222222222222";
const ORGANISATION = "33333333-3333-4333-8333-333333333333";
const schema = signupInputFor({
  organisationIds: [ORGANISATION],
  optionKeys: { workKind: ["beleid"], scaleBand: ["s1"], serviceBand: ["d1"], region: ["r1"] },
  slotIds: [SLOT_A, SLOT_B],
});

const form = (pairs: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of pairs) data.append(name, value);
  return data;
};

describe("the sign-up form of a kris-kras round", () => {
  it("reads what was typed, keeping only radio groups named after a slot id", () => {
    const values = readSignupForm(
      form([
        ["organisationId", ORGANISATION],
        ["workKind", "beleid"],
        [`availability-${SLOT_A}`, "ja"],
        [`availability-${SLOT_A}`, "nee"],
        ["availability-__proto__", "ja"],
        ["accessNeeds", "  een lift "],
        ["consent", "ja"],
      ]),
    );
    expect(values).toEqual({
      organisationId: ORGANISATION,
      workKind: "beleid",
      scaleBand: "",
      serviceBand: "",
      region: "",
      availability: { [SLOT_A]: "ja" },
      accessNeeds: "  een lift ",
      consent: true,
    });
  });

  it("counts a slot left open as 'no', and needs at least one 'yes' or 'if it must'", () => {
    const base = {
      organisationId: ORGANISATION,
      workKind: "beleid",
      scaleBand: "s1",
      serviceBand: "d1",
      region: "r1",
      accessNeeds: " een lift ",
      consent: true,
    };
    expect(schema.parse({ ...base, availability: { [SLOT_B]: "als-het-moet" } })).toEqual({
      ...base,
      consent: undefined,
      accessNeeds: "een lift",
      availability: { [SLOT_A]: "nee", [SLOT_B]: "als-het-moet" },
    });
    const refused = schema.safeParse({ ...base, availability: { [SLOT_A]: "nee" } });
    expect(refused.error?.issues[0]?.message).toBe("problems.kriskras.chooseSomeSlot");
  });

  it("refuses the NUL character in access needs, as PostgreSQL cannot store it", () => {
    const refused = schema.safeParse({
      organisationId: ORGANISATION,
      workKind: "beleid",
      scaleBand: "s1",
      serviceBand: "d1",
      region: "r1",
      availability: { [SLOT_A]: "ja" },
      accessNeeds: "a\u0000b",
      consent: true,
    });
    expect(refused.error?.issues.map((issue) => issue.path[0])).toEqual(["accessNeeds"]);
  });
});

describe("a time slot as people read it", () => {
  it("shows the Amsterdam wall clock in winter and in summer", () => {
    expect(
      slotTimes({ startsAt: new Date("2031-03-25T13:00:00Z"), endsAt: new Date("2031-03-25T15:00:00Z") }),
    ).toEqual({ date: "2031-03-25", startTime: "14:00", endTime: "16:00" });
    expect(
      slotTimes({ startsAt: new Date("2031-04-08T08:00:00Z"), endsAt: new Date("2031-04-08T10:00:00Z") }),
    ).toEqual({ date: "2031-04-08", startTime: "10:00", endTime: "12:00" });
  });

  it("writes the date out with its weekday, and the place or 'online'", () => {
    expect(formatLocalDate("2031-03-25", "nl")).toBe("dinsdag 25 maart 2031");
    expect(formatLocalDate("2031-03-25", "en")).toBe("Tuesday, 25 March 2031");
    const slot = { date: "2031-03-25", startTime: "14:00", endTime: "16:00" };
    expect(slotLine({ ...slot, place: "Den Haag", onlineUrl: "" }, "nl")).toBe(
      "dinsdag 25 maart 2031, 14:00 tot 16:00, Den Haag",
    );
    expect(slotLine({ ...slot, place: " ", onlineUrl: "https://video.example.nl" }, "en")).toBe(
      "Tuesday, 25 March 2031, 14:00 to 16:00, online",
    );
  });
});
