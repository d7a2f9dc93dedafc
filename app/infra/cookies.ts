// The site's own cookies (a session, a login under way, a kept draft, a participant), written and read
// by one set of rules. Over HTTPS each name carries the `__Host-` prefix: browsers accept such a cookie
// only with `Secure`, `Path=/` and no `Domain`, so a page on a sibling subdomain cannot plant or
// shadow it (cookie tossing). Over plain HTTP (development, the tests) the prefix would be refused, so
// the plain name is used there. Every cookie here holds a base64url secret, is `HttpOnly` and `SameSite=Lax`.

const HOST_PREFIX = "__Host-";
const SECRET = /^[A-Za-z0-9_-]{20,100}$/;

/** Whether the site is served over HTTPS, from its configured address (never from request headers). */
export function isSecureSite(config: { publicUrl: string }): boolean {
  return config.publicUrl.startsWith("https://");
}

/** The name a cookie goes by on this site: `__Host-vm_sessie` over HTTPS, `vm_sessie` over HTTP. */
export function cookieName(name: string, options: { secure: boolean }): string {
  return options.secure ? `${HOST_PREFIX}${name}` : name;
}

/** A Set-Cookie value that stores `secret` for `maxAgeSeconds`. */
export function secretCookie(options: {
  name: string;
  secret: string;
  maxAgeSeconds: number;
  secure: boolean;
}): string {
  if (!SECRET.test(options.secret))
    throw new Error(`the cookie ${options.name} holds only a base64url secret`);
  return cookieLine(
    options.name,
    options.secret,
    Math.max(0, Math.floor(options.maxAgeSeconds)),
    options.secure,
  );
}

/** A Set-Cookie value that makes the browser forget the cookie. */
export function clearedCookie(options: { name: string; secure: boolean }): string {
  return cookieLine(options.name, "", 0, options.secure);
}

function cookieLine(name: string, value: string, maxAge: number, secure: boolean): string {
  return [
    `${cookieName(name, { secure })}=${value}`,
    "Path=/",
    `Max-Age=${maxAge}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/**
 * The secret in the request's cookie of that name, or nothing. Over HTTPS only the prefixed name
 * counts: a plain `vm_sessie` there may have been set by a sibling subdomain.
 */
export function secretFromCookies(
  cookieHeader: string | null | undefined,
  options: { name: string; secure: boolean },
): string | undefined {
  const wanted = cookieName(options.name, options);
  for (const part of (cookieHeader ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0 || part.slice(0, separator).trim() !== wanted) continue;
    const value = part.slice(separator + 1).trim();
    if (SECRET.test(value)) return value;
  }
  return undefined;
}
