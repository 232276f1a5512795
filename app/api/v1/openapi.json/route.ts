// GET /api/v1/openapi.json: the OpenAPI 3.1 description, generated from the zod schemas.
import { documentResponse, guarded, optionsResponse } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return guarded(async () => {
    return documentResponse(request, openApiDocument());
  });
}

export function OPTIONS(): Response {
  return optionsResponse();
}
