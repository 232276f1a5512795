// The filters of the national pages, read from and written to the URL. Pure:
// the server reads them from searchParams, client components from
// useSearchParams, and both write the same query strings.

/** The nine ONS English regions, in the ONS order (Wales has no region). */
export const ENGLISH_REGIONS = [
  "North East",
  "North West",
  "Yorkshire and The Humber",
  "East Midlands",
  "West Midlands",
  "East of England",
  "London",
  "South East",
  "South West",
] as const;

export type Nation = "ENGLAND" | "WALES";
/** `latest`: each service's latest inspection (under the programme in question); `all`: every inspection. */
export type Basis = "latest" | "all";

export type AreaFilters = { nation: Nation | null; region: string | null; basis: Basis };

export type SearchParamsLike = Record<string, string | string[] | undefined> | URLSearchParams;

/** One query-string value ("" and absent are the same). */
export function param(params: SearchParamsLike, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  const first = Array.isArray(value) ? value[0] : value;
  return (first ?? "").trim();
}

export function parseNation(value: string): Nation | null {
  const v = value.toLowerCase();
  return v === "england" ? "ENGLAND" : v === "wales" ? "WALES" : null;
}

export function parseRegion(value: string): string | null {
  return (ENGLISH_REGIONS as readonly string[]).find((r) => r.toLowerCase() === value.toLowerCase()) ?? null;
}

/** Nation, region and basis; a region implies England, and unknown values are dropped. */
export function parseAreaFilters(params: SearchParamsLike): AreaFilters {
  const region = parseRegion(param(params, "region"));
  const nation = region ? "ENGLAND" : parseNation(param(params, "nation"));
  const basis: Basis = param(params, "basis") === "all" ? "all" : "latest";
  return { nation, region, basis };
}

/** The query string for area filters, leaving out defaults. */
export function areaQuery(filters: AreaFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.nation && !filters.region) query.set("nation", filters.nation.toLowerCase());
  if (filters.region) query.set("region", filters.region);
  if (filters.basis === "all") query.set("basis", "all");
  return query;
}

/** "in London", "in Wales", "in England and Wales". */
export function areaPhrase(filters: Pick<AreaFilters, "nation" | "region">): string {
  if (filters.region) return `in ${filters.region}`;
  if (filters.nation === "ENGLAND") return "in England";
  if (filters.nation === "WALES") return "in Wales";
  return "in England and Wales";
}
