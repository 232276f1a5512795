// GET /api/v1/inspections: published inspections, newest first, filtered and paged.
import { toCsv } from "@/lib/api/csv";
import { inspectionsCsvTable } from "@/lib/api/csv-rows";
import { badRequest, csvResponse, guarded, jsonResponse, negotiate, optionsResponse, pagingHeaders } from "@/lib/api/http";
import { inspectionsParameters, parseParameters } from "@/lib/api/parameters";
import { paginationJson } from "@/lib/api/present";
import { apiInspections } from "@/lib/queries/api";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return guarded(async () => {
    const url = new URL(request.url);
    const parsed = parseParameters(inspectionsParameters, url.searchParams);
    if (!parsed.ok) return badRequest(parsed.problems);
    const { page, pageSize, format, ...filters } = parsed.value;
    if (filters.publishedFrom && filters.publishedTo && filters.publishedFrom.from >= filters.publishedTo.to) {
      return badRequest([
        { name: "publishedTo", value: filters.publishedTo.text, expected: `a date on or after publishedFrom (${filters.publishedFrom.text})` },
      ]);
    }
    // One statement answers the page, its total and whether the `service` filter names a service.
    const result = await apiInspections(filters, page, pageSize);
    if (!result.serviceKnown) {
      return badRequest([
        { name: "service", value: filters.service ?? "", expected: "the slug of a service listed by /api/v1/services" },
      ]);
    }
    const pagination = paginationJson(url.pathname, url.searchParams, page, pageSize, result.total);
    const headers = pagingHeaders(pagination);
    if (negotiate(request, format) === "csv") {
      const table = inspectionsCsvTable(result.items);
      return csvResponse(request, toCsv(table.header, table.rows), `inspections-page-${page}.csv`, headers);
    }
    return jsonResponse(request, { data: result.items, pagination }, headers);
  });
}

export function OPTIONS(): Response {
  return optionsResponse();
}
