// Tells a Dutch sentence from an English one, for the tests that check an English page or the code
// shows no Dutch interface text.

// Words that are frequent in Dutch and are not English words: two different ones in a text mark a
// Dutch sentence. ("de", "het", "een", "je", "niet", ...)
const DUTCH = new Set(
  (
    "de het een je jij jouw niet van voor met wordt worden deze dit naar kun kunt kan geen maar ook " +
    "zijn er op aan dat wat hier nog al om bij bent heb hebt heeft wil moet nu uit " +
    "waar wie meer alleen eerst daarna staat gaat komt iets iemand niets"
  ).split(" "),
);

/** Whether a text reads as Dutch: it holds two different frequent Dutch words that are not English. */
export function looksDutch(text: string): boolean {
  const words = new Set(text.toLowerCase().match(/[a-zà-ÿ]+/g) ?? []);
  let dutch = 0;
  for (const word of words) if (DUTCH.has(word)) dutch++;
  return dutch >= 2;
}
