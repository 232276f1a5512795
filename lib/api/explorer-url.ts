// The services explorer's state as it lives in the URL (/services?...): search,
// filters, sort, page, page size and chosen standard columns. Pure and safe to
// use in the browser; lib/api/explorer-parameters.ts validates it on the server.
import type { SortKey } from "../queries/explorer";

export const EXPLORER_PATH = "/services";
export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_EXPLORER_PAGE_SIZE = 50;

export type ExplorerState = {
  q?: string;
  nation?: string;
  region?: string;
  rating?: string;
  framework?: string;
  since?: string;
  before?: string;
  sort: SortKey;
  dir: "asc" | "desc";
  page: number;
  size: number;
  /** Chosen standard columns, by code ("2.1"). */
  cols: string[];
};

export const DEFAULT_EXPLORER_STATE: ExplorerState = { sort: "name", dir: "asc", page: 1, size: DEFAULT_EXPLORER_PAGE_SIZE, cols: [] };

const FILTER_KEYS = ["q", "nation", "region", "rating", "framework", "since", "before"] as const;

/** The state as URL search parameters, leaving out defaults. */
export function explorerSearch(state: ExplorerState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  if (state.sort !== "name" || state.dir !== "asc") {
    params.set("sort", state.sort);
    params.set("dir", state.dir);
  }
  if (state.cols.length > 0) params.set("cols", state.cols.join(","));
  if (state.size !== DEFAULT_EXPLORER_PAGE_SIZE) params.set("size", String(state.size));
  if (state.page !== 1) params.set("page", String(state.page));
  return params;
}

export function explorerHref(state: ExplorerState, path = EXPLORER_PATH): string {
  const search = explorerSearch(state).toString();
  return search ? `${path}?${search}` : path;
}

/** Text columns sort A to Z first; ratings, scores, points and dates best or newest first. */
export function defaultDirection(key: SortKey): "asc" | "desc" {
  return ["name", "nation", "region", "localAuthorities", "framework"].includes(key) ? "asc" : "desc";
}

/** Where a click on a column's sort control leads: the other direction if sorted by it, else its default; page 1. */
export function sortHref(state: ExplorerState, key: SortKey): string {
  const dir = state.sort === key ? (state.dir === "asc" ? "desc" : "asc") : defaultDirection(key);
  return explorerHref({ ...state, sort: key, dir, page: 1 });
}

export function pageHref(state: ExplorerState, page: number): string {
  return explorerHref({ ...state, page });
}
