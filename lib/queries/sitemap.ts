// The public pages a search engine may list. Only services and standards are
// named here; no figure of any inspection is read, so nothing unpublished can
// leak through the sitemap.
import { db as defaultDb, type Db } from "../db/client";

const FIXED = ["/", "/services", "/heatmap", "/standards", "/api", "/about/ratings", "/about/data", "/accessibility"];

export async function publicSitemapPaths(database: Db = defaultDb()): Promise<string[]> {
  const [services, standards] = await Promise.all([
    database.service.findMany({ select: { slug: true }, orderBy: { slug: "asc" } }),
    database.standard.findMany({ select: { code: true }, distinct: ["code"], orderBy: { code: "asc" } }),
  ]);
  return [...FIXED, ...services.map((s) => `/services/${s.slug}`), ...standards.map((s) => `/standards/${s.code}`)];
}
