// GET /api/explorer/download?format=csv|xlsx&<the explorer's own parameters>:
// exactly the rows and columns the services explorer shows for those
// parameters (the same page, sort and chosen standard columns), as CSV or Excel.
import { columnsInView } from "@/components/explorer/columns";
import { toCsv } from "@/lib/api/csv";
import { EXPLORER_PARAMETER_NAMES, readExplorerParams } from "@/lib/api/explorer-parameters";
import { explorerHref } from "@/lib/api/explorer-url";
import { badRequest, guarded } from "@/lib/api/http";
import { ATTRIBUTION, LICENCE_URL } from "@/lib/api/licence";
import { toXlsx } from "@/lib/api/xlsx";
import { explorerPage } from "@/lib/queries/explorer";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return guarded(async () => {
    const search = new URL(request.url).searchParams;
    const formats = search.getAll("format");
    const format = formats[0] ?? "csv";
    if (formats.length > 1 || (format !== "csv" && format !== "xlsx")) {
      return badRequest([{ name: "format", value: formats.join(","), expected: "csv or xlsx, once" }]);
    }
    search.delete("format");
    const unknown = [...new Set(search.keys())].filter((name) => !EXPLORER_PARAMETER_NAMES.includes(name));
    if (unknown.length > 0) {
      return badRequest(unknown.map((name) => ({ name, value: search.get(name), expected: `no such parameter; this download takes format, ${EXPLORER_PARAMETER_NAMES.join(", ")}` })));
    }
    const { state, query, problems } = readExplorerParams(search);
    if (problems.length > 0) return badRequest(problems);
    const page = await explorerPage(query);
    const columns = columnsInView(state.cols);
    const header = columns.map((c) => c.header);
    const rows = page.rows.map((row) => columns.map((c) => c.text(row)));
    const first = page.rows.length ? (page.page - 1) * page.pageSize + 1 : 0;
    const headers = new Headers({
      "Cache-Control": "no-store",
      "X-Attribution": ATTRIBUTION,
      Link: `<${LICENCE_URL}>; rel="license"`,
    });
    if (format === "csv") {
      headers.set("Content-Type", "text/csv; charset=utf-8; header=present");
      headers.set("Content-Disposition", `attachment; filename="youth-justice-services-page-${page.page}.csv"`);
      return new Response(toCsv(header, rows, { bom: true }), { headers });
    }
    const workbook = await toXlsx({
      sheetName: "Services",
      header,
      rows,
      about: [
        ["What this is", page.rows.length ? `Rows ${first} to ${first + page.rows.length - 1} of ${page.total} youth justice services, as shown in the services explorer.` : `No rows: the page asked for lies past the ${page.total} matching services.`],
        ["Explorer view", explorerHref(state)],
        ["Ratings", "Each service's latest published inspection. An empty cell means not recorded, never a zero."],
        ["Domain points", "Points of the standards recorded in each domain (Outstanding 3, Good 2, Requires improvement 1, Inadequate 0), out of 3 for each recorded standard."],
      ],
    });
    headers.set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    headers.set("Content-Disposition", `attachment; filename="youth-justice-services-page-${page.page}.xlsx"`);
    return new Response(workbook, { headers });
  });
}
