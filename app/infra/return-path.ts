// Where to send someone back to after a form: only a path on this site. Browsers drop tabs and
// newlines from addresses and read a backslash as a slash, so "/\t/evil.example" or "/\evil.example"
// would leave the site; anything with such characters becomes the start page. The check is made on the
// path as it is *after* resolving dot-segments, because "/.//evil.example" resolves to
// "//evil.example", which a browser reads as another site.
const BASE = "http://vakmanschap.invalid";

export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//")) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\\s]/.test(value)) return "/";
  let resolved: URL;
  try {
    resolved = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (resolved.origin !== BASE) return "/";
  // An encoded slash or backslash in the path may be decoded by a proxy or a later redirect.
  if (/%(2f|5c)/i.test(resolved.pathname)) return "/";
  const out = resolved.pathname + resolved.search + resolved.hash;
  if (!out.startsWith("/") || out.startsWith("//")) return "/";
  // What comes out must come out unchanged when checked again: nothing left to resolve.
  const again = new URL(out, BASE);
  return again.origin === BASE && again.pathname + again.search + again.hash === out ? out : "/";
}
