// Reads the services explorer's URL (/services?...) on the server. Unlike the
// API, the page does not refuse a bad value: it leaves it out and says which
// parameter was ignored and what it expects.
import { z } from "zod";
import { EXPLORER_STANDARD_CODES } from "../queries/explorer-columns";
import { SORT_KEYS, type ExplorerQuery, type RatingFilter, type SortKey } from "../queries/explorer";
import { DEFAULT_EXPLORER_STATE, PAGE_SIZES, type ExplorerState } from "./explorer-url";
import { expectationOf, param, type ParameterProblem } from "./parameters";

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

const fields = {
  q: param.q,
  nation: param.nation,
  region: param.region,
  rating: param.latestRating,
  framework: param.latestFramework,
  since: param.publishedFrom,
  before: param.publishedTo,
  page: param.page,
};

const sortSchema = z.enum(SORT_KEYS as [SortKey, ...SortKey[]]);

/** Every parameter the explorer reads (its filters, sort, dir, size and cols). */
export const EXPLORER_PARAMETER_NAMES: readonly string[] = [...Object.keys(fields), "sort", "dir", "size", "cols"];

export type ExplorerRequest = { state: ExplorerState; query: ExplorerQuery; problems: ParameterProblem[] };

export function readExplorerParams(search: SearchParamsRecord | URLSearchParams): ExplorerRequest {
  const get = (name: string): string | undefined => {
    const value = search instanceof URLSearchParams ? search.get(name) : search[name];
    const text = Array.isArray(value) ? value[0] : value;
    return text === undefined || text === null || text.trim() === "" ? undefined : text.trim();
  };
  const problems: ParameterProblem[] = [];
  const state: ExplorerState = { ...DEFAULT_EXPLORER_STATE, cols: [] };
  const query: ExplorerQuery = { filters: {}, sort: { key: "name", direction: "asc" }, page: 1, pageSize: DEFAULT_EXPLORER_STATE.size };

  for (const [name, schema] of Object.entries(fields) as [keyof typeof fields, z.ZodType][]) {
    const raw = get(name);
    if (raw === undefined) continue;
    const result = schema.safeParse(raw);
    if (!result.success) {
      problems.push({ name, value: raw, expected: expectationOf(schema) ?? "a valid value" });
      continue;
    }
    const value = result.data as never;
    switch (name) {
      case "page":
        state.page = value;
        query.page = value;
        break;
      case "since":
        state.since = raw;
        query.filters.since = (value as { from: Date }).from;
        break;
      case "before":
        state.before = raw;
        query.filters.before = (value as { from: Date }).from;
        break;
      case "rating":
        state.rating = raw;
        query.filters.rating = value as RatingFilter;
        break;
      default:
        state[name] = raw;
        (query.filters as Record<string, unknown>)[name] = value;
    }
  }

  const sort = get("sort");
  if (sort !== undefined) {
    const parsed = sortSchema.safeParse(sort);
    if (parsed.success) state.sort = parsed.data;
    else problems.push({ name: "sort", value: sort, expected: "a column of the table" });
  }
  const dir = get("dir");
  if (dir !== undefined) {
    if (dir === "asc" || dir === "desc") state.dir = dir;
    else problems.push({ name: "dir", value: dir, expected: "asc or desc" });
  }
  const size = get("size");
  if (size !== undefined) {
    const n = Number(size);
    if ((PAGE_SIZES as readonly number[]).includes(n)) state.size = n;
    else problems.push({ name: "size", value: size, expected: `one of ${PAGE_SIZES.join(", ")} rows a page` });
  }
  // Standard columns: "cols=2.1,3.1", or one "cols" per ticked box of the column chooser.
  const rawCols = search instanceof URLSearchParams ? search.getAll("cols") : [search.cols ?? []].flat();
  if (rawCols.length > 0) {
    for (const code of rawCols.join(",").split(",").map((c) => c.trim()).filter(Boolean)) {
      if (EXPLORER_STANDARD_CODES.includes(code)) {
        if (!state.cols.includes(code)) state.cols.push(code);
      } else problems.push({ name: "cols", value: code, expected: `standard codes among ${EXPLORER_STANDARD_CODES.join(", ")}` });
    }
    state.cols.sort((a, b) => EXPLORER_STANDARD_CODES.indexOf(a) - EXPLORER_STANDARD_CODES.indexOf(b));
  }

  query.sort = { key: state.sort, direction: state.dir };
  query.pageSize = state.size;
  return { state, query, problems };
}
