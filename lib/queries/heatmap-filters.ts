// The heatmap's filters, sort and row rules as pure functions, shared by the
// server (which reads them from the URL and, on large data, turns them into
// SQL in heatmap.ts) and the browser (which, on data small enough to hold,
// filters and sorts the rows itself so that a change shows at once).
import { ratingPoints, type Rating } from "../domain/rating";
import {
  addToDistribution,
  emptyDistribution,
  type Distribution,
  type Programme,
} from "./national-distribution";
import { param, parseNation, parseRegion, type Nation, type SearchParamsLike } from "./national-filters";

export type InspectionKindCode = "FULL" | "REINSPECTION" | "THEMATIC" | "OTHER";

export const KIND_OPTIONS: readonly { value: InspectionKindCode; label: string }[] = [
  { value: "FULL", label: "Full inspection" },
  { value: "REINSPECTION", label: "Re-inspection" },
  { value: "THEMATIC", label: "Thematic inspection" },
  { value: "OTHER", label: "Other (pilot or 2025 programme)" },
];

/** Framework filter values: a programme ("standards", "2025") or one framework code. */
export const FRAMEWORK_OPTIONS: readonly { value: string; label: string }[] = [
  { value: "standards", label: "2018/2021 standards (all three)" },
  { value: "2018", label: "2018 standards" },
  { value: "2021", label: "2021 standards" },
  { value: "2018-or-2021", label: "2018 or 2021 (not confirmed which)" },
  { value: "2025", label: "2025 programme (both kinds)" },
  { value: "2025-IYJWCV", label: "2025: work with children and victims" },
  { value: "2025-IYJS", label: "2025: full inspection of youth justice services" },
];

export type SortKey = "name" | "overall" | "score" | "published" | `std:${string}`;
export type SortDirection = "asc" | "desc";

export type HeatmapParams = {
  nation: Nation | null;
  region: string | null;
  framework: string | null;
  /** Publication year range, both ends included. */
  from: number | null;
  to: number | null;
  kind: InspectionKindCode | null;
  basis: "latest" | "all";
  sort: SortKey;
  dir: SortDirection;
  page: number;
};

export const DEFAULT_HEATMAP_PARAMS: HeatmapParams = {
  nation: null,
  region: null,
  framework: null,
  from: null,
  to: null,
  kind: null,
  basis: "latest",
  sort: "name",
  dir: "asc",
  page: 1,
};

/** The way a sort key reads best by default: names A–Z, ratings and scores best first, dates newest first. */
export function defaultDirection(sort: SortKey): SortDirection {
  return sort === "name" ? "asc" : "desc";
}

const STANDARD_CODE = /^[1-9]\.[1-9]$/;

function year(value: string): number | null {
  if (!/^\d{4}$/.test(value)) return null;
  const y = Number(value);
  return y >= 2000 && y <= 2100 ? y : null;
}

export function parseSort(value: string): SortKey | null {
  if (value === "name" || value === "overall" || value === "score" || value === "published") return value;
  if (value.startsWith("std:") && STANDARD_CODE.test(value.slice(4))) return value as SortKey;
  return null;
}

export function parseHeatmapParams(params: SearchParamsLike): HeatmapParams {
  const region = parseRegion(param(params, "region"));
  const framework = param(params, "framework");
  const kind = param(params, "kind").toUpperCase();
  let from = year(param(params, "from"));
  let to = year(param(params, "to"));
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  const sort = parseSort(param(params, "sort")) ?? "name";
  const dirValue = param(params, "dir");
  const page = Number(param(params, "page"));
  return {
    nation: region ? "ENGLAND" : parseNation(param(params, "nation")),
    region,
    framework: FRAMEWORK_OPTIONS.some((o) => o.value === framework) ? framework : null,
    from,
    to,
    kind: KIND_OPTIONS.some((o) => o.value === kind) ? (kind as InspectionKindCode) : null,
    basis: param(params, "basis") === "all" ? "all" : "latest",
    sort,
    dir: dirValue === "asc" || dirValue === "desc" ? dirValue : defaultDirection(sort),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The URL query for these params, leaving out every default. */
export function heatmapQuery(p: HeatmapParams): URLSearchParams {
  const q = new URLSearchParams();
  if (p.nation && !p.region) q.set("nation", p.nation.toLowerCase());
  if (p.region) q.set("region", p.region);
  if (p.framework) q.set("framework", p.framework);
  if (p.from !== null) q.set("from", String(p.from));
  if (p.to !== null) q.set("to", String(p.to));
  if (p.kind) q.set("kind", p.kind.toLowerCase());
  if (p.basis === "all") q.set("basis", "all");
  if (p.sort !== "name") q.set("sort", p.sort);
  if (p.dir !== defaultDirection(p.sort)) q.set("dir", p.dir);
  if (p.page > 1) q.set("page", String(p.page));
  return q;
}

/** One inspection as a heatmap row. Missing standards are simply absent from `ratings`. */
export type HeatmapRow = {
  id: number;
  slug: string;
  name: string;
  nation: Nation;
  region: string | null;
  frameworkCode: string;
  programme: Programme;
  kind: InspectionKindCode;
  publishedYear: number | null;
  /** The publication date as text at its recorded precision ("14 May 2024", "May 2024"); null when not recorded. */
  published: string | null;
  /** Publication (else fieldwork, else the framework's first year) time in ms: the latest-inspection order. */
  sortTime: number | null;
  overall: Rating | null;
  score: number | null;
  scoreMax: number | null;
  ratings: Partial<Record<string, Rating>>;
  /** Case-based standard → % "Yes" for desistance, safety of the child, safety of others (null: not recorded). */
  figures: Partial<Record<string, [number | null, number | null, number | null]>>;
  /** True when the row has figures that were not sent with it (packed rows): the browser asks for them when it shows them. */
  figuresPending?: boolean;
};

export function frameworkMatches(filter: string | null, frameworkCode: string, programme: Programme): boolean {
  if (!filter) return true;
  if (filter === "standards") return programme === "STANDARDS_2018_2021";
  if (filter === "2025") return programme === "PROGRAMME_2025";
  return frameworkCode === filter;
}

/** Whether a row passes every filter (the basis aside). */
export function matchesFilters(row: HeatmapRow, p: HeatmapParams): boolean {
  if (p.nation && row.nation !== p.nation) return false;
  if (p.region && row.region !== p.region) return false;
  if (!frameworkMatches(p.framework, row.frameworkCode, row.programme)) return false;
  if (p.kind && row.kind !== p.kind) return false;
  if (p.from !== null && (row.publishedYear === null || row.publishedYear < p.from)) return false;
  if (p.to !== null && (row.publishedYear === null || row.publishedYear > p.to)) return false;
  return true;
}

/** Later first; undated last; the higher id first on a tie (the rule of lib/queries/service-list.ts). */
export function isLater(a: Pick<HeatmapRow, "sortTime" | "id">, b: Pick<HeatmapRow, "sortTime" | "id">): boolean {
  const at = a.sortTime ?? Number.NEGATIVE_INFINITY;
  const bt = b.sortTime ?? Number.NEGATIVE_INFINITY;
  return at > bt || (at === bt && a.id > b.id);
}

/** Each service's latest row among `rows`. */
export function latestPerService(rows: readonly HeatmapRow[]): HeatmapRow[] {
  const best = new Map<string, HeatmapRow>();
  for (const row of rows) {
    const current = best.get(row.slug);
    if (!current || isLater(row, current)) best.set(row.slug, row);
  }
  return [...best.values()];
}

const collator = new Intl.Collator("en-GB");

/** The value a row sorts by; null sorts last whichever the direction. */
export function sortValue(row: HeatmapRow, sort: SortKey): string | number | null {
  if (sort === "name") return row.name.toLocaleLowerCase("en-GB");
  if (sort === "overall") return row.overall === null ? null : ratingPoints(row.overall);
  if (sort === "score") return row.score;
  if (sort === "published") return row.sortTime;
  const rating = row.ratings[sort.slice(4)];
  return rating === undefined ? null : ratingPoints(rating);
}

export function compareRows(sort: SortKey, dir: SortDirection): (a: HeatmapRow, b: HeatmapRow) => number {
  const sign = dir === "asc" ? 1 : -1;
  return (a, b) => {
    const av = sortValue(a, sort);
    const bv = sortValue(b, sort);
    if (av !== bv) {
      if (av === null) return 1;
      if (bv === null) return -1;
      const order = typeof av === "string" ? collator.compare(av, bv as string) : av - (bv as number);
      if (order !== 0) return sign * order;
    }
    // Ties: by name, then the later inspection first.
    const byName = collator.compare(a.name, b.name);
    if (byName !== 0) return byName;
    return isLater(a, b) ? -1 : isLater(b, a) ? 1 : 0;
  };
}

/** Each name's place in the collator's order (equal names share one), so that sorting compares numbers. */
export type NameRanks = { lower: Map<string, number>; exact: Map<string, number> };

/** Ranks every name of `rows` once: sorting 16,000 rows by name with the collator itself takes too long for a click. */
export function rankNames(rows: readonly HeatmapRow[]): NameRanks {
  const rank = (names: string[], key: (name: string) => string) => {
    const keys = new Map(names.map((n) => [n, key(n)]));
    const ordered = [...new Set(keys.values())].sort(collator.compare);
    const place = new Map<string, number>();
    let r = -1;
    ordered.forEach((k, i) => {
      if (i === 0 || collator.compare(ordered[i - 1]!, k) !== 0) r++;
      place.set(k, r);
    });
    return new Map(names.map((n) => [n, place.get(keys.get(n)!)!]));
  };
  const names = [...new Set(rows.map((r) => r.name))];
  return { lower: rank(names, (n) => n.toLocaleLowerCase("en-GB")), exact: rank(names, (n) => n) };
}

/** The order of compareRows, computed with each row's sort value and name ranks taken once. */
export function sortRows(rows: readonly HeatmapRow[], sort: SortKey, dir: SortDirection, ranks: NameRanks): HeatmapRow[] {
  const sign = dir === "asc" ? 1 : -1;
  const keyed = rows.map((row) => ({
    row,
    value: sort === "name" ? ranks.lower.get(row.name)! : (sortValue(row, sort) as number | null),
    name: ranks.exact.get(row.name)!,
  }));
  keyed.sort((a, b) => {
    if (a.value !== b.value) {
      if (a.value === null) return 1;
      if (b.value === null) return -1;
      return sign * (a.value - b.value);
    }
    if (a.name !== b.name) return a.name - b.name;
    return isLater(a.row, b.row) ? -1 : isLater(b.row, a.row) ? 1 : 0;
  });
  return keyed.map((k) => k.row);
}

/** The rows the heatmap shows for these params, unordered: filtered, then latest per service if asked. */
export function chooseRows(rows: readonly HeatmapRow[], p: HeatmapParams): HeatmapRow[] {
  const matching = rows.filter((row) => matchesFilters(row, p));
  return p.basis === "latest" ? latestPerService(matching) : matching;
}

/** The rows the heatmap shows for these params: filtered, then latest per service if asked, then sorted. */
export function selectRows(rows: readonly HeatmapRow[], p: HeatmapParams): HeatmapRow[] {
  return chooseRows(rows, p).sort(compareRows(p.sort, p.dir));
}

/**
 * Each standard's distribution over the rows whose framework has that standard
 * (`standardsOf` gives a framework's codes). 2025-programme rows have none, so
 * they are never pooled in.
 */
export function summariseRows(
  rows: readonly HeatmapRow[],
  codes: readonly string[],
  standardsOf: (frameworkCode: string) => readonly string[],
): Record<string, Distribution> {
  const summary: Record<string, Distribution> = Object.fromEntries(codes.map((c) => [c, emptyDistribution()]));
  for (const row of rows) {
    for (const code of standardsOf(row.frameworkCode)) {
      const distribution = summary[code];
      if (distribution) addToDistribution(distribution, row.ratings[code] ?? null);
    }
  }
  return summary;
}
