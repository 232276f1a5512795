// The scorecard's downloads as HTTP responses: the same read model as the page,
// so the same visibility rule (public: published inspections only).
import { PUBLIC_VIEWER } from "@/lib/auth/visibility";
import type { Db } from "@/lib/db/client";
import { serviceScorecard } from "@/lib/queries/scorecard";
import {
  DOWNLOAD_TABLES,
  isDownloadTable,
  scorecardCsv,
  scorecardJson,
  type DownloadTable,
} from "@/lib/queries/scorecard-csv";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function problem(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

function notFoundMessage(slug: string): Response {
  const named = slug.length > 100 ? `${slug.slice(0, 100)}…` : slug;
  return problem(404, `There is no youth justice service "${named}". The list of services is at /services.`);
}

const headers = (type: string, filename: string) => ({
  "content-type": type,
  "content-disposition": `attachment; filename="${filename}"`,
  "cache-control": "no-store",
});

export async function csvDownload(slug: string, tableParam: string | null, database?: Db): Promise<Response> {
  const table: DownloadTable | null = tableParam === null ? "inspections" : isDownloadTable(tableParam) ? tableParam : null;
  if (table === null) {
    return problem(
      400,
      `The "table" parameter is "${tableParam}", which is not a table of the scorecard. Use one of: ${DOWNLOAD_TABLES.join(", ")}.`,
    );
  }
  if (!SLUG.test(slug)) return notFoundMessage(slug);
  const card = await serviceScorecard(slug, PUBLIC_VIEWER, database);
  if (!card) return notFoundMessage(slug);
  return new Response(scorecardCsv(card, table), { headers: headers("text/csv; charset=utf-8", `${slug}-${table}.csv`) });
}

export async function jsonDownload(slug: string, database?: Db): Promise<Response> {
  if (!SLUG.test(slug)) return notFoundMessage(slug);
  const card = await serviceScorecard(slug, PUBLIC_VIEWER, database);
  if (!card) return notFoundMessage(slug);
  return new Response(`${JSON.stringify(scorecardJson(card), null, 2)}\n`, {
    headers: headers("application/json; charset=utf-8", `${slug}-scorecard.json`),
  });
}
