// Whether a request's If-None-Match names the current ETag (or "*"); a weak
// validator W/"…" matches its strong form, as a GET may compare them weakly.
// Shared by the API's own 304s and the page cache's answers for stored JSON.
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}
