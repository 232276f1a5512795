import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../db/seed";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { publicSitemapPaths } from "./sitemap";

describe("sitemap", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    await seed(test.db);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("lists every service page and standard page, and no back-office page", async () => {
    const paths = await publicSitemapPaths(test.db);
    expect(paths.filter((p) => p.startsWith("/services/"))).toHaveLength(156);
    expect(paths).toContain("/services/wiltshire");
    expect(paths).toContain("/standards/3.1");
    expect(paths).toContain("/standards/4.1");
    expect(paths.some((p) => p.startsWith("/admin") || p.startsWith("/sign-in"))).toBe(false);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
