// A plain-text description of a database's tables, columns, enums, keys and
// indexes, used to compare the database the migrations build with the one
// schema.prisma describes (the drift test).
import pg from "pg";

const queries: Record<string, string> = {
  columns: `select table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, '') as def
            from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'
            order by 1, 2`,
  enums: `select t.typname, string_agg(e.enumlabel, ',' order by e.enumsortorder)
          from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
          where n.nspname = 'public' group by 1 order by 1`,
  indexes: `select tablename, indexname, indexdef from pg_indexes where schemaname = 'public'
            and tablename <> '_prisma_migrations' order by 1, 2`,
  constraints: `select conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid)
                from pg_constraint where connamespace = 'public'::regnamespace and contype in ('p', 'f', 'u')
                and conrelid::regclass::text <> '_prisma_migrations' order by 1, 2`,
};

export async function describeCatalog(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const parts: string[] = [];
    for (const [name, sql] of Object.entries(queries)) {
      const result = await client.query({ text: sql, rowMode: "array" });
      parts.push(`## ${name}`, ...result.rows.map((row: unknown[]) => row.join(" | ")));
    }
    return parts.join("\n");
  } finally {
    await client.end();
  }
}
