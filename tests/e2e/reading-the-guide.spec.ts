// Reading the guide: from the home page to a principle and one of its paragraphs, paging through the
// parts, and printing, with and without JavaScript.
import { DRAFT_VERSION } from "./example-urls.ts";
import { expect, test } from "./fixtures.ts";

const PRINCIPLE = { slug: "luister-naar-burgers", title: "Luister beter naar burgers" };
const PARAGRAPH = "kritiek-is-waardevolle-informatie-wie";

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`a reader follows a principle from the home page and links to one paragraph (${mode})`, async ({
    newContext,
  }) => {
    const context = await newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Vakmanschap: de Gids Ambtelijk Vakmanschap in eigen woorden",
    );

    const principles = page.getByRole("region", { name: "De principes in het kort" });
    await expect(principles.getByRole("listitem")).toHaveCount(7);
    await principles.getByRole("link", { name: PRINCIPLE.title }).click();

    await expect(page).toHaveURL(`/gids/${PRINCIPLE.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PRINCIPLE.title);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 2, name: "Wat houdt dit in?" })).toBeVisible();
    await expect(main.getByRole("heading", { level: 2, name: "Zo willen we werken" })).toBeVisible();
    await expect(main.getByText("Bij een beleidsdirectie.")).toBeVisible();
    await expect(main.getByRole("heading", { level: 2, name: "Vragen om over na te denken" })).toBeVisible();
    await expect(main.getByRole("listitem").filter({ hasText: "Wat doe je met kritiek" })).toBeVisible();

    await page.locator(`#${PARAGRAPH}`).getByRole("link", { name: "Link naar deze alinea" }).click();
    await expect(page).toHaveURL(`/gids/${PRINCIPLE.slug}#${PARAGRAPH}`);
    await expect(page.locator(".vm-block:target")).toHaveAttribute("id", PARAGRAPH);
    await expect(page.locator(`#${PARAGRAPH}`)).toBeInViewport();
    await context.close();
  });

  test(`a reader pages to the next and previous part (${mode})`, async ({ newContext }) => {
    const context = await newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`/gids/${PRINCIPLE.slug}`);
    const pager = page.getByRole("navigation", { name: "Vorige / Volgende" });

    await pager.getByRole("link", { name: /^Volgende: / }).click();
    await expect(page).toHaveURL("/gids/wat-mensen-nodig-hebben");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Let op wat mensen nodig hebben en wat rechtvaardig is",
    );

    await pager.getByRole("link", { name: /^Vorige: / }).click();
    await expect(page).toHaveURL(`/gids/${PRINCIPLE.slug}`);
    await pager.getByRole("link", { name: /^Vorige: / }).click();
    await expect(page).toHaveURL("/gids/vertrouwen-in-burgers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Werk vanuit vertrouwen in burgers");
    await context.close();
  });
}

test("someone opening a shared paragraph link lands on that paragraph", async ({ page }) => {
  await page.goto(`/gids/${PRINCIPLE.slug}#${PARAGRAPH}`);
  await expect(page.locator(".vm-block:target")).toHaveAttribute("id", PARAGRAPH);
  await expect(page.locator(`#${PARAGRAPH}`)).toBeInViewport();
});

test("a reader pages through the whole guide from the first part to the last", async ({ page }) => {
  await page.goto("/gids");
  const contents = page.getByRole("navigation", { name: "Inhoud van de gids" }).getByRole("link");
  const titles = await contents.allTextContents();
  await contents.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(String(titles[0]));

  const pager = page.getByRole("navigation", { name: "Vorige / Volgende" });
  const next = pager.getByRole("link", { name: /^Volgende: / });
  await expect(pager.getByRole("link", { name: /^Vorige: / })).toHaveCount(0);
  const visited: string[] = [];
  for (let step = 0; step <= titles.length; step++) {
    const heading = page.getByRole("heading", { level: 1 });
    visited.push(String(await heading.textContent()));
    if ((await next.count()) === 0) break;
    const expected = String(await next.locator("span").textContent());
    await next.click();
    await expect(heading).toHaveText(expected);
  }
  expect(visited.toSorted()).toEqual(titles.toSorted());
  await expect(pager.getByRole("link", { name: /^Vorige: / })).toHaveCount(1);

  // The whole guide for printing keeps the same reading order.
  await page.goto("/gids/afdrukken");
  await expect(page.getByRole("navigation", { name: "Inhoud van de gids" }).getByRole("link")).toHaveText(
    visited,
  );
});

test("a printed part shows the text without header, navigation and footer", async ({ page }) => {
  await page.goto(`/gids/${PRINCIPLE.slug}`);
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("button", { name: "Afdrukken" })).toBeVisible();

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Vorige / Volgende" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Afdrukken" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Link naar deze alinea" }).first()).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PRINCIPLE.title);
  await expect(page.locator(`#${PARAGRAPH}`)).toBeVisible();
  // The notice that this is not the official text stays on paper too.
  await expect(page.getByText("Het is niet de officiële tekst.")).toBeVisible();
});

test("the whole guide on one page for printing lists every part of the guide", async ({ page }) => {
  await page.goto("/gids");
  const contents = page.getByRole("navigation", { name: "Inhoud van de gids" }).getByRole("link");
  const titles = await contents.allTextContents();
  expect(titles.length).toBeGreaterThanOrEqual(10);

  await page.getByRole("link", { name: "De hele gids afdrukken" }).click();
  await expect(page).toHaveURL("/gids/afdrukken");
  const printed = await page
    .getByRole("navigation", { name: "Inhoud van de gids" })
    .getByRole("link")
    .allTextContents();
  expect(printed.toSorted()).toEqual(titles.toSorted());
  await expect(page.getByRole("main").getByRole("region")).toHaveCount(titles.length);
  for (const title of titles) {
    await expect(page.getByRole("region", { name: title, exact: true })).toBeVisible();
  }

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByRole("region", { name: titles.at(-1), exact: true })).toBeVisible();
});

test("the whole draft for printing warns that it is a draft", async ({ page }) => {
  await page.goto(`/gids/versie/${DRAFT_VERSION}/afdrukken`);
  await expect(page.getByText("Dit is een concept.")).toBeVisible();
  await expect(page.getByText("Luister ook naar wie niet vanzelf aan tafel zit.")).toBeVisible();
});
