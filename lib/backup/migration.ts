import type { ClientBase } from "pg";

/** The name of the last migration applied to the database, or null when none. */
export async function latestMigration(client: ClientBase): Promise<string | null> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists.rows[0]?.t) return null;
  const result = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
      ORDER BY migration_name DESC LIMIT 1`,
  );
  return result.rows[0]?.migration_name ?? null;
}
