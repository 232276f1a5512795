// Requests Next.js cannot even start to handle are refused by proxy.ts before
// they get there, with a 4xx that says what is wrong, instead of an error
// thrown inside the framework (a 500):
// - an address with a malformed %-escape in its path (Next decodes route
//   parameters and throws) or a NUL byte anywhere (PostgreSQL refuses it);
// - a POST to a static file (public/…);
// - multipart form data with no boundary (Next parses any multipart POST to a
//   page as a possible form action);
// - a server action call whose arguments are not JSON, or are larger than
//   anything this site's own forms send (React's decoder throws on them).
import { isSafeMethod } from "../auth/origin";

/** Server action arguments from this site's pages are small objects: these bounds are far above them. */
export const MAX_ACTION_ARRAY_ITEMS = 10_000;
export const MAX_ACTION_NESTING = 64;

export type Refusal = { status: 400 | 405; message: string; allow?: string };

function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** Counts array items and nesting of parsed JSON, stopping as soon as a bound is passed. */
function tooLarge(value: unknown): string | null {
  let items = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth > MAX_ACTION_NESTING) return `nested more than ${MAX_ACTION_NESTING} levels deep`;
    const children = Array.isArray(current) ? current : Object.values(current);
    if (Array.isArray(current)) items += current.length;
    if (items > MAX_ACTION_ARRAY_ITEMS) return `more than ${MAX_ACTION_ARRAY_ITEMS.toLocaleString("en-GB")} list items in all`;
    for (const child of children) stack.push([child, depth + 1]);
  }
  return null;
}

/** What is wrong with the request, if Next.js could not handle it; null when it can go on. */
export async function malformedRequest(request: Request): Promise<Refusal | null> {
  const url = new URL(request.url);
  if (/%00/.test(url.pathname + url.search)) {
    return { status: 400, message: "The address contains a NUL character (%00), which no address of this site has." };
  }
  if (malformedPath(url.pathname)) {
    return { status: 400, message: "The address has a malformed %-escape in its path (not valid UTF-8)." };
  }
  if (isSafeMethod(request.method)) return null;

  // A file name ends in a letter-led extension (/standards/3.1 is a page); server actions are posted to pages.
  if (!url.pathname.startsWith("/api/") && !request.headers.has("next-action") && /\/[^/]+\.[A-Za-z][A-Za-z0-9]*$/.test(url.pathname)) {
    return { status: 405, message: `${url.pathname} is a file to download: only GET and HEAD are allowed.`, allow: "GET, HEAD" };
  }
  const type = request.headers.get("content-type") ?? "";
  const multipart = /^\s*multipart\/form-data/i.test(type);
  if (multipart && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(type)) {
    return { status: 400, message: "The Content-Type is multipart/form-data with no boundary, so the body cannot be read. Send the form as a browser does." };
  }
  if (request.headers.has("next-action") && !multipart) {
    const body = await request.text();
    let args: unknown;
    try {
      args = JSON.parse(body);
    } catch {
      return { status: 400, message: "The server action's arguments are not JSON, so they were not read. Use the site's own forms." };
    }
    if (!Array.isArray(args)) return { status: 400, message: "The server action's arguments must be a JSON list." };
    const large = tooLarge(args);
    if (large) return { status: 400, message: `The server action's arguments are ${large}: larger than any form of this site sends.` };
  }
  return null;
}
