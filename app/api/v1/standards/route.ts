// GET /api/v1/standards: the standards of every framework (or of one).
import { toCsv } from "@/lib/api/csv";
import { standardsCsvTable } from "@/lib/api/csv-rows";
import { badRequest, csvResponse, guarded, jsonResponse, negotiate, optionsResponse } from "@/lib/api/http";
import { parseParameters, standardsParameters } from "@/lib/api/parameters";
import { apiStandards } from "@/lib/queries/api";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return guarded(async () => {
    const parsed = parseParameters(standardsParameters, new URL(request.url).searchParams);
    if (!parsed.ok) return badRequest(parsed.problems);
    const standards = await apiStandards(parsed.value.framework);
    if (negotiate(request, parsed.value.format) === "csv") {
      const table = standardsCsvTable(standards);
      return csvResponse(request, toCsv(table.header, table.rows), "standards.csv");
    }
    return jsonResponse(request, { data: standards });
  });
}

export function OPTIONS(): Response {
  return optionsResponse();
}
