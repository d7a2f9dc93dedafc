// The cookie that carries a pending draft's token across a login: sent only under /afwegen, never to
// scripts, and read back only when it looks like one of our tokens.
import { describe, expect, it } from "vitest";
import { createSecret } from "../../infra/secrets.server.ts";
import {
  clearPendingDraftCookie,
  PENDING_DRAFT_COOKIE,
  pendingDraftCookie,
  pendingDraftTokenFrom,
} from "./pending-drafts.server.ts";

const attributesOf = (cookie: string) => cookie.split("; ").slice(1);

describe("the pending-draft cookie", () => {
  it("hands the token to the browser for two hours, HttpOnly and Lax, under /afwegen only", () => {
    const token = createSecret();
    const cookie = pendingDraftCookie(token, { secure: false });
    expect(cookie.startsWith(`${PENDING_DRAFT_COOKIE}=${token}; `)).toBe(true);
    expect(attributesOf(cookie)).toEqual(["Path=/afwegen", "Max-Age=7200", "HttpOnly", "SameSite=Lax"]);
    expect(attributesOf(pendingDraftCookie(token, { secure: true }))).toContain("Secure");
  });

  it("is cleared with the same path, so the browser drops the same cookie", () => {
    expect(clearPendingDraftCookie({ secure: true })).toBe(
      "vm_concept=; Path=/afwegen; Max-Age=0; HttpOnly; SameSite=Lax; Secure",
    );
    expect(clearPendingDraftCookie({ secure: false })).not.toContain("Secure");
  });

  it("refuses to write a token that could add attributes of its own", () => {
    expect(() => pendingDraftCookie("abc; Path=/", { secure: false })).toThrow();
  });

  it("reads the token among other cookies, and nothing from a missing or malformed one", () => {
    const token = createSecret();
    expect(pendingDraftTokenFrom(`taal=nl; vm_concept=${token}; vm_sessie=${createSecret()}`)).toBe(token);
    expect(pendingDraftTokenFrom(`vm_concept=${token}`)).toBe(token);
    expect(pendingDraftTokenFrom(null)).toBeUndefined();
    expect(pendingDraftTokenFrom("")).toBeUndefined();
    expect(pendingDraftTokenFrom("taal=nl")).toBeUndefined();
    expect(pendingDraftTokenFrom("vm_concept=")).toBeUndefined();
    expect(pendingDraftTokenFrom("vm_concept=kort")).toBeUndefined();
    expect(pendingDraftTokenFrom(`vm_concept=${token}<script>`)).toBeUndefined();
    expect(pendingDraftTokenFrom(`oud_vm_concept=${token}`)).toBeUndefined();
  });
});
