// Read models of the public data API (/api/v1). Every read of inspections
// applies the public visibility rule: drafts and inspections still under
// embargo never appear. Each function takes a fixed number of round trips,
// whatever the size of the data.
import { PUBLIC_VIEWER, visibleInspectionWhere } from "../auth/visibility";
import { db as defaultDb, type Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { keyQuestionAreaLabel } from "../domain/frameworks";
import {
  inspectionJson,
  serviceJson,
  type InspectionSource,
} from "../api/present";
import type { DateBound } from "../api/parameters";
import type { InspectionJson, ServiceDetailJson, ServiceJson, StandardJson } from "../api/schemas";
import { explorerPage, type ExplorerFilters, type RatingFilter } from "./explorer";
import { latestOf } from "./service-list";

export type ListResult<T> = { items: T[]; total: number };

/** A page of services in name order (slug breaks ties), with their latest published inspection. */
export async function apiServices(
  filters: ExplorerFilters,
  page: number,
  pageSize: number,
  database: Db = defaultDb(),
): Promise<ListResult<ServiceJson>> {
  const result = await explorerPage({ filters, sort: { key: "name", direction: "asc" }, page, pageSize }, database);
  return { items: result.rows.map(serviceJson), total: result.total };
}

const inspectionInclude = {
  service: { select: { slug: true, name: true } },
  framework: {
    include: { standards: { include: { domain: true }, orderBy: { ordinal: "asc" } } },
  },
  standardRatings: { select: { standardId: true, rating: true } },
  keyQuestionResults: {
    select: { percentYes: true, keyQuestion: { select: { area: true, standard: { select: { code: true } } } } },
  },
} satisfies Prisma.InspectionInclude;

type InspectionRow = Prisma.InspectionGetPayload<{ include: typeof inspectionInclude }>;

function inspectionSource(i: InspectionRow): InspectionSource {
  return {
    id: i.id,
    kind: i.kind,
    frameworkCode: i.framework.code,
    frameworkName: i.framework.name,
    programme: i.framework.programme,
    frameworkConfirmed: i.frameworkConfirmed,
    overallRating: i.overallRating,
    score: i.score,
    scoreMax: i.scoreMax,
    publishedOn: i.publishedOn,
    publishedOnPrecision: i.publishedOnPrecision,
    fieldworkStart: i.fieldworkStart,
    fieldworkStartPrecision: i.fieldworkStartPrecision,
    sourceUrls: i.sourceUrls,
    service: i.service,
    serviceNameAtInspection: i.serviceNameAtInspection,
    notes: i.notes,
    discrepancyNote: i.discrepancyNote,
    frameworkStandards: i.framework.standards,
    ratings: i.standardRatings,
    keyQuestions: i.keyQuestionResults.map((k) => ({
      standardCode: k.keyQuestion.standard.code,
      area: k.keyQuestion.area,
      percentYes: k.percentYes,
    })),
  };
}

/** Newest first: publication date, then fieldwork date (undated last), then record id. */
const inspectionOrder: Prisma.InspectionOrderByWithRelationInput[] = [
  { publishedOn: { sort: "desc", nulls: "last" } },
  { fieldworkStart: { sort: "desc", nulls: "last" } },
  { id: "desc" },
];

/** One service with all its published inspections; null for an unknown slug. */
export async function apiService(slug: string, database: Db = defaultDb()): Promise<ServiceDetailJson | null> {
  const service = await database.service.findUnique({
    where: { slug },
    include: {
      localAuthorities: { include: { localAuthority: true } },
      inspections: { where: visibleInspectionWhere(PUBLIC_VIEWER), include: inspectionInclude, orderBy: inspectionOrder },
    },
  });
  if (!service) return null;
  const sources = service.inspections.map(inspectionSource);
  const latest = latestOf(sources.map((source, index) => ({ ...source, frameworkInUseFrom: service.inspections[index]!.framework.inUseFrom })));
  return {
    ...serviceJson({
      slug: service.slug,
      name: service.name,
      nation: service.nation,
      region: service.region,
      current: service.current,
      localAuthorities: service.localAuthorities
        .map((l) => ({ name: l.localAuthority.name, welshName: l.localAuthority.welshName }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      inspectionCount: sources.length,
      latest,
    }),
    sourceUrls: service.sourceUrls,
    inspections: sources.map(inspectionJson),
  };
}

export type InspectionFilters = {
  service?: string;
  nation?: "ENGLAND" | "WALES";
  region?: string;
  framework?: string;
  rating?: RatingFilter;
  publishedFrom?: DateBound;
  publishedTo?: DateBound;
};

/** Whether a service with this slug exists (to tell an unknown `service` filter from an empty result). */
export async function serviceExists(slug: string, database: Db = defaultDb()): Promise<boolean> {
  return (await database.service.count({ where: { slug } })) > 0;
}

/** A page of published inspections, newest first. */
export async function apiInspections(
  filters: InspectionFilters,
  page: number,
  pageSize: number,
  database: Db = defaultDb(),
): Promise<ListResult<InspectionJson>> {
  const and: Prisma.InspectionWhereInput[] = [visibleInspectionWhere(PUBLIC_VIEWER)];
  if (filters.service) and.push({ service: { slug: filters.service } });
  if (filters.nation) and.push({ service: { nation: filters.nation } });
  if (filters.region) and.push({ service: { region: filters.region } });
  if (filters.framework) and.push({ framework: { code: filters.framework } });
  if (filters.rating === "NOT_RECORDED") and.push({ overallRating: null });
  else if (filters.rating) and.push({ overallRating: filters.rating });
  if (filters.publishedFrom) and.push({ publishedOn: { gte: filters.publishedFrom.from } });
  if (filters.publishedTo) and.push({ publishedOn: { lt: filters.publishedTo.to } });
  const where: Prisma.InspectionWhereInput = { AND: and };
  // Not a batch transaction: its single connection would be sent the includes' queries in parallel.
  const total = await database.inspection.count({ where });
  const rows = await database.inspection.findMany({
    where,
    include: inspectionInclude,
    orderBy: inspectionOrder,
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return { items: rows.map((r) => inspectionJson(inspectionSource(r))), total };
}

/** Every standard of every framework (or of one), in framework then standard order. */
export async function apiStandards(framework: string | undefined, database: Db = defaultDb()): Promise<StandardJson[]> {
  const frameworks = await database.framework.findMany({
    where: framework ? { code: framework } : {},
    orderBy: { ordinal: "asc" },
    include: {
      standards: { orderBy: { ordinal: "asc" }, include: { domain: true, keyQuestions: { orderBy: { area: "asc" } } } },
    },
  });
  return frameworks.flatMap((f) =>
    f.standards.map((s) => ({
      framework: { code: f.code, name: f.name, programme: f.programme },
      code: s.code,
      name: s.name,
      domain: { number: s.domain.number, name: s.domain.name },
      countsTowardOverall: s.countsTowardOverall,
      caseBased: s.caseBased,
      statement: s.statement,
      statementConfirmed: s.statementConfirmed,
      keyQuestions: s.keyQuestions.map((k) => ({ area: k.area, areaLabel: keyQuestionAreaLabel(k.area), text: k.text })),
    })),
  );
}
