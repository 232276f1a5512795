// The API's items flattened to CSV rows: one column per field, a rating as its
// enum and its label, a date as its text and its precision, null as empty.
import { EXPLORER_STANDARD_CODES } from "../queries/explorer-columns";
import type { CsvCell } from "./csv";
import type { InspectionJson, InspectionSummaryJson, ServiceJson, StandardJson } from "./schemas";

type Table = { header: string[]; rows: CsvCell[][] };

const summaryHeader = (prefix: string) =>
  [
    "id",
    "kind",
    "framework_code",
    "framework_confirmed",
    "fieldwork_start",
    "fieldwork_start_precision",
    "published_on",
    "published_on_precision",
    "overall_rating",
    "overall_rating_label",
    "score",
    "score_max",
  ].map((h) => prefix + h);

function summaryCells(i: InspectionSummaryJson | null): CsvCell[] {
  if (!i) return summaryHeader("").map(() => null);
  return [
    i.id,
    i.kind.value,
    i.framework.code,
    i.framework.confirmed,
    i.fieldworkStart?.date,
    i.fieldworkStart?.precision,
    i.publishedOn?.date,
    i.publishedOn?.precision,
    i.overallRating?.value,
    i.overallRating?.label,
    i.score,
    i.scoreMax,
  ];
}

export function servicesCsvTable(items: readonly ServiceJson[]): Table {
  return {
    header: ["slug", "name", "nation", "region", "current", "local_authorities", "inspection_count", ...summaryHeader("latest_")],
    rows: items.map((s) => [
      s.slug,
      s.name,
      s.nation,
      s.region,
      s.current,
      s.localAuthorities.map((l) => l.name).join("; "),
      s.inspectionCount,
      ...summaryCells(s.latestInspection),
    ]),
  };
}

const standardColumn = (code: string) => `standard_${code.replace(".", "_")}`;

export function inspectionsCsvTable(items: readonly InspectionJson[]): Table {
  return {
    header: [
      "service_slug",
      "service_name",
      "service_name_at_inspection",
      ...summaryHeader(""),
      ...EXPLORER_STANDARD_CODES.map(standardColumn),
      "source_urls",
    ],
    rows: items.map((i) => [
      i.service.slug,
      i.service.name,
      i.serviceNameAtInspection,
      ...summaryCells(i),
      ...EXPLORER_STANDARD_CODES.map((code) => i.standards.find((s) => s.code === code)?.rating?.value),
      i.sourceUrls.join(" "),
    ]),
  };
}

export function standardsCsvTable(items: readonly StandardJson[]): Table {
  return {
    header: ["framework_code", "code", "name", "domain_number", "domain_name", "counts_toward_overall", "case_based", "statement", "statement_confirmed"],
    rows: items.map((s) => [
      s.framework.code,
      s.code,
      s.name,
      s.domain.number,
      s.domain.name,
      s.countsTowardOverall,
      s.caseBased,
      s.statement,
      s.statementConfirmed,
    ]),
  };
}
