// The shapes of the public API's JSON responses, as zod schemas registered
// under the names the OpenAPI description uses. The integration tests parse
// every response with them, so the description matches what is served.
import { z } from "zod";
import { RATINGS } from "../domain/rating";
import { ATTRIBUTION, LICENCE_NAME, LICENCE_URL } from "./licence";
import { NATIONS } from "./parameters";

export const apiRegistry = z.registry<{ id: string; description?: string }>();

function named<T extends z.ZodType>(id: string, description: string, schema: T): T {
  apiRegistry.add(schema, { id, description });
  return schema;
}

export const RatingSchema = named(
  "Rating",
  "A rating on the inspectorate's four-point scale: its enum value and its label. Null where not recorded.",
  z.strictObject({ value: z.enum(RATINGS), label: z.string() }),
);

export const PartialDateSchema = named(
  "PartialDate",
  "A date at the precision a source gives it: 2024-05-14 (DAY), 2024-05 (MONTH) or 2024 (YEAR). Null where not recorded.",
  z.strictObject({ date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/), precision: z.enum(["DAY", "MONTH", "YEAR"]) }),
);

export const MetaSchema = named(
  "Meta",
  "Licence and attribution, in every JSON response.",
  z.strictObject({
    attribution: z.literal(ATTRIBUTION),
    licence: z.strictObject({ name: z.literal(LICENCE_NAME), url: z.literal(LICENCE_URL) }),
    source: z.string(),
  }),
);

export const PaginationSchema = named(
  "Pagination",
  "Where this page lies in the whole list. Items are in a stable order, so pages do not overlap.",
  z.strictObject({
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    total: z.number().int().min(0),
    totalPages: z.number().int().min(1),
    next: z.string().nullable(),
    prev: z.string().nullable(),
  }),
);

export const FrameworkRefSchema = named(
  "FrameworkRef",
  "The framework an inspection was made under. Ratings of the 2025 programme are never pooled with the 2018/2021 standards.",
  z.strictObject({
    code: z.string(),
    name: z.string(),
    programme: z.enum(["STANDARDS_2018_2021", "PROGRAMME_2025"]),
    confirmed: z.boolean().describe("False where the sources do not confirm which framework applied."),
  }),
);

export const InspectionSummarySchema = named(
  "InspectionSummary",
  "An inspection's headline results.",
  z.strictObject({
    id: z.number().int(),
    kind: z.strictObject({ value: z.enum(["FULL", "REINSPECTION", "THEMATIC", "OTHER"]), label: z.string() }),
    framework: FrameworkRefSchema,
    fieldworkStart: PartialDateSchema.nullable(),
    publishedOn: PartialDateSchema.nullable(),
    overallRating: RatingSchema.nullable(),
    score: z.number().int().nullable().describe("Points of the counting standards; null where not recorded, never 0 for unknown."),
    scoreMax: z.number().int().nullable(),
    sourceUrls: z.array(z.string()),
  }),
);

export const StandardResultSchema = named(
  "StandardResult",
  "One standard of the inspection's framework and its rating (null where not recorded).",
  z.strictObject({
    code: z.string(),
    name: z.string(),
    domain: z.strictObject({ number: z.string(), name: z.string() }),
    countsTowardOverall: z.boolean(),
    rating: RatingSchema.nullable(),
  }),
);

export const KeyQuestionResultSchema = named(
  "KeyQuestionResult",
  "The percentage of inspected cases answered yes for one key question of a case-based standard.",
  z.strictObject({
    standardCode: z.string(),
    area: z.enum(["DESISTANCE", "SAFETY_OF_CHILD", "SAFETY_OF_OTHERS"]),
    areaLabel: z.string(),
    percentYes: z.number().int().min(0).max(100),
  }),
);

export const ServiceRefSchema = named(
  "ServiceRef",
  "The service an inspection belongs to.",
  z.strictObject({ slug: z.string(), name: z.string(), href: z.string() }),
);

export const InspectionSchema = named(
  "Inspection",
  "A published inspection with every standard of its framework and the key-question figures recorded.",
  InspectionSummarySchema.extend({
    service: ServiceRefSchema,
    serviceNameAtInspection: z.string(),
    standards: z.array(StandardResultSchema),
    keyQuestions: z.array(KeyQuestionResultSchema),
    notes: z.string().nullable(),
    discrepancyNote: z.string().nullable(),
  }),
);

export const LocalAuthoritySchema = named(
  "LocalAuthority",
  "A local authority a service covers, with its Welsh name where recorded.",
  z.strictObject({ name: z.string(), welshName: z.string().nullable() }),
);

export const ServiceSchema = named(
  "Service",
  "A youth justice service with its latest published inspection.",
  z.strictObject({
    slug: z.string(),
    name: z.string(),
    nation: z.enum(NATIONS),
    region: z.string().nullable(),
    current: z.boolean().describe("False for a former service, such as Western Bay."),
    localAuthorities: z.array(LocalAuthoritySchema),
    inspectionCount: z.number().int().min(0),
    latestInspection: InspectionSummarySchema.nullable(),
    href: z.string(),
    page: z.string().describe("The service's page on this site."),
  }),
);

export const ServiceDetailSchema = named(
  "ServiceDetail",
  "A service with every one of its published inspections, newest first.",
  ServiceSchema.extend({ sourceUrls: z.array(z.string()), inspections: z.array(InspectionSchema) }),
);

export const StandardSchema = named(
  "Standard",
  "A standard of a framework. Statements are this project's paraphrases; statementConfirmed says whether a source confirms the gist.",
  z.strictObject({
    framework: z.strictObject({ code: z.string(), name: z.string(), programme: z.string() }),
    code: z.string(),
    name: z.string(),
    domain: z.strictObject({ number: z.string(), name: z.string() }),
    countsTowardOverall: z.boolean(),
    caseBased: z.boolean(),
    statement: z.string().nullable(),
    statementConfirmed: z.boolean(),
    keyQuestions: z.array(z.strictObject({ area: z.string(), areaLabel: z.string(), text: z.string() })),
  }),
);

const list = <T extends z.ZodType>(id: string, description: string, item: T) =>
  named(id, description, z.strictObject({ data: z.array(item), pagination: PaginationSchema, meta: MetaSchema }));

export const ServiceListResponseSchema = list("ServiceList", "A page of services.", ServiceSchema);
export const InspectionListResponseSchema = list("InspectionList", "A page of published inspections.", InspectionSchema);
export const StandardListResponseSchema = named(
  "StandardList",
  "Every standard (of one framework, or of all).",
  z.strictObject({ data: z.array(StandardSchema), meta: MetaSchema }),
);
export const ServiceResponseSchema = named(
  "ServiceResponse",
  "One service.",
  z.strictObject({ data: ServiceDetailSchema, meta: MetaSchema }),
);

export const ErrorSchema = named(
  "Error",
  "What went wrong: for a bad request, each parameter at fault and what it expects.",
  z.strictObject({
    error: z.strictObject({
      status: z.number().int(),
      message: z.string(),
      parameters: z.array(z.strictObject({ name: z.string(), value: z.string().nullable(), expected: z.string() })),
    }),
    meta: MetaSchema,
  }),
);

export type Meta = z.infer<typeof MetaSchema>;
export type RatingJson = z.infer<typeof RatingSchema>;
export type PartialDateJson = z.infer<typeof PartialDateSchema>;
export type InspectionSummaryJson = z.infer<typeof InspectionSummarySchema>;
export type InspectionJson = z.infer<typeof InspectionSchema>;
export type ServiceJson = z.infer<typeof ServiceSchema>;
export type ServiceDetailJson = z.infer<typeof ServiceDetailSchema>;
export type StandardJson = z.infer<typeof StandardSchema>;
export type PaginationJson = z.infer<typeof PaginationSchema>;
export type ErrorJson = z.infer<typeof ErrorSchema>;
