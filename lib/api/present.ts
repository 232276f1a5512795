// Turns read-model rows into the public API's JSON shapes (lib/api/schemas.ts):
// every rating as its enum and label, dates at their recorded precision, and
// "not recorded" as null with the field present, never 0.
import { inspectionKindLabel } from "../domain/inspection-kind";
import { keyQuestionAreaLabel, type KeyQuestionArea } from "../domain/frameworks";
import { isoPartialDate, type DatePrecision } from "../domain/partial-date";
import { ratingLabel, type Rating } from "../domain/rating";
import type { ExplorerInspection } from "../queries/explorer";
import type {
  InspectionJson,
  InspectionSummaryJson,
  PaginationJson,
  PartialDateJson,
  RatingJson,
  ServiceJson,
} from "./schemas";

export const API_BASE = "/api/v1";

export function ratingJson(rating: Rating | null | undefined): RatingJson | null {
  return rating ? { value: rating, label: ratingLabel(rating) } : null;
}

export function partialDateJson(date: Date | null, precision: DatePrecision | null): PartialDateJson | null {
  const text = isoPartialDate(date, precision);
  return text && precision ? { date: text, precision } : null;
}

/** The headline fields of an inspection, as the explorer's read model gives them. */
export type InspectionSummarySource = Omit<ExplorerInspection, "domains" | "standards">;

export function inspectionSummaryJson(i: InspectionSummarySource): InspectionSummaryJson {
  return {
    id: i.id,
    kind: { value: i.kind, label: inspectionKindLabel(i.kind) },
    framework: {
      code: i.frameworkCode,
      name: i.frameworkName,
      programme: i.programme as "STANDARDS_2018_2021" | "PROGRAMME_2025",
      confirmed: i.frameworkConfirmed,
    },
    fieldworkStart: partialDateJson(i.fieldworkStart, i.fieldworkStartPrecision),
    publishedOn: partialDateJson(i.publishedOn, i.publishedOnPrecision),
    overallRating: ratingJson(i.overallRating),
    score: i.score,
    scoreMax: i.scoreMax,
    sourceUrls: i.sourceUrls,
  };
}

export type InspectionSource = InspectionSummarySource & {
  service: { slug: string; name: string };
  serviceNameAtInspection: string;
  notes: string | null;
  discrepancyNote: string | null;
  /** Every standard of the framework, in order. */
  frameworkStandards: { id: number; code: string; name: string; countsTowardOverall: boolean; domain: { number: string; name: string } }[];
  ratings: { standardId: number; rating: Rating }[];
  keyQuestions: { standardCode: string; area: KeyQuestionArea; percentYes: number }[];
};

export function inspectionJson(i: InspectionSource): InspectionJson {
  const ratingOf = new Map(i.ratings.map((r) => [r.standardId, r.rating]));
  return {
    ...inspectionSummaryJson(i),
    service: { slug: i.service.slug, name: i.service.name, href: `${API_BASE}/services/${i.service.slug}` },
    serviceNameAtInspection: i.serviceNameAtInspection,
    standards: i.frameworkStandards.map((s) => ({
      code: s.code,
      name: s.name,
      domain: { number: s.domain.number, name: s.domain.name },
      countsTowardOverall: s.countsTowardOverall,
      rating: ratingJson(ratingOf.get(s.id)),
    })),
    keyQuestions: [...i.keyQuestions]
      .sort((a, b) => a.standardCode.localeCompare(b.standardCode, "en", { numeric: true }) || a.area.localeCompare(b.area))
      .map((k) => ({ standardCode: k.standardCode, area: k.area, areaLabel: keyQuestionAreaLabel(k.area), percentYes: k.percentYes })),
    notes: i.notes,
    discrepancyNote: i.discrepancyNote,
  };
}

export type ServiceSource = {
  slug: string;
  name: string;
  nation: "ENGLAND" | "WALES";
  region: string | null;
  current: boolean;
  localAuthorities: { name: string; welshName: string | null }[];
  inspectionCount: number;
  latest: InspectionSummarySource | null;
};

export function serviceJson(s: ServiceSource): ServiceJson {
  return {
    slug: s.slug,
    name: s.name,
    nation: s.nation,
    region: s.region,
    current: s.current,
    localAuthorities: s.localAuthorities.map((l) => ({ name: l.name, welshName: l.welshName })),
    inspectionCount: s.inspectionCount,
    latestInspection: s.latest ? inspectionSummaryJson(s.latest) : null,
    href: `${API_BASE}/services/${s.slug}`,
    page: `/services/${s.slug}`,
  };
}

/** The pagination block, with links that keep the request's other parameters. */
export function paginationJson(path: string, search: URLSearchParams, page: number, pageSize: number, total: number): PaginationJson {
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(p));
    params.set("pageSize", String(pageSize));
    return `${path}?${params.toString()}`;
  };
  return {
    page,
    pageSize,
    total,
    totalPages,
    next: page < totalPages ? link(page + 1) : null,
    prev: page > 1 ? link(Math.min(page - 1, totalPages)) : null,
  };
}
