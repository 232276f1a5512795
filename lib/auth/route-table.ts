// THE table of every page, API route, export, feed and server action, with who
// may use it. The access-matrix test (e2e/security-access.spec.ts) requests
// every row as every role; the embargo-leak test (e2e/security-embargo.spec.ts)
// fetches every public row. A server action missing from this table fails the
// matrix test (it compares the table with the build's list of actions), and
// public pages not listed are still reached by the leak test's crawler.
//
// When you add a route: add a row here, with the result each role must get.

/** The five kinds of visitor the tests sign in as. */
export const MATRIX_ROLES = ["anonymous", "boardOwn", "boardOther", "staff", "admin"] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/**
 * For pages and routes: "ok" (2xx), "sign-in" (redirected to /sign-in),
 * "redirect" (redirected elsewhere, e.g. /sign-in when already signed in),
 * "not-found" (404, which reveals nothing), "method-not-allowed" (405).
 * For server actions: "allowed" (passed the session and role checks; the test
 * sends input that is then refused or harmless), "UNAUTHENTICATED" or "FORBIDDEN".
 */
export type RouteExpectation = "ok" | "sign-in" | "redirect" | "not-found" | "method-not-allowed";
export type ActionExpectation = "allowed" | "UNAUTHENTICATED" | "FORBIDDEN";

/** Placeholders the tests fill in: fixture inspections they create, and real services. */
export type RouteParams = {
  /** A draft inspection of the board's own service. */
  draftId: number;
  /** An embargoed (time not yet passed) inspection of the board's own service. */
  embargoedId: number;
  /** A published inspection of the board's own service. */
  publishedId: number;
  /** The slug of the board's own service, and of another service. */
  ownSlug: string;
  otherSlug: string;
};

export type HttpRoute = {
  kind: "page" | "api" | "export" | "feed" | "sitemap";
  method: "GET" | "POST";
  /** The route as written in app/, for people. */
  route: string;
  /** The address to request. */
  path: (p: RouteParams) => string;
  /** JSON body for POST. */
  body?: (p: RouteParams) => unknown;
  /** Public: fetched by the embargo-leak test (anonymously and as another service's board). */
  public: boolean;
  access: Record<MatrixRole, RouteExpectation>;
};

export type ActionRoute = {
  kind: "action";
  /** The file that exports it, and its export name (as the build lists it). */
  module: string;
  name: string;
  /** "json": called with JSON arguments; "form": a form action (FormData), checked through its page. */
  call: "json" | "form";
  /** Arguments that pass validation's shape but change nothing (a refused or missing target). */
  args?: (p: RouteParams) => unknown[];
  access: Record<MatrixRole, ActionExpectation>;
};

export type RouteEntry = HttpRoute | ActionRoute;

const everyone = (e: RouteExpectation): Record<MatrixRole, RouteExpectation> => ({
  anonymous: e,
  boardOwn: e,
  boardOther: e,
  staff: e,
  admin: e,
});
const signedIn = (anonymous: RouteExpectation, board: RouteExpectation, staff: RouteExpectation, admin: RouteExpectation) => ({
  anonymous,
  boardOwn: board,
  boardOther: board,
  staff,
  admin,
});

const refusedToBoards = { anonymous: "UNAUTHENTICATED", boardOwn: "FORBIDDEN", boardOther: "FORBIDDEN", staff: "allowed", admin: "allowed" } as const;
const adminOnly = { anonymous: "UNAUTHENTICATED", boardOwn: "FORBIDDEN", boardOther: "FORBIDDEN", staff: "FORBIDDEN", admin: "allowed" } as const;
const publicAction = { anonymous: "allowed", boardOwn: "allowed", boardOther: "allowed", staff: "allowed", admin: "allowed" } as const;

export const ROUTES: RouteEntry[] = [
  // Public pages.
  { kind: "page", method: "GET", route: "/", path: () => "/", public: true, access: everyone("ok") },
  { kind: "page", method: "GET", route: "/services/[slug]", path: (p) => `/services/${p.ownSlug}`, public: true, access: everyone("ok") },
  { kind: "page", method: "GET", route: "/services/[slug] (unknown)", path: () => "/services/no-such-service", public: true, access: everyone("not-found") },
  { kind: "export", method: "GET", route: "/services/[slug]/data.csv", path: (p) => `/services/${p.ownSlug}/data.csv`, public: true, access: everyone("ok") },
  { kind: "export", method: "GET", route: "/services/[slug]/data.csv?table=comparison", path: (p) => `/services/${p.ownSlug}/data.csv?table=comparison`, public: true, access: everyone("ok") },
  // The scorecard's social preview image (drawn from published results only).
  { kind: "export", method: "GET", route: "/services/[slug]/opengraph-image", path: (p) => `/services/${p.ownSlug}/opengraph-image`, public: true, access: everyone("ok") },
  { kind: "export", method: "GET", route: "/services/[slug]/data.json", path: (p) => `/services/${p.ownSlug}/data.json`, public: true, access: everyone("ok") },
  { kind: "page", method: "GET", route: "/services", path: () => "/services", public: true, access: everyone("ok") },
  { kind: "page", method: "GET", route: "/services (search)", path: () => "/services?q=wilts", public: true, access: everyone("ok") },
  { kind: "export", method: "GET", route: "/api/explorer/download (csv)", path: () => "/api/explorer/download?format=csv", public: true, access: everyone("ok") },
  { kind: "export", method: "GET", route: "/api/explorer/download (xlsx)", path: () => "/api/explorer/download?format=xlsx", public: true, access: everyone("ok") },
  { kind: "page", method: "GET", route: "/api", path: () => "/api", public: true, access: everyone("ok") },
  { kind: "api", method: "GET", route: "/api/v1/services", path: () => "/api/v1/services?pageSize=200", public: true, access: everyone("ok") },
  { kind: "api", method: "GET", route: "/api/v1/services/[slug]", path: (p) => `/api/v1/services/${p.ownSlug}`, public: true, access: everyone("ok") },
  { kind: "api", method: "GET", route: "/api/v1/services/[slug] (csv)", path: (p) => `/api/v1/services/${p.ownSlug}?format=csv`, public: true, access: everyone("ok") },
  { kind: "api", method: "GET", route: "/api/v1/inspections", path: (p) => `/api/v1/inspections?service=${p.ownSlug}`, public: true, access: everyone("ok") },
  { kind: "api", method: "GET", route: "/api/v1/inspections (csv)", path: () => "/api/v1/inspections?format=csv&pageSize=200", public: true, access: everyone("ok") },
  { kind: "api", method: "GET", route: "/api/v1/standards", path: () => "/api/v1/standards", public: true, access: everyone("ok") },
  { kind: "api", method: "GET", route: "/api/v1/openapi.json", path: () => "/api/v1/openapi.json", public: true, access: everyone("ok") },
  { kind: "page", method: "GET", route: "/heatmap", path: () => "/heatmap", public: true, access: everyone("ok") },
  { kind: "page", method: "GET", route: "/heatmap (all inspections)", path: () => "/heatmap?basis=all", public: true, access: everyone("ok") },
  { kind: "api", method: "GET", route: "/heatmap/rows", path: () => "/heatmap/rows", public: true, access: everyone("ok") },
  { kind: "api", method: "GET", route: "/heatmap/rows?inspection= (published)", path: (p) => `/heatmap/rows?inspection=${p.publishedId}`, public: true, access: everyone("ok") },
  { kind: "api", method: "GET", route: "/heatmap/rows?inspection= (embargoed)", path: (p) => `/heatmap/rows?inspection=${p.embargoedId}`, public: true, access: everyone("not-found") },
  { kind: "api", method: "GET", route: "/heatmap/rows?inspection= (draft)", path: (p) => `/heatmap/rows?inspection=${p.draftId}`, public: true, access: everyone("not-found") },
  { kind: "page", method: "GET", route: "/standards", path: () => "/standards", public: true, access: everyone("ok") },
  { kind: "page", method: "GET", route: "/standards/[code]", path: () => "/standards/3.1", public: true, access: everyone("ok") },
  { kind: "page", method: "GET", route: "/standards/[code] (unknown)", path: () => "/standards/9.9", public: true, access: everyone("not-found") },
  { kind: "page", method: "GET", route: "/standards/[code]/bands/[band]", path: () => "/standards/3.1/bands/inadequate", public: true, access: everyone("ok") },
  { kind: "page", method: "GET", route: "/standards/[code]/bands/[band] (unknown band)", path: () => "/standards/3.1/bands/excellent", public: true, access: everyone("not-found") },
  { kind: "page", method: "GET", route: "/compare", path: (p) => `/compare?services=${p.ownSlug},${p.otherSlug}`, public: true, access: everyone("ok") },
  { kind: "sitemap", method: "GET", route: "/sitemap.xml", path: () => "/sitemap.xml", public: true, access: everyone("ok") },
  { kind: "page", method: "GET", route: "/robots.txt", path: () => "/robots.txt", public: true, access: everyone("ok") },
  { kind: "page", method: "GET", route: "/about/ratings", path: () => "/about/ratings", public: true, access: everyone("ok") },
  { kind: "page", method: "GET", route: "/about/data", path: () => "/about/data", public: true, access: everyone("ok") },
  { kind: "page", method: "GET", route: "/accessibility", path: () => "/accessibility", public: true, access: everyone("ok") },

  // Sign-in.
  { kind: "page", method: "GET", route: "/sign-in", path: () => "/sign-in", public: true, access: signedIn("ok", "redirect", "redirect", "redirect") },
  { kind: "api", method: "GET", route: "/api/auth/get-session", path: () => "/api/auth/get-session", public: false, access: everyone("ok") },
  {
    kind: "api",
    method: "POST",
    route: "/api/auth/sign-up/email (not served)",
    path: () => "/api/auth/sign-up/email",
    body: () => ({ email: "intruder@example.org", password: "intruder password 1", name: "Intruder" }),
    public: false,
    access: everyone("not-found"),
  },
  { kind: "api", method: "GET", route: "/api/auth/sign-in/email (GET)", path: () => "/api/auth/sign-in/email", public: false, access: everyone("method-not-allowed") },
  { kind: "api", method: "GET", route: "/api/auth/list-sessions (not served)", path: () => "/api/auth/list-sessions", public: false, access: everyone("not-found") },

  // Back office.
  { kind: "page", method: "GET", route: "/admin", path: () => "/admin", public: false, access: signedIn("sign-in", "ok", "ok", "ok") },
  { kind: "page", method: "GET", route: "/admin/inspections/new", path: () => "/admin/inspections/new", public: false, access: signedIn("sign-in", "not-found", "ok", "ok") },
  {
    kind: "page",
    method: "GET",
    route: "/admin/inspections/[id] (draft)",
    path: (p) => `/admin/inspections/${p.draftId}`,
    public: false,
    access: signedIn("sign-in", "not-found", "ok", "ok"),
  },
  {
    kind: "page",
    method: "GET",
    route: "/admin/inspections/[id] (embargoed)",
    path: (p) => `/admin/inspections/${p.embargoedId}`,
    public: false,
    access: { anonymous: "sign-in", boardOwn: "ok", boardOther: "not-found", staff: "ok", admin: "ok" },
  },
  {
    kind: "page",
    method: "GET",
    route: "/admin/inspections/[id] (published)",
    path: (p) => `/admin/inspections/${p.publishedId}`,
    public: false,
    access: { anonymous: "sign-in", boardOwn: "ok", boardOther: "not-found", staff: "ok", admin: "ok" },
  },
  {
    kind: "page",
    method: "GET",
    route: "/admin/inspections/[id]/edit",
    path: (p) => `/admin/inspections/${p.embargoedId}/edit`,
    public: false,
    access: signedIn("sign-in", "not-found", "ok", "ok"),
  },
  { kind: "page", method: "GET", route: "/admin/inspections/[id] (not a number)", path: () => "/admin/inspections/abc", public: false, access: signedIn("sign-in", "not-found", "not-found", "not-found") },
  { kind: "page", method: "GET", route: "/admin/import", path: () => "/admin/import", public: false, access: signedIn("sign-in", "not-found", "ok", "ok") },
  { kind: "page", method: "GET", route: "/import-template.csv", path: () => "/import-template.csv", public: true, access: everyone("ok") },
  { kind: "page", method: "GET", route: "/admin/users", path: () => "/admin/users", public: false, access: signedIn("sign-in", "not-found", "not-found", "ok") },
  { kind: "page", method: "GET", route: "/admin/audit", path: () => "/admin/audit", public: false, access: signedIn("sign-in", "not-found", "not-found", "ok") },

  // Server actions.
  {
    kind: "action",
    module: "app/admin/actions.ts",
    name: "saveInspectionAction",
    call: "json",
    // A new inspection with no service: refused by validation once past the role check.
    args: () => [{ values: { frameworkCode: "2021" } }],
    access: refusedToBoards,
  },
  {
    kind: "action",
    module: "app/admin/actions.ts",
    name: "publicationAction",
    call: "json",
    // A stale version: refused as a conflict once past the role check.
    args: (p) => [{ action: "publish", id: p.draftId, version: 999_999 }],
    access: refusedToBoards,
  },
  { kind: "action", module: "app/admin/actions.ts", name: "createUserAction", call: "json", args: () => [{ email: "", name: "", role: "BOARD", serviceSlugs: [] }], access: adminOnly },
  { kind: "action", module: "app/admin/actions.ts", name: "updateUserRoleAction", call: "json", args: () => [{ userId: "no-such-user", role: "STAFF", serviceSlugs: [] }], access: adminOnly },
  { kind: "action", module: "app/admin/actions.ts", name: "resetPasswordAction", call: "json", args: () => [{ userId: "no-such-user" }], access: adminOnly },
  { kind: "action", module: "app/admin/actions.ts", name: "deleteUserAction", call: "json", args: () => [{ userId: "no-such-user" }], access: adminOnly },
  // Import: called without a form, they pass the role check and then refuse the request.
  { kind: "action", module: "app/admin/import/actions.ts", name: "previewImportAction", call: "json", args: () => [{ step: "start" }, {}], access: refusedToBoards },
  { kind: "action", module: "app/admin/import/actions.ts", name: "applyImportAction", call: "json", args: () => [{ step: "start" }, {}], access: refusedToBoards },
  { kind: "action", module: "app/sign-in/actions.ts", name: "signIn", call: "form", access: publicAction },
  { kind: "action", module: "app/sign-in/actions.ts", name: "signOut", call: "form", access: publicAction },
];

export const httpRoutes = (): HttpRoute[] => ROUTES.filter((r): r is HttpRoute => r.kind !== "action");
export const actionRoutes = (): ActionRoute[] => ROUTES.filter((r): r is ActionRoute => r.kind === "action");
export const publicRoutes = (): HttpRoute[] => httpRoutes().filter((r) => r.public);
