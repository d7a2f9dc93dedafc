// Who may do what: one function decides for every capability, and routes and API handlers ask it
// instead of checking roles themselves. Pure, so the whole matrix is easy to test.

/** The roles, in rising order of what they may do; stored on the user (accounts.schema.ts). */
export const ROLES = ["ambtenaar", "gespreksleider", "redacteur", "beheerder"] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  email: string;
  roles: Role[];
}

/**
 * Everything that needs more than an anonymous visitor, named after what is done, with the role that
 * may do it, or the roles when several may.
 */
export const PERMISSIONS = {
  "profile:manage": "ambtenaar",
  "tokens:manage": "ambtenaar",
  "my-data:manage": "ambtenaar",
  "users:manage": "beheerder",
  "audit:read": "beheerder",
  "dilemmas:submit": "ambtenaar",
  "dilemmas:review": "redacteur",
  "deliberations:own": "ambtenaar",
  "conversations:lead": "gespreksleider",
  // Running a conversation one owns: its pages check ownership themselves. Only a gespreksleider makes conversations
  // at will; anyone else owns one only as the host of a kris-kras group (startGroupConversation).
  "conversations:run-own": "ambtenaar",
  "kriskras:organise": "redacteur",
  // Drafting, editing and publishing the next version of the guide.
  "guide:edit": "redacteur",
  "kriskras:signup": "ambtenaar",
  // Meedenken: anyone logged in writes, replies, supports and reports; editors decide and moderate.
  "cocreation:contribute": "ambtenaar",
  "cocreation:decide": "redacteur",
  // Consultations: facilitators and editors make and run them; taking part needs no role.
  "consultations:run": ["gespreksleider", "redacteur"],
  // Inzichten: the programme's aggregated figures, never about one person (decision 026).
  "insights:read": ["redacteur", "beheerder"],
} as const satisfies Record<string, Role | readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Everyone logged in is an ambtenaar; other roles come on top. */
export function rolesOf(actor: Actor): Role[] {
  return ["ambtenaar", ...actor.roles.filter((role) => role !== "ambtenaar")];
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  const needed: Role | readonly Role[] = PERMISSIONS[permission];
  const roles = rolesOf(actor);
  return typeof needed === "string" ? roles.includes(needed) : needed.some((role) => roles.includes(role));
}
