// The access matrix: every row of lib/auth/route-table.ts × every role, against
// the production build. Server actions are called over HTTP as a browser would
// (Next-Action header), found by name in the build's own list of actions; an
// action missing from the table fails the test.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import {
  actionRoutes,
  httpRoutes,
  MATRIX_ROLES,
  type ActionExpectation,
  type MatrixRole,
  type RouteExpectation,
} from "../lib/auth/route-table";
import { createMatrixUsers, e2eDatabaseUrl, insertCanaries, type Canaries } from "../lib/auth/security-fixtures";

test.describe.configure({ mode: "serial" });

const OWN = "wiltshire";
const OTHER = "swindon";

let canaries: Canaries;
const contexts = new Map<MatrixRole, APIRequestContext>();

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };
function serverActions(): Map<string, ManifestEntry & { id: string }> {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  return new Map(Object.entries(manifest.node).map(([id, e]) => [`${e.filename}#${e.exportedName}`, { ...e, id }]));
}

async function signIn(context: APIRequestContext, email: string, password: string, baseURL: string) {
  const response = await context.post("/api/auth/sign-in/email", { data: { email, password }, headers: { origin: baseURL } });
  expect(response.status(), `sign-in of ${email}`).toBe(200);
  const cookie = response.headers()["set-cookie"] ?? "";
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  expect(cookie).toMatch(/Secure/i); // production build
}

test.beforeAll(async ({ playwright, baseURL }) => {
  test.setTimeout(240_000); // users are made with the real command, one process each
  const url = e2eDatabaseUrl();
  const users = createMatrixUsers(url, "access", OWN, OTHER);
  canaries = await insertCanaries(url, OWN, OTHER);
  for (const role of MATRIX_ROLES) {
    const context = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
    if (role !== "anonymous") await signIn(context, users[role].email, users[role].password, baseURL!);
    contexts.set(role, context);
  }
});

test.afterAll(async () => {
  for (const c of contexts.values()) await c.dispose();
});

function classify(response: APIResponse): RouteExpectation | string {
  const status = response.status();
  if (status >= 200 && status < 300) return "ok";
  if (status >= 300 && status < 400) return /\/sign-in(\?|$)/.test(response.headers().location ?? "") ? "sign-in" : "redirect";
  if (status === 404) return "not-found";
  if (status === 405) return "method-not-allowed";
  return `status ${status}`;
}

for (const route of httpRoutes()) {
  test(`${route.method} ${route.route}`, async ({ baseURL }) => {
    for (const role of MATRIX_ROLES) {
      const response = await contexts.get(role)!.fetch(route.path(canaries), {
        method: route.method,
        headers: { origin: baseURL! },
        ...(route.body ? { data: route.body(canaries) } : {}),
      });
      expect.soft(classify(response), `${route.method} ${route.route} as ${role}`).toBe(route.access[role]);
    }
  });
}

test("every server action in the build is in the route table, and every table row is in the build", () => {
  const built = [...serverActions().keys()].sort();
  const listed = actionRoutes().map((a) => `${a.module}#${a.name}`).sort();
  expect(built).toEqual(listed);
});

/** Calls a server action the way Next's client does: POST to a page that uses it, with a Next-Action header. */
async function callAction(context: APIRequestContext, key: string, args: unknown[], origin: string) {
  const action = serverActions().get(key)!;
  const worker = Object.keys(action.workers)[0]!;
  const page = `/${worker.replace(/^app\//, "").replace(/\/?page$/, "")}`.replace("[id]", String(canaries.draftId)).replace("[slug]", OWN);
  return context.post(page === "/" ? "/" : page, {
    headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", origin, accept: "text/x-component" },
    data: JSON.stringify(args),
  });
}

async function classifyAction(response: APIResponse): Promise<ActionExpectation | string> {
  const body = await response.text();
  const refused = /"code":"(UNAUTHENTICATED|FORBIDDEN|CROSS_ORIGIN)"/.exec(body);
  if (refused) return refused[1]!;
  return response.status() === 200 ? "allowed" : `status ${response.status()}`;
}

for (const action of actionRoutes().filter((a) => a.call === "json")) {
  test(`server action ${action.name}`, async ({ baseURL }) => {
    const before = await contexts.get("admin")!.get("/admin/audit");
    const entriesBefore = (await before.text()).match(/data-audit="/g)?.length ?? 0;
    for (const role of MATRIX_ROLES) {
      const response = await callAction(contexts.get(role)!, `${action.module}#${action.name}`, action.args!(canaries), baseURL!);
      expect.soft(await classifyAction(response), `${action.name} as ${role}`).toBe(action.access[role]);
    }
    // The arguments are chosen to change nothing, whoever calls.
    const after = await contexts.get("admin")!.get("/admin/audit");
    expect((await after.text()).match(/data-audit="/g)?.length ?? 0).toBe(entriesBefore);
  });
}

test("every mutation from another origin is refused, even for an admin", async () => {
  const admin = contexts.get("admin")!;
  for (const action of actionRoutes()) {
    const response = await callAction(admin, `${action.module}#${action.name}`, action.args?.(canaries) ?? [], "https://attacker.example");
    expect.soft(response.status(), `${action.name} from another origin`).toBe(403);
  }
  for (const route of httpRoutes()) {
    const response = await admin.fetch(route.path(canaries), { method: "POST", headers: { origin: "https://attacker.example" }, data: {} });
    expect.soft(response.status(), `POST ${route.route} from another origin`).toBe(403);
  }
  // No Origin header at all is refused too.
  const bare = await admin.fetch("/api/auth/sign-out", { method: "POST", headers: { origin: "" } });
  expect(bare.status()).toBe(403);
});

test("the back office is never cached, framed or indexed", async () => {
  const response = await contexts.get("staff")!.get("/admin");
  expect(response.headers()["cache-control"]).toMatch(/no-store/);
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  expect(response.headers()["x-robots-tag"]).toMatch(/noindex/);
});
