// The embargo-leak test: a draft and an embargoed inspection for a real service,
// with figures found nowhere else, must not appear in anything public (every
// public row of the route table, every same-origin link reached from them, the
// sitemap and robots.txt when there are any, CSV and XLSX downloads included),
// neither anonymously nor for another service's board. Once the embargo time
// has passed, the embargoed one appears; the draft never does.
import ExcelJS from "exceljs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { publicRoutes } from "../lib/auth/route-table";
import { createUserWithCli, e2eDatabaseUrl, insertCanaries, passEmbargo, type Canaries } from "../lib/auth/security-fixtures";

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

const OWN = "wiltshire";
const OTHER = "swindon";
const CRAWL_LIMIT = 3000;

let url: string;
let canaries: Canaries;
let anonymous: APIRequestContext;
let otherBoard: APIRequestContext;
let ownBoard: APIRequestContext;

/** The text of a response, with a spreadsheet's cells read out. */
async function textOf(body: Buffer, contentType: string): Promise<string> {
  const isXlsx = contentType.includes("spreadsheetml") || (body[0] === 0x50 && body[1] === 0x4b);
  if (!isXlsx) return body.toString("utf8");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  return cells.join("\n");
}

function linksIn(text: string, from: string, origin: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:href|src)="([^"#]+)|<loc>([^<]+)<\/loc>|^Sitemap:\s*(\S+)/gim)) {
    const raw = (m[1] ?? m[2] ?? m[3] ?? "").replace(/&amp;/g, "&");
    let target: URL;
    try {
      target = new URL(raw, from);
    } catch {
      continue;
    }
    if (target.origin !== origin) continue;
    if (/^\/(_next|admin|api\/auth)(\/|$)/.test(target.pathname)) continue;
    out.push(target.pathname + target.search);
  }
  return out;
}

/** Fetches every public address reachable from the route table's public rows; returns address → text. */
async function crawl(context: APIRequestContext, baseURL: string): Promise<Map<string, string>> {
  const origin = new URL(baseURL).origin;
  const queue = [...new Set([...publicRoutes().map((r) => r.path(canaries)), "/sitemap.xml", "/robots.txt"])];
  const seen = new Set(queue);
  const pages = new Map<string, string>();
  while (queue.length > 0 && pages.size < CRAWL_LIMIT) {
    const path = queue.shift()!;
    const response = await context.get(path, { maxRedirects: 5 });
    if (response.status() === 404 && (path === "/sitemap.xml" || path === "/robots.txt")) continue;
    const text = await textOf(await response.body(), response.headers()["content-type"] ?? "");
    pages.set(path, text);
    for (const link of linksIn(text, new URL(path, baseURL).toString(), origin)) {
      if (!seen.has(link)) {
        seen.add(link);
        queue.push(link);
      }
    }
  }
  expect(pages.size, "the crawl stopped at its limit: raise CRAWL_LIMIT").toBeLessThan(CRAWL_LIMIT);
  return pages;
}

function leaks(pages: Map<string, string>, secrets: string[]): string[] {
  const found: string[] = [];
  for (const [path, text] of pages) for (const s of secrets) if (text.includes(s)) found.push(`${path} contains "${s}"`);
  return found;
}

test.beforeAll(async ({ playwright, baseURL }) => {
  test.setTimeout(240_000); // users are made with the real command, one process each
  url = e2eDatabaseUrl();
  const other = createUserWithCli(url, "board-other-embargo@example.org", "board", [OTHER]);
  const own = createUserWithCli(url, "board-own-embargo@example.org", "board", [OWN]);
  canaries = await insertCanaries(url, OWN, OTHER);
  anonymous = await playwright.request.newContext({ baseURL });
  otherBoard = await playwright.request.newContext({ baseURL });
  ownBoard = await playwright.request.newContext({ baseURL });
  for (const [context, user] of [[otherBoard, other], [ownBoard, own]] as const) {
    const r = await context.post("/api/auth/sign-in/email", { data: user, headers: { origin: baseURL! } });
    expect(r.status()).toBe(200);
  }
});

test.afterAll(async () => {
  await anonymous?.dispose();
  await otherBoard?.dispose();
  await ownBoard?.dispose();
});

test("nothing public shows a draft or an embargoed inspection, anonymously or to another service's board", async ({ baseURL }) => {
  for (const [who, context] of [["anonymous", anonymous], ["another service's board", otherBoard]] as const) {
    const pages = await crawl(context, baseURL!);
    // The crawl reached every service page, so it covers what the site links to.
    expect(pages.has(`/services/${OWN}`)).toBe(true);
    expect([...pages.keys()].filter((p) => p.startsWith("/services/")).length, `service pages crawled as ${who}`).toBeGreaterThan(150);
    expect(leaks(pages, [...canaries.draftSecrets, ...canaries.embargoSecrets]), `leaks as ${who}`).toEqual([]);
  }
});

test("the service's own board reads the embargoed inspection in the back office, but not the draft", async () => {
  const embargoed = await ownBoard.get(`/admin/inspections/${canaries.embargoedId}`);
  expect(embargoed.status()).toBe(200);
  expect(await embargoed.text()).toContain(canaries.embargoSecrets[0]);
  expect((await ownBoard.get(`/admin/inspections/${canaries.draftId}`)).status()).toBe(404);
  expect((await otherBoard.get(`/admin/inspections/${canaries.embargoedId}`)).status()).toBe(404);
});

test("once the embargo time passes it is public with no one acting; the draft still is not", async ({ baseURL }) => {
  await passEmbargo(url, canaries.embargoedId);
  // Stored public pages are dropped within about a second of a change (docs/PERFORMANCE.md "Public page cache").
  await expect.poll(async () => (await anonymous.get(`/services/${OWN}`)).text(), { timeout: 5_000 }).toContain(canaries.embargoPublicDate);
  const pages = await crawl(anonymous, baseURL!);
  expect(leaks(pages, canaries.embargoSecrets).length).toBeGreaterThan(0);
  expect(leaks(pages, canaries.draftSecrets)).toEqual([]);
});
