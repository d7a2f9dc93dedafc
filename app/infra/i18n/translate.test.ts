import { describe, expect, it } from "vitest";
import { withMessages } from "./texts.server.ts";
import { createTranslator, message } from "./translate.ts";

const texts = {
  cards: {
    count_one: "{{count}} kaart",
    count_other: "{{count}} kaarten",
    mean: "Gemiddelde: {{mean, number}}",
    hello: "Hallo {{name}}",
  },
};

describe("a translator", () => {
  const t = createTranslator({ language: "nl", texts });

  it("finds nested keys and fills in values", () => {
    expect(t("cards.hello", { name: "Ada" })).toBe("Hallo Ada");
  });

  it("picks the plural form by count", () => {
    expect(t("cards.count", { count: 1 })).toBe("1 kaart");
    expect(t("cards.count", { count: 0 })).toBe("0 kaarten");
    expect(t("cards.count", { count: 12 })).toBe("12 kaarten");
  });

  it("writes numbers the reader's way", () => {
    expect(t("cards.mean", { mean: 3.25 })).toBe("Gemiddelde: 3,25");
    expect(createTranslator({ language: "en", texts })("cards.mean", { mean: 3.25 })).toBe(
      "Gemiddelde: 3.25",
    );
  });

  it("leaves out a value passed as null, and shows one not passed at all", () => {
    expect(t("cards.mean", { mean: null })).toBe("Gemiddelde: ");
    expect(t("cards.hello")).toBe("Hallo {{name}}");
  });

  it("answers a key without a text with its defaultValue, or the key itself", () => {
    expect(t("cards.none", { defaultValue: "Geen" })).toBe("Geen");
    expect(t("cards.none")).toBe("cards.none");
    expect(t("cards")).toBe("cards");
  });
});

describe("a message, said by the server's translator", () => {
  const t = withMessages(
    createTranslator({
      language: "nl",
      texts: {
        fields: { title: "de titel" },
        problems: {
          tooLong: "{{label, capital}} mag hoogstens {{max, number}} tekens hebben.",
          gone: "Weg.",
        },
      },
    }),
  );

  it("is its key when it names no values", () => {
    expect(message("problems.gone")).toBe("problems.gone");
    expect(t(message("problems.gone"))).toBe("Weg.");
  });

  it("carries its values, and translates the texts it names before filling them in", () => {
    const said = message("problems.tooLong", { label: { key: "fields.title" }, max: 1200 });
    expect(typeof said).toBe("string");
    expect(t(said)).toBe("De titel mag hoogstens 1.200 tekens hebben.");
  });

  it("shows its key when the locale files lack it, so the mistake is visible", () => {
    expect(t(message("problems.unknown", { max: 3 }))).toBe("problems.unknown");
  });
});
