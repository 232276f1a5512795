// The back office's roles and what each may do. Admins may do everything staff
// may, and also manage users; board members only read.
export const ROLES = ["ADMIN", "STAFF", "BOARD"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  /** Create and edit inspections. */
  | "inspections.edit"
  /** Embargo, publish and withdraw inspections. */
  | "inspections.publish"
  /** Create, change and remove users. */
  | "users.manage"
  /** Read the audit log. */
  | "audit.read";

const GRANTS: Record<Role, readonly Permission[]> = {
  ADMIN: ["inspections.edit", "inspections.publish", "users.manage", "audit.read"],
  STAFF: ["inspections.edit", "inspections.publish"],
  BOARD: [],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

const LABELS: Record<Role, string> = { ADMIN: "Administrator", STAFF: "Inspectorate staff", BOARD: "Board member" };

export function roleLabel(role: Role): string {
  return LABELS[role];
}
