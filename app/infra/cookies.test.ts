// The site's four cookies follow one set of rules: `__Host-` names over HTTPS (Secure, Path=/, no
// Domain), plain names over HTTP, and each is read back under exactly the name it was written with.
import { describe, expect, it } from "vitest";
import {
  clearedSessionCookie,
  sessionCookie,
  sessionSecretFrom,
} from "../modules/accounts/sessions.server.ts";
import { clearSsoCookie, ssoCookie, ssoSecretFrom } from "../modules/accounts/single-sign-on.server.ts";
import {
  participantCookie,
  participantTokenFrom,
} from "../modules/conversations/participant-access.server.ts";
import {
  clearPendingDraftCookie,
  pendingDraftCookie,
  pendingDraftTokenFrom,
} from "../modules/deliberation/pending-drafts.server.ts";
import { isSecureSite, secretCookie } from "./cookies.ts";
import { createSecret } from "./secrets.server.ts";

type Mode = { secure: boolean };
const COOKIES: {
  name: string;
  write: (secret: string, mode: Mode) => string;
  clear?: (mode: Mode) => string;
  read: (header: string, mode: Mode) => string | undefined;
}[] = [
  {
    name: "vm_sessie",
    write: (secret, mode) => sessionCookie({ secret, expiresAt: new Date(Date.now() + 3_600_000), ...mode }),
    clear: clearedSessionCookie,
    read: sessionSecretFrom,
  },
  {
    name: "vm_sso",
    write: (secret, mode) => ssoCookie({ secret, ...mode }),
    clear: clearSsoCookie,
    read: (header, mode) => ssoSecretFrom(header, mode) || undefined,
  },
  {
    name: "vm_concept",
    write: pendingDraftCookie,
    clear: clearPendingDraftCookie,
    read: pendingDraftTokenFrom,
  },
  { name: "vm_deelnemer", write: participantCookie, read: participantTokenFrom },
];

const nameOf = (setCookie: string) => setCookie.slice(0, setCookie.indexOf("="));
const attributesOf = (setCookie: string) => setCookie.split("; ").slice(1);

describe("the site's cookies", () => {
  it("decides HTTPS from the configured address, whatever a request claims", () => {
    expect(isSecureSite({ publicUrl: "https://vakmanschap.example.nl" })).toBe(true);
    expect(isSecureSite({ publicUrl: "http://127.0.0.1:3000" })).toBe(false);
  });

  for (const cookie of COOKIES) {
    it(`${cookie.name} is __Host-${cookie.name} over HTTPS: Secure, Path=/, no Domain`, () => {
      const secret = createSecret();
      const written = cookie.write(secret, { secure: true });
      expect(nameOf(written)).toBe(`__Host-${cookie.name}`);
      expect(attributesOf(written)).toEqual(
        expect.arrayContaining(["Path=/", "Secure", "HttpOnly", "SameSite=Lax"]),
      );
      expect(written).not.toMatch(/Domain=/i);
      expect(cookie.read(`taal=nl; __Host-${cookie.name}=${secret}`, { secure: true })).toBe(secret);
      // A plain name may have been tossed in by a sibling subdomain: over HTTPS it does not count.
      expect(cookie.read(`${cookie.name}=${secret}`, { secure: true })).toBeUndefined();
      if (cookie.clear) expect(nameOf(cookie.clear({ secure: true }))).toBe(`__Host-${cookie.name}`);
    });

    it(`${cookie.name} keeps its plain name over HTTP, where __Host- would be refused`, () => {
      const secret = createSecret();
      const written = cookie.write(secret, { secure: false });
      expect(nameOf(written)).toBe(cookie.name);
      expect(attributesOf(written)).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax"]));
      expect(attributesOf(written)).not.toContain("Secure");
      expect(cookie.read(`${cookie.name}=${secret}; taal=en`, { secure: false })).toBe(secret);
      expect(cookie.read(`__Host-${cookie.name}=${secret}`, { secure: false })).toBeUndefined();
      if (cookie.clear)
        expect(cookie.clear({ secure: false })).toMatch(new RegExp(`^${cookie.name}=; Path=/; Max-Age=0`));
    });
  }

  it("refuses to write a value that could add attributes of its own", () => {
    expect(() =>
      secretCookie({
        name: "vm_sessie",
        secret: `${createSecret()}; Domain=example.nl`,
        maxAgeSeconds: 60,
        secure: true,
      }),
    ).toThrow();
  });
});
