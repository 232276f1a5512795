import type { MetadataRoute } from "next";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/sign-in", "/api/auth"] }],
    sitemap: "/sitemap.xml",
  };
}
