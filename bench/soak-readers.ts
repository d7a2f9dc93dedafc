// The memory soak's readers (`bench/soak.ts`): a few clients that go round the guide's parts, the
// dilemma cards and site searches (the questions of bench/search-questions/), as browsers that accept
// gzip, with a short pause between pages.
import { sleep } from "./live-clients.ts";
import { readQuestionSets } from "./search-quality.ts";
import type { Outcomes } from "./soak-outcomes.ts";

const PAUSE_MS = 250;
/** Addresses under /gids/ and /dilemmas/ that are not a part or a card. */
const NOT_A_PAGE = new Set(["afdrukken", "versies", "vergelijk", "versie", "nieuw", "mijn"]);

/** A reader's requests are counted by the page's first path segment: `page /gids`, `page /zoeken`. */
const kindOf = (address: string) => `page /${address.split(/[/?]/)[1]}`;

/**
 * The pages to go round: the guide's contents and its parts, the dilemma cards and each card (as they
 * link to them) and the questions of the search evaluation, taken in turn.
 */
export async function readerAddresses(outcomes: Outcomes): Promise<string[]> {
  const guide = await outcomes.request(kindOf("/gids"), "GET", "/gids");
  const cards = await outcomes.request(kindOf("/dilemmas"), "GET", "/dilemmas");
  if (!guide || !cards) throw new Error("the guide's contents or the dilemma cards did not load");
  const linked = (html: string, folder: string) => [
    `/${folder}`,
    ...new Set(
      [...html.matchAll(new RegExp(`href="/${folder}/([a-z0-9-]+)"`, "g"))]
        .map((match) => match[1] ?? "")
        .filter((slug) => !NOT_A_PAGE.has(slug))
        .map((slug) => `/${folder}/${slug}`),
    ),
  ];
  const searches = readQuestionSets().flatMap((set) =>
    set.questions.map((question) => `/zoeken?q=${encodeURIComponent(question.query)}`),
  );
  const kinds = [linked(guide.body, "gids"), linked(cards.body, "dilemmas"), searches];
  if (kinds.some((addresses) => addresses.length < 2))
    throw new Error("no guide parts or dilemma cards are linked");
  const longest = Math.max(...kinds.map((addresses) => addresses.length));
  return Array.from({ length: longest }, (_, n) =>
    kinds.map((addresses) => addresses[n % addresses.length] as string),
  ).flat();
}

/** Goes round `addresses` from `first` on until `signal` aborts. */
export async function readGuide(options: {
  outcomes: Outcomes;
  addresses: string[];
  first: number;
  signal: AbortSignal;
}) {
  for (let next = options.first; !options.signal.aborted; next++) {
    const address = options.addresses[next % options.addresses.length] as string;
    await options.outcomes.request(kindOf(address), "GET", address, {
      headers: { "Accept-Encoding": "gzip" },
    });
    await sleep(PAUSE_MS);
  }
}
