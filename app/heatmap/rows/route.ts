// GET /heatmap/rows: every published inspection, packed (lib/queries/heatmap-packed.ts), for the
// heatmap to filter and sort in the browser when there are too many rows to send with the page.
// GET /heatmap/rows?inspection=<id>: that inspection's key-question figures (404 unless published).
import { heatmapFigures, heatmapPacked } from "@/lib/queries/heatmap";

export const dynamic = "force-dynamic";

function problem(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });

export async function GET(request: Request): Promise<Response> {
  const inspection = new URL(request.url).searchParams.get("inspection");
  if (inspection === null) return json(await heatmapPacked());
  if (!/^[1-9]\d{0,9}$/.test(inspection) || Number(inspection) > 2_147_483_647) {
    return problem(400, `The "inspection" parameter is "${inspection}", which is not an inspection id (a whole number from 1).`);
  }
  const figures = await heatmapFigures(Number(inspection));
  if (figures === null) return problem(404, `There is no published inspection ${inspection}.`);
  return json({ figures });
}
