import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Permission, ROLES, rolesOf } from "./authorization.ts";

const person = (roles: (typeof ROLES)[number][]) => ({ id: "1", email: "a@example.nl", roles });

describe("one function decides who may do what", () => {
  it("lets nobody anonymous do anything that needs a right", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[])
      expect(can(null, permission)).toBe(false);
  });

  it("makes everyone logged in an ambtenaar, with other roles on top", () => {
    expect(rolesOf(person([]))).toEqual(["ambtenaar"]);
    expect(rolesOf(person(["beheerder", "ambtenaar"]))).toEqual(["ambtenaar", "beheerder"]);
  });

  it.each(ROLES)("gives a %s exactly the rights of that role and of an ambtenaar", (role) => {
    for (const [permission, needed] of Object.entries(PERMISSIONS) as [Permission, string | string[]][]) {
      const roles = typeof needed === "string" ? [needed] : needed;
      expect(can(person([role]), permission), permission).toBe(
        roles.includes("ambtenaar") || roles.includes(role),
      );
    }
  });

  it("lets facilitators and editors both run consultations, and nobody else", () => {
    expect(can(person(["gespreksleider"]), "consultations:run")).toBe(true);
    expect(can(person(["redacteur"]), "consultations:run")).toBe(true);
    expect(can(person([]), "consultations:run")).toBe(false);
    expect(can(person(["beheerder"]), "consultations:run")).toBe(false);
  });
});
