// The OpenAPI 3.1 description of the public API, generated from the zod
// schemas that validate the parameters (lib/api/parameters.ts) and describe the
// responses (lib/api/schemas.ts).
import { z } from "zod";
import { ATTRIBUTION, LICENCE_NAME, LICENCE_URL } from "./licence";
import {
  inspectionsParameters,
  MAX_PAGE_SIZE,
  serviceParameters,
  servicesParameters,
  standardsParameters,
} from "./parameters";
import { apiRegistry } from "./schemas";

type JsonObject = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function clean(schema: JsonObject): JsonObject {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** OpenAPI parameter objects for a strict object schema of query parameters. */
export function queryParameters(schema: z.ZodObject): JsonObject[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const json = clean(z.toJSONSchema(field, { io: "input" }) as JsonObject);
    const { description, examples, ...rest } = json as { description?: string; examples?: unknown[] } & JsonObject;
    return {
      name,
      in: "query",
      required: false,
      description,
      schema: rest,
      ...(examples?.length ? { example: examples[0] } : {}),
    };
  });
}

const headers = {
  ETag: { description: "A tag of this exact body. Send it back in If-None-Match to get 304 Not Modified when nothing changed.", schema: { type: "string" } },
  "Cache-Control": { description: "How long the response may be cached.", schema: { type: "string" } },
  "X-Attribution": { description: ATTRIBUTION, schema: { type: "string" } },
  Link: { description: `rel="license" (${LICENCE_URL}); on lists, also rel="next" and rel="prev".`, schema: { type: "string" } },
};
const listHeaders = { ...headers, "X-Total-Count": { description: "How many items match, on every page.", schema: { type: "integer" } } };

function ok(schemaId: string, description: string, csv: string | null, paged: boolean): JsonObject {
  return {
    description,
    headers: paged ? listHeaders : headers,
    content: {
      "application/json": { schema: ref(schemaId) },
      ...(csv ? { "text/csv": { schema: { type: "string" }, example: csv } } : {}),
    },
  };
}

const errors = (extra: Record<string, string> = {}) => ({
  "304": { description: "Not modified: the ETag in If-None-Match is still current.", headers },
  "400": {
    description: `Bad request: an unknown parameter, an unknown value, a malformed date or a page size above ${MAX_PAGE_SIZE}. The body names each parameter and what it expects.`,
    content: { "application/json": { schema: ref("Error") } },
  },
  ...Object.fromEntries(
    Object.entries(extra).map(([status, description]) => [status, { description, content: { "application/json": { schema: ref("Error") } } }]),
  ),
  "500": { description: "A fault on our side.", content: { "application/json": { schema: ref("Error") } } },
});

const options = (summary: string) => ({
  summary,
  description: "CORS preflight: every GET endpoint may be called from any origin.",
  responses: { "204": { description: "Allowed methods and headers." } },
});

/** The whole description, as served at /api/v1/openapi.json. */
export function openApiDocument(): JsonObject {
  const generated = z.toJSONSchema(apiRegistry, { uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, JsonObject> };
  const schemas = Object.fromEntries(Object.entries(generated.schemas).map(([id, s]) => [id, clean(s)]));
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Youth justice inspection outcomes: public data API",
      version: "1.0.0",
      summary: "HM Inspectorate of Probation's published ratings of youth justice services in England and Wales.",
      description:
        "Read-only, open to any origin, no key needed. Only published inspections are ever served. " +
        "Every rating comes as its enum value and its label; every date at the precision its source gives " +
        "(2024-05 stays a month); a value that is not recorded is null with the field present, never 0. " +
        "Responses are JSON by default, or CSV with Accept: text/csv or ?format=csv. " +
        `${ATTRIBUTION}.`,
      license: { name: LICENCE_NAME, url: LICENCE_URL },
      "x-attribution": ATTRIBUTION,
    },
    servers: [{ url: "/", description: "This site" }],
    tags: [{ name: "services" }, { name: "inspections" }, { name: "standards" }],
    paths: {
      "/api/v1/services": {
        get: {
          tags: ["services"],
          operationId: "listServices",
          summary: "Every service with its latest published inspection",
          description: "In name order (slug breaks ties), so pages never overlap.",
          parameters: queryParameters(servicesParameters),
          responses: {
            "200": ok("ServiceList", "A page of services.", "slug,name,nation,region,current,local_authorities,...", true),
            ...errors(),
          },
        },
        options: options("CORS preflight"),
      },
      "/api/v1/services/{slug}": {
        get: {
          tags: ["services"],
          operationId: "getService",
          summary: "One service with every published inspection",
          description: "The CSV form has one row per inspection.",
          parameters: [
            { name: "slug", in: "path", required: true, description: "The service's slug, as listed by /api/v1/services.", schema: { type: "string" }, example: "wiltshire" },
            ...queryParameters(serviceParameters),
          ],
          responses: {
            "200": ok("ServiceResponse", "The service.", "service_slug,service_name,...", false),
            ...errors({ "404": "No service has this slug." }),
          },
        },
        options: options("CORS preflight"),
      },
      "/api/v1/inspections": {
        get: {
          tags: ["inspections"],
          operationId: "listInspections",
          summary: "Published inspections, newest first",
          description:
            "Ordered by publication date, then fieldwork date (undated last), then id, all descending: a stable order for paging. " +
            "Each inspection lists every standard of its framework, with null for a rating not recorded.",
          parameters: queryParameters(inspectionsParameters),
          responses: {
            "200": ok("InspectionList", "A page of inspections.", "service_slug,service_name,service_name_at_inspection,id,...", true),
            ...errors(),
          },
        },
        options: options("CORS preflight"),
      },
      "/api/v1/standards": {
        get: {
          tags: ["standards"],
          operationId: "listStandards",
          summary: "The standards of each framework",
          parameters: queryParameters(standardsParameters),
          responses: {
            "200": ok("StandardList", "Every standard.", "framework_code,code,name,...", false),
            ...errors(),
          },
        },
        options: options("CORS preflight"),
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "openApi",
          summary: "This description",
          responses: { "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: { schemas },
  };
}
