// GET /api/v1/openapi.json: the OpenAPI 3.1 description, generated from the zod schemas.
import { badRequest, documentResponse, guarded, optionsResponse } from "@/lib/api/http";
import { noParameters, parseParameters } from "@/lib/api/parameters";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return guarded(async () => {
    const parsed = parseParameters(noParameters, new URL(request.url).searchParams);
    if (!parsed.ok) return badRequest(parsed.problems);
    return documentResponse(request, openApiDocument());
  });
}

export function OPTIONS(): Response {
  return optionsResponse();
}
