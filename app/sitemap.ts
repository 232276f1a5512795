import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { publicSitemapPaths } from "@/lib/queries/sitemap";

export const dynamic = "force-dynamic";

// Public pages only: no admin page, and nothing that depends on an
// unpublished inspection (the paths are services and standards, not results).
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const host = (await headers()).get("host") ?? "localhost";
  const origin = `${process.env.PUBLIC_ORIGIN ?? `http://${host}`}`;
  const paths = await publicSitemapPaths();
  return paths.map((path) => ({ url: `${origin}${path}` }));
}
