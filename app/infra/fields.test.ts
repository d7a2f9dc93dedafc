import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { EmailAddress, Id, LocalDate, LocalTime, labelledText, storableText } from "./fields.ts";
import { translatorFor } from "./i18n/texts.server.ts";

// The message as a Dutch reader sees it: the schemas give keys of the locale files.
const messageOf = (schema: z.ZodType, value: unknown) =>
  translatorFor("nl")(schema.safeParse(value).error?.issues[0]?.message ?? "");

describe("the shared field types", () => {
  it("refuses the NUL character PostgreSQL cannot store, with the field's own message", () => {
    const text = storableText({ max: 10, tooLong: "Te lang." });
    expect(messageOf(text, "a\u0000b")).toBe("Deze tekst bevat een teken dat niet kan worden opgeslagen.");
    const own = storableText({ max: 10, tooLong: "Te lang.", unstorable: "Niet te bewaren." });
    expect(messageOf(own, "a\u0000b")).toBe("Niet te bewaren.");
  });

  it("trims text before counting, unless told not to", () => {
    const text = storableText({ min: 2, tooShort: "Te kort.", max: 3, tooLong: "Te lang." });
    expect(text.parse("  ab  ")).toBe("ab");
    expect(messageOf(text, "  a  ")).toBe("Te kort.");
    expect(messageOf(text, "abcd")).toBe("Te lang.");
    const kept = storableText({ max: 3, tooLong: "Te lang.", trim: false });
    expect(messageOf(kept, " ab ")).toBe("Te lang.");
  });

  it("names the field in the messages of labelled text", () => {
    const title = labelledText("problems.labels.title", 3, 5);
    expect(messageOf(title, undefined)).toBe("Vul de titel in.");
    expect(messageOf(title, "ab")).toBe("De titel is te kort: schrijf minstens 3 tekens.");
    expect(messageOf(title, "abcdef")).toBe("De titel mag hoogstens 5 tekens hebben.");
    expect(messageOf(labelledText("problems.labels.question", 1, 5), "  ")).toBe("Vul de vraag in.");
    expect(messageOf(labelledText("problems.labels.name", 2, 5, { tooShort: "Vul de naam in." }), "a")).toBe(
      "Vul de naam in.",
    );
  });

  it("accepts ids, e-mail addresses, dates and times as people type them", () => {
    expect(Id.safeParse("11111111-1111-4111-8111-111111111111").success).toBe(true);
    expect(Id.safeParse("11111111").success).toBe(false);
    expect(EmailAddress.parse("  iemand@example.nl ")).toBe("iemand@example.nl");
    expect(messageOf(EmailAddress, "iemand")).toBe(
      "Dit is geen geldig e-mailadres. Controleer het en probeer het opnieuw.",
    );
    expect(LocalDate.parse("12-5-2026")).toBe("2026-05-12");
    expect(messageOf(LocalDate, "2026-02-30")).toBe("Deze datum bestaat niet.");
    expect(LocalTime.parse("9.30")).toBe("09:30");
    expect(messageOf(LocalTime, "25:00")).toBe("Vul een tijd in zoals 14:30.");
  });
});
