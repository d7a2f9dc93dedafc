// Where to send someone back to after a form: only a path on this site. Browsers drop tabs and
// newlines from addresses and read a backslash as a slash, so "/\t/evil.example" or "/\evil.example"
// would leave the site; anything with such characters becomes the start page.
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//")) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\\s]/.test(value)) return "/";
  const resolved = new URL(value, "http://vakmanschap.invalid");
  return resolved.origin === "http://vakmanschap.invalid"
    ? resolved.pathname + resolved.search + resolved.hash
    : "/";
}
