// Malformed and oversized input to every route and server action, against the
// production build: driven by lib/auth/route-table.ts, so a new row is covered
// without touching this file. Whatever is sent (garbage and huge query
// strings, bad path segments, malformed JSON, wrong content types, 10 MB
// bodies, wrong-typed and oversized arguments and form fields), the answer is
// a 4xx or the action's own refusal: never a 5xx, never a hang. Actions are
// called as staff and admin (and sign-in anonymously) so validation is reached.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { actionRoutes, httpRoutes, type ActionRoute, type HttpRoute } from "../lib/auth/route-table";
import { createUserWithCli, e2eDatabaseUrl, insertCanaries, type Canaries } from "../lib/auth/security-fixtures";

// Each test reports every failing input (soft assertions), and a failure does not skip the rest.
test.describe.configure({ mode: "default" });

const OWN = "wiltshire";
const OTHER = "swindon";
const MB = 1024 * 1024;
/** No single answer may take longer than this (a hang fails the test instead of stalling it). */
const ANSWER_WITHIN_MS = 30_000;

let canaries: Canaries;
let anonymous: APIRequestContext;
let staff: APIRequestContext;
let admin: APIRequestContext;
/** Audit entries made as this spec's users (other specs, running beside it, write their own). */
let ourAuditEntries: () => Promise<number>;

test.beforeAll(async ({ playwright, baseURL }) => {
  test.setTimeout(180_000);
  const url = e2eDatabaseUrl();
  const tag = randomBytes(4).toString("hex"); // a worker restarted after a failure makes its own users
  ourAuditEntries = async () => ((await (await admin.get("/admin/audit")).text()).match(new RegExp(`malformed-${tag}@example\\.org`, "g")) ?? []).length;
  const staffUser = createUserWithCli(url, `staff-malformed-${tag}@example.org`, "staff");
  const adminUser = createUserWithCli(url, `admin-malformed-${tag}@example.org`, "admin");
  canaries = await insertCanaries(url, OWN, OTHER);
  const make = () => playwright.request.newContext({ baseURL, maxRedirects: 0, timeout: ANSWER_WITHIN_MS });
  anonymous = await make();
  staff = await make();
  admin = await make();
  for (const [context, user] of [[staff, staffUser], [admin, adminUser]] as const) {
    const response = await context.post("/api/auth/sign-in/email", { data: user, headers: { origin: baseURL! } });
    expect(response.status(), `sign-in of ${user.email}`).toBe(200);
  }
});

test.afterAll(async () => {
  for (const c of [anonymous, staff, admin]) await c?.dispose();
});

/** A 5xx (or a stack trace in a 4xx) is a failure; anything else is an answer. */
async function expectNoServerError(response: APIResponse, what: string) {
  expect.soft(response.status(), `${what}: status`).toBeLessThan(500);
  if (response.status() >= 400) {
    const body = await response.text();
    expect.soft(body, `${what}: no stack trace`).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  }
}

/** Route handlers whose every query parameter is validated (unknown ones refused). */
const strictQuery = (route: HttpRoute) => /^\/(api\/v1|api\/explorer|services\/\[slug\]\/data\.)/.test(route.route);

function withQuery(address: string, query: string): string {
  return address + (address.includes("?") ? "&" : "?") + query;
}

const GARBAGE_QUERIES: [string, string][] = [
  ["bad escapes and types", "page=-1&pageSize=abc&format=%3Cscript%3E&publishedFrom=2024-13-45&%ZZ=%E0%A4%A"],
  ["unknown parameter", "no_such_parameter=1"],
  ["a parameter given twice, one 2,000 characters", `format=json&format=${"x".repeat(2_000)}`],
  ["an 8 KB query string", Array.from({ length: 800 }, (_, i) => `p${i}=yyyyy`).join("&")],
];

for (const route of httpRoutes()) {
  test(`garbage query strings and path segments: ${route.method} ${route.route}`, async ({ baseURL }) => {
    const address = route.path(canaries);
    for (const [label, query] of GARBAGE_QUERIES) {
      const response = await staff.fetch(withQuery(address, query), { method: route.method, headers: { origin: baseURL! } });
      await expectNoServerError(response, `${route.route} with ${label}`);
      // "Unknown parameter" on an endpoint that ignores unknown parameters is an ordinary page; on the strict ones, a 400.
      if (strictQuery(route)) {
        expect.soft(response.status(), `${route.route} with ${label}`).toBe(400);
        expect.soft(await response.text(), `${route.route} with ${label}: says what`).toMatch(/parameter|table|format/i);
      }
    }
    // A query string far past what the server reads: refused at the door (431 or 414).
    const huge = await staff.fetch(withQuery(address, `q=${"z".repeat(100_000)}`), { method: route.method, headers: { origin: baseURL! } });
    expect.soft(huge.status(), `${route.route} with a 100 KB query string`).toBeGreaterThanOrEqual(400);
    await expectNoServerError(huge, `${route.route} with a 100 KB query string`);

    // Bad path segments in place of the slug and ids the route takes.
    for (const [label, bad] of [
      ["a NUL byte", { ownSlug: "wilt%00shire", otherSlug: "swin%00don" }],
      ["invalid UTF-8", { ownSlug: "%E0%A4%A", otherSlug: "%C3%28" }],
      ["5,000 characters", { ownSlug: "a".repeat(5_000), otherSlug: "b".repeat(5_000) }],
      ["ids that are not ids", { draftId: "0x1f%00", embargoedId: "-1", publishedId: "9".repeat(40) }],
    ] as const) {
      const badAddress = route.path({ ...canaries, ...(bad as object) } as Canaries);
      if (badAddress === address) continue;
      const response = await staff.fetch(badAddress, { method: route.method, headers: { origin: baseURL! } });
      await expectNoServerError(response, `${route.route} with ${label} in the path`);
      if (route.kind !== "page") expect.soft(response.status(), `${route.route} with ${label} in the path`).toBeGreaterThanOrEqual(400);
    }
  });

  test(`malformed, mistyped and 10 MB bodies: ${route.route}`, async ({ baseURL }) => {
    const address = route.path(canaries);
    const bodies: [string, Record<string, string>, string | Buffer][] = [
      ["malformed JSON", { "content-type": "application/json" }, '{"email": "a@example.org", "password": '],
      ["JSON of the wrong shape", { "content-type": "application/json" }, '[1, "two", {"three": null}]'],
      ["wrong content type", { "content-type": "application/xml" }, "<sign-in><email>a@example.org</email></sign-in>"],
      ["form data with no boundary", { "content-type": "multipart/form-data" }, "--x\r\nContent-Disposition: form-data; name=a\r\n\r\nb\r\n--x--"],
      ["a 10 MB JSON body", { "content-type": "application/json" }, JSON.stringify({ email: "a@example.org", password: "p".repeat(10 * MB) })],
      ["10 MB of binary", { "content-type": "application/octet-stream" }, Buffer.alloc(10 * MB, 0xff)],
    ];
    for (const [label, headers, data] of bodies) {
      const response = await staff.fetch(address, { method: "POST", headers: { origin: baseURL!, ...headers }, data });
      await expectNoServerError(response, `POST ${route.route} with ${label}`);
    }
  });
}

// ---------------------------------------------------------------------------
// Server actions, called as Next's client calls them (see e2e/security-access.spec.ts).

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };
function serverActions(): Map<string, ManifestEntry & { id: string }> {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  return new Map(Object.entries(manifest.node).map(([id, e]) => [`${e.filename}#${e.exportedName}`, { ...e, id }]));
}

function actionTarget(action: ActionRoute): { id: string; page: string } {
  const entry = serverActions().get(`${action.module}#${action.name}`);
  if (!entry) throw new Error(`${action.module}#${action.name} is not in the build`);
  const worker = Object.keys(entry.workers)[0]!;
  const page = `/${worker.replace(/^app\//, "").replace(/\/?page$/, "")}`.replace("[id]", String(canaries.draftId)).replace("[slug]", OWN);
  return { id: entry.id, page: page === "/" ? "/" : page };
}

/** Who calls: sign-in and sign-out as a visitor, everything else as the most privileged role it allows. */
function caller(action: ActionRoute): APIRequestContext {
  if (action.access.anonymous === "allowed") return anonymous;
  return action.access.staff === "allowed" ? staff : admin;
}

function postAction(action: ActionRoute, origin: string, body: { data: string } | { multipart: FormData }) {
  const { id, page } = actionTarget(action);
  const headers: Record<string, string> = { "next-action": id, origin, accept: "text/x-component" };
  if ("data" in body) headers["content-type"] = "text/plain;charset=UTF-8";
  return caller(action).post(page, { headers, ...body });
}

/** The answer of an action: a 4xx, or a 200 whose result is a refusal (never "ok":true, never a 5xx). */
async function expectRefused(response: APIResponse, what: string) {
  await expectNoServerError(response, what);
  const body = await response.text();
  if (response.status() === 200) {
    expect.soft(body, `${what}: refused`).not.toMatch(/"ok":true|"step":"done"/);
    // A refusal says why, in words.
    if (/"ok":false|"step":"start"/.test(body)) expect.soft(body, `${what}: says why`).toMatch(/"message":"[^"]{10,}/);
  }
}

/** Wrong-typed and oversized variants of each field of the table's own arguments. */
function mutations(value: unknown, where = "argument"): [string, unknown][] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return [];
  const out: [string, unknown][] = [];
  for (const [key, inner] of Object.entries(value)) {
    const bad: [string, unknown][] = [
      ["1 MB of text", "x".repeat(MB)],
      ["a number", -1],
      ["null", null],
      ["an object", { nested: { deeper: [key] } }],
      ["an array of 100,000 items", Array.from({ length: 100_000 }, () => key)],
    ];
    for (const [label, replacement] of bad) {
      if (JSON.stringify(replacement) === JSON.stringify(inner)) continue;
      out.push([`${where}.${key} as ${label}`, { ...(value as object), [key]: replacement }]);
    }
    for (const [label, nested] of mutations(inner, `${where}.${key}`)) out.push([label, { ...(value as object), [key]: nested }]);
  }
  return out;
}

const deeplyNested = JSON.parse("[".repeat(2_000) + "]".repeat(2_000)) as unknown;

const GENERIC_ARGUMENTS: [string, unknown[]][] = [
  ["no arguments", []],
  ["null", [null]],
  ["a string", ["publish everything"]],
  ["a number", [42]],
  ["an array", [[1, 2, 3]]],
  ["an empty object", [{}]],
  ["wrong-typed fields", [{ id: "abc", version: -1.5, values: "x", action: 7, userId: {}, email: [], role: "GOD", step: "done" }]],
  ["a 10 MB string", ["s".repeat(10 * MB)]],
  ["a 2,000-deep array", [deeplyNested]],
];

const RAW_BODIES: [string, string][] = [
  ["a body that is not JSON", "{this is not json"],
  ["an empty body", ""],
  ["a reference to a part that is not there", '["$K9"]'],
];

for (const action of actionRoutes()) {
  test(`server action ${action.name}: malformed arguments`, async ({ baseURL }) => {
    test.setTimeout(180_000);
    const auditBefore = await ourAuditEntries();
    const tableArgs = action.args?.(canaries) ?? [];
    const cases: [string, unknown[]][] = [...GENERIC_ARGUMENTS];
    for (const [label, first] of mutations(tableArgs[0])) cases.push([label, [first, ...tableArgs.slice(1)]]);
    for (const [label, args] of cases) {
      await expectRefused(await postAction(action, baseURL!, { data: JSON.stringify(args) }), `${action.name} with ${label}`);
    }
    for (const [label, body] of RAW_BODIES) {
      await expectNoServerError(await postAction(action, baseURL!, { data: body }), `${action.name} with ${label}`);
    }

    // Form fields (the import and sign-in forms' names, and any other), wrong-typed and oversized,
    // sent as the client sends a FormData argument: part "0" holds the arguments, "_1_<name>" the fields.
    const previous = JSON.stringify(tableArgs[0] ?? {});
    const garbageFile = (name: string, size: number) => new File([Buffer.alloc(size, 0xa5)], name, { type: "application/octet-stream" });
    const forms: [string, Record<string, string | ReturnType<typeof garbageFile>>][] = [
      ["an empty form", {}],
      ["fields of the wrong kind", { kind: "everything", file: "not a file", duplicates: "maybe", payload: "!!!", fingerprint: "", fileName: "x".repeat(10_000), email: "not-an-address", password: "" }],
      ["oversized text fields", { kind: "file", payload: "A".repeat(10 * MB), fingerprint: "f".repeat(MB), email: `${"e".repeat(MB)}@example.org`, password: "p".repeat(MB), reportText: "r".repeat(3 * MB) }],
      ["a 10 MB file that is not a CSV or JSON", { kind: "file", file: garbageFile("huge.csv", 10 * MB) }],
      ["a 10 MB file that is not a PDF", { kind: "report", file: garbageFile("report.pdf", 10 * MB) }],
      ["a small binary file", { kind: "file", file: garbageFile("binary.json", 4_096) }],
    ];
    const refusals: string[] = [];
    for (const [label, fields] of forms) {
      // React reads the fields of a FormData argument when it reaches part "0", so "0" goes last, as the client sends it.
      const multipart = new FormData();
      for (const [name, value] of Object.entries(fields)) multipart.append(`_1_${name}`, value);
      multipart.append("0", `[${previous},"$K1"]`);
      const response = await postAction(action, baseURL!, { multipart });
      await expectRefused(response, `${action.name} with ${label}`);
      refusals.push((await response.text()).replace(/^0:.*\n/, ""));
    }
    // The fields reached the action: where an empty form is refused with a message, some other form is refused differently.
    if (/"(message|error)":"/.test(refusals[0]!) && (action.call === "form" || action.module.includes("/import/"))) {
      expect(new Set(refusals).size, `${action.name}: the form fields were read`).toBeGreaterThan(1);
    }

    // Nothing was written by any of it.
    const auditAfter = await ourAuditEntries();
    expect(auditAfter, `${action.name}: no audit entry`).toBe(auditBefore);
  });
}

test("the server still answers after all of it", async () => {
  expect((await anonymous.get("/")).status()).toBe(200);
  expect((await anonymous.get("/api/v1/standards")).status()).toBe(200);
  expect((await staff.get("/admin")).status()).toBe(200);
});
