// Words from free Dutch text, reduced to a common form so that "klachten", "klacht" and "klaagt" or
// "burgers" and "burger" meet: lower case, accents off, common function words out, and a light suffix
// stripper (plural and inflection endings, a few derivations). Pure and fast; not a full stemmer.

const STOPWORDS = new Set(
  (
    "de het een en of maar want dus dat die dit deze daar hier er is zijn was waren ben bent wordt worden werd " +
    "werden heb hebt heeft hebben had hadden kan kun kunt kunnen kon konden moet moeten moest moesten wil wilt " +
    "willen wou zal zult zullen zou zouden mag mogen mocht doe doet doen deed gaan gaat ging gingen ik je jij u " +
    "hij zij ze we wij jullie hun hen hem haar mij me mijn jouw jou uw ons onze zijn zich zelf men iemand niemand " +
    "iets niets alles allemaal in op aan van voor met naar uit bij om over onder tussen door tot tegen zonder " +
    "na als dan toen nu ook nog al wel niet geen heel erg zeer meer minder veel weinig wat wie waar waarom hoe " +
    "welke welk wanneer omdat terwijl hoewel zodat tenzij of dat maar ook even eens toch echt gewoon misschien " +
    "steeds weer altijd nooit soms vaak zo zoals net pas alleen eigenlijk best wordt word te tot per via hier daar " +
    "kiezen keuze kies tussen a b optie enerzijds anderzijds mis fout gaat goed"
  ).split(/\s+/),
);

function foldAccents(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

const SUFFIXES = [
  "heden",
  "heid",
  "ingen",
  "ing",
  "lijke",
  "lijk",
  "isch",
  "ische",
  "baar",
  "bare",
  "tjes",
  "tje",
  "jes",
  "je",
  "ende",
  "end",
  "ers",
  "er",
  "en",
  "es",
  "s",
  "e",
];

/** The common form of one lower-case word without accents. */
export function stem(word: string): string {
  let w = word;
  for (const suffix of SUFFIXES) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // "klacht-en" → "klacht", "besliss-en" → "beslis", "ma-ken" → "mak": undouble a final consonant pair.
  if (w.length >= 4 && /([bcdfgklmnprstvz])\1$/.test(w)) w = w.slice(0, -1);
  // "gev" (geven) / "gef" and "z"/"s" alternations: "reiz-en" → "reis".
  if (w.length >= 4 && w.endsWith("v")) w = `${w.slice(0, -1)}f`;
  if (w.length >= 4 && w.endsWith("z")) w = `${w.slice(0, -1)}s`;
  return w;
}

export interface Word {
  /** As written (lower case), for explaining a suggestion in the person's own words. */
  surface: string;
  stem: string;
}

/** The content words of a text, in order. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const raw of foldAccents(text.toLowerCase()).split(/[^a-z0-9]+/)) {
    if (raw.length < 3 || STOPWORDS.has(raw) || /^\d+$/.test(raw)) continue;
    words.push({ surface: raw, stem: stem(raw) });
  }
  return words;
}
