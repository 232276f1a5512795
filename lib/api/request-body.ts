// A request body Next.js cannot even start to read is refused before it gets
// there: Next parses a multipart POST to any page as a possible form action,
// and one with no boundary throws inside the framework (a 500).
import { isSafeMethod } from "../auth/origin";

/** A 400 for a body that cannot be parsed whatever the route, or null. */
export function unreadableBodyRefusal(method: string, headers: Headers): Response | null {
  if (isSafeMethod(method)) return null;
  const type = headers.get("content-type") ?? "";
  if (/^\s*multipart\/form-data/i.test(type) && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(type)) {
    return Response.json(
      { error: "Bad request: the Content-Type is multipart/form-data with no boundary, so the body cannot be read. Send the form as a browser does." },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  }
  return null;
}
