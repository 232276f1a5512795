// GET /api/v1/services: every service with its latest published inspection, paged.
import { toCsv } from "@/lib/api/csv";
import { servicesCsvTable } from "@/lib/api/csv-rows";
import { badRequest, csvResponse, guarded, jsonResponse, negotiate, optionsResponse, pagingHeaders } from "@/lib/api/http";
import { parseParameters, servicesParameters } from "@/lib/api/parameters";
import { paginationJson } from "@/lib/api/present";
import { apiServices } from "@/lib/queries/api";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return guarded(async () => {
    const url = new URL(request.url);
    const parsed = parseParameters(servicesParameters, url.searchParams);
    if (!parsed.ok) return badRequest(parsed.problems);
    const { page, pageSize, format, ...filters } = parsed.value;
    const result = await apiServices(filters, page, pageSize);
    const pagination = paginationJson(url.pathname, url.searchParams, page, pageSize, result.total);
    const headers = pagingHeaders(pagination);
    if (negotiate(request, format) === "csv") {
      const table = servicesCsvTable(result.items);
      return csvResponse(request, toCsv(table.header, table.rows), `services-page-${page}.csv`, headers);
    }
    return jsonResponse(request, { data: result.items, pagination }, headers);
  });
}

export function OPTIONS(): Response {
  return optionsResponse();
}
