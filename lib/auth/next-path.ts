/** Where to go after signing in: only a path inside the back office, never another site. */
export function safeNextPath(next: unknown): string {
  return typeof next === "string" && /^\/admin(?:[/?][A-Za-z0-9\-/?=&_.%]*)?$/.test(next) ? next : "/admin";
}
