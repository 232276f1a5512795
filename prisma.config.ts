import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate` here; migrations are applied by
// lib/db/migrate.ts (see docs/OPERATIONS.md). DATABASE_URL is optional.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
