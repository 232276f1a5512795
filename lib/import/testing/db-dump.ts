// A dump of every table of a database, for tests that must show an import left
// it exactly as it was: each table's rows as JSON, sorted.
import pg from "pg";

export async function dumpDatabase(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
    );
    const dump: Record<string, string[]> = {};
    for (const { table_name } of tables.rows) {
      const rows = await client.query<{ row: unknown }>(`select to_jsonb(t) as row from "${table_name.replace(/"/g, '""')}" t`);
      dump[table_name] = rows.rows.map((r) => JSON.stringify(r.row)).sort();
    }
    return dump;
  } finally {
    await client.end();
  }
}
