// The cookie that carries a pending draft's token across a login: never to scripts, `__Host-` over
// HTTPS, and read back only when it looks like one of our tokens.
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
  it("hands the token to the browser for two hours, HttpOnly and Lax", () => {
    const token = createSecret();
    const cookie = pendingDraftCookie(token, { secure: false });
    expect(cookie.startsWith(`${PENDING_DRAFT_COOKIE}=${token}; `)).toBe(true);
    expect(attributesOf(cookie)).toEqual(["Path=/", "Max-Age=7200", "HttpOnly", "SameSite=Lax"]);
  });

  it("over HTTPS goes by a __Host- name, which a sibling subdomain cannot set", () => {
    const token = createSecret();
    expect(pendingDraftCookie(token, { secure: true })).toBe(
      `__Host-vm_concept=${token}; Path=/; Max-Age=7200; HttpOnly; SameSite=Lax; Secure`,
    );
    expect(pendingDraftTokenFrom(`__Host-vm_concept=${token}`, { secure: true })).toBe(token);
    expect(pendingDraftTokenFrom(`vm_concept=${token}`, { secure: true })).toBeUndefined();
  });

  it("is cleared under the same name and path, so the browser drops the same cookie", () => {
    expect(clearPendingDraftCookie({ secure: true })).toBe(
      "__Host-vm_concept=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure",
    );
    expect(clearPendingDraftCookie({ secure: false })).toBe(
      "vm_concept=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax",
    );
  });

  it("refuses to write a token that could add attributes of its own", () => {
    expect(() => pendingDraftCookie("abc; Path=/", { secure: false })).toThrow();
  });

  it("reads the token among other cookies, and nothing from a missing or malformed one", () => {
    const token = createSecret();
    const plain = { secure: false };
    expect(pendingDraftTokenFrom(`taal=nl; vm_concept=${token}; vm_sessie=${createSecret()}`, plain)).toBe(
      token,
    );
    expect(pendingDraftTokenFrom(`vm_concept=${token}`, plain)).toBe(token);
    expect(pendingDraftTokenFrom(null, plain)).toBeUndefined();
    expect(pendingDraftTokenFrom("", plain)).toBeUndefined();
    expect(pendingDraftTokenFrom("taal=nl", plain)).toBeUndefined();
    expect(pendingDraftTokenFrom("vm_concept=", plain)).toBeUndefined();
    expect(pendingDraftTokenFrom("vm_concept=kort", plain)).toBeUndefined();
    expect(pendingDraftTokenFrom(`vm_concept=${token}<script>`, plain)).toBeUndefined();
    expect(pendingDraftTokenFrom(`oud_vm_concept=${token}`, plain)).toBeUndefined();
  });
});
