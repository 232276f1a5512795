// GET /api/v1/services/{slug}: one service with every published inspection.
import { toCsv } from "@/lib/api/csv";
import { inspectionsCsvTable } from "@/lib/api/csv-rows";
import { badRequest, csvResponse, errorResponse, guarded, jsonResponse, negotiate, optionsResponse } from "@/lib/api/http";
import { param, parseParameters, serviceParameters } from "@/lib/api/parameters";
import { apiService } from "@/lib/queries/api";

export const dynamic = "force-dynamic";

export function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  return guarded(async () => {
    const url = new URL(request.url);
    const parsed = parseParameters(serviceParameters, url.searchParams);
    if (!parsed.ok) return badRequest(parsed.problems);
    const { slug } = await context.params;
    // A slug is lower-case words joined by hyphens: anything else (a NUL byte, 5,000 characters) names no service.
    const service = param.service.max(100).safeParse(slug).success ? await apiService(slug) : null;
    if (!service) {
      const named = slug.length > 100 ? `${slug.slice(0, 100)}…` : slug;
      return errorResponse(404, `There is no service "${named}". GET /api/v1/services lists every service with its slug.`);
    }
    if (negotiate(request, parsed.value.format) === "csv") {
      const table = inspectionsCsvTable(service.inspections);
      return csvResponse(request, toCsv(table.header, table.rows), `${service.slug}-inspections.csv`);
    }
    return jsonResponse(request, { data: service });
  });
}

export function OPTIONS(): Response {
  return optionsResponse();
}
