"use client";
// The heatmap: services (rows) × standards (columns, grouped by domain), each
// cell a rating as colour AND letters, in a real table with a sticky header and
// first column. Arrow keys move between cells; a focused or hovered cell shows
// its rating and key-question figures in a tooltip. Filters and sort live in
// the URL. In "client" mode (data small enough to hold) the browser filters and
// sorts at once and records the change with history.pushState; in "server"
// mode the page comes with one page of rows, and the browser then fetches every
// row, packed (/heatmap/rows), and works as in client mode from then on; until
// it has them (or if the fetch fails) each change is a navigation.
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useTransition } from "react";
import { ratingColours } from "@/components/rating/palette";
import { ratingAbbreviation, ratingLabel, RATINGS, type Rating } from "@/lib/domain/rating";
import {
  DEFAULT_HEATMAP_PARAMS,
  FRAMEWORK_OPTIONS,
  KIND_OPTIONS,
  defaultDirection,
  heatmapQuery,
  parseHeatmapParams,
  chooseRows,
  rankNames,
  sortRows,
  summariseRows,
  type HeatmapParams,
  type HeatmapRow,
  type SortKey,
} from "@/lib/queries/heatmap-filters";
import { unpackHeatmap, type PackedHeatmap } from "@/lib/queries/heatmap-packed";
import { sharesOf, type Distribution } from "@/lib/queries/national-distribution";
import { MAX_COMPARED, MIN_COMPARED } from "@/lib/queries/compare-limits";

export type HeatmapColumn = {
  code: string;
  /** "2.1 Court: assessment" */
  label: string;
  /** "2.1 Court disposals: Assessment" */
  fullLabel: string;
  domainNumber: string;
  domainName: string;
  caseBased: boolean;
  frameworks: string[];
};

export type HeatmapProps = {
  mode: "client" | "server";
  rows: HeatmapRow[];
  total: number | null;
  summary: Record<string, Distribution> | null;
  columns: HeatmapColumn[];
  pageSize: number;
  years: { min: number; max: number } | null;
  regions: readonly string[];
  inspections: number;
  /** Server mode: where the browser fetches every row (and one row's key-question figures, `?inspection=<id>`). */
  rowsUrl: string | null;
};

const AREA_NAMES = ["Desistance", "Safety of the child", "Safety of other people"];

function paramsKey(p: HeatmapParams): string {
  return heatmapQuery(p).toString();
}

/** The params in force: the URL's, updated at once on a change (client mode) and again on back/forward. */
function useHeatmapParams(mode: HeatmapProps["mode"]) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const fromUrl = useMemo(() => parseHeatmapParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const [params, setParams] = useState(fromUrl);
  useEffect(() => {
    setParams((current) => (paramsKey(current) === paramsKey(fromUrl) ? current : fromUrl));
  }, [fromUrl]);

  const current = useRef(params);
  current.current = params;
  const update = useCallback(
    (change: Partial<HeatmapParams>) => {
      const next: HeatmapParams = { ...current.current, page: 1, ...change };
      current.current = next;
      setParams(next);
      const query = heatmapQuery(next).toString();
      const url = query ? `/heatmap?${query}` : "/heatmap";
      if (mode === "client") window.history.pushState(null, "", url);
      else startTransition(() => router.push(url, { scroll: false }));
    },
    [mode, router],
  );
  return { params, update, pending };
}

function ratingOf(row: HeatmapRow, column: HeatmapColumn): Rating | null | "n/a" {
  if (!column.frameworks.includes(row.frameworkCode)) return "n/a";
  return row.ratings[column.code] ?? null;
}

/** A cell's content: the rating's letters, and its word for screen readers (as few nodes as can be: the table is large). */
function ratingMark(rating: Rating | null | "n/a", frameworkCode?: string) {
  if (rating === "n/a") {
    return (
      <>
        n/a<span className="sr-only"> (not part of the {frameworkCode} standards)</span>
      </>
    );
  }
  if (rating === null) {
    return (
      <>
        –<span className="sr-only">not recorded</span>
      </>
    );
  }
  return (
    <>
      {ratingAbbreviation(rating)}
      <span className="sr-only">{ratingLabel(rating)}</span>
    </>
  );
}

function cellStyle(rating: Rating | null | "n/a"): { className: string; style?: React.CSSProperties } {
  if (rating === "n/a") return { className: "bg-white text-[10px] text-gray-600" };
  if (rating === null) return { className: "not-recorded text-gray-700" };
  return { className: "font-bold", style: { backgroundColor: ratingColours[rating].fill, color: ratingColours[rating].text } };
}

/** Rows drawn beyond the visible ones, above and below (more than a PageUp/PageDown step). */
const OVERSCAN = 8;
/** Before measuring: rows drawn on the server, and their assumed height in px. */
const INITIAL_WINDOW = 40;
const ESTIMATED_ROW_HEIGHT = 45;
/** Two header rows and the distribution row come before the first service. */
const HEADER_ROWS = 3;

const CELL = "h-9 overflow-hidden border border-gray-300 px-0.5 text-center text-xs tabular-nums";
/** Widths of the columns after the first (rem): fixed, so the browser lays the table out without measuring it. */
const COLUMN_REM = 2.75;
const WIDE_COLUMN_REM = 3.5;

type RowProps = {
  row: HeatmapRow;
  /** The row's position in the whole table (header rows included), for screen readers. */
  rowIndex: number;
  columns: HeatmapColumn[];
  checked: boolean;
  onToggle: (slug: string) => void;
};

/** A row: moving it in the table touches only the <tr>, never its cells. */
const HeatmapRowView = memo(function HeatmapRowView({ row, rowIndex, columns, checked, onToggle }: RowProps) {
  return (
    <tr data-service={row.slug} data-inspection={row.id} aria-rowindex={rowIndex}>
      <RowCells row={row} columns={columns} checked={checked} onToggle={onToggle} />
    </tr>
  );
});

const RowCells = memo(function RowCells({ row, columns, checked, onToggle }: Omit<RowProps, "rowIndex">) {
  const overall = cellStyle(row.overall);
  const checkboxId = `compare-${row.id}`;
  return (
    <>
      <th scope="row" className="sticky left-0 z-10 overflow-hidden border border-gray-300 bg-white px-2 py-1 text-left align-top text-sm font-normal">
        <div className="flex items-start gap-2">
          <input
            id={checkboxId}
            type="checkbox"
            className="mt-1 h-4 w-4 shrink-0"
            checked={checked}
            onChange={() => onToggle(row.slug)}
            aria-label={`Choose ${row.name} to compare`}
          />
          <span className="min-w-0">
            <a href={`/services/${row.slug}`} className="block truncate font-semibold">
              {row.name}
            </a>
            <span className="block truncate text-xs text-gray-700">
              {row.published ?? "date not recorded"} · {row.frameworkCode}
            </span>
          </span>
        </div>
      </th>
      <td data-cell="" data-c={0} tabIndex={-1} className={`${CELL} ${overall.className}`} style={overall.style}>
        {ratingMark(row.overall)}
      </td>
      <td className={`${CELL} ${row.score === null ? "text-gray-600" : ""}`}>
        {row.score === null ? (
          <>
            <span aria-hidden="true">–</span>
            <span className="sr-only">{row.programme === "PROGRAMME_2025" ? "not scored" : "not recorded"}</span>
          </>
        ) : (
          <>
            {row.score}
            <span className="sr-only"> out of {row.scoreMax ?? 36}</span>
          </>
        )}
      </td>
      {row.programme === "PROGRAMME_2025" ? (
        <td data-cell="" data-c={1} tabIndex={-1} colSpan={columns.length} className={`${CELL} bg-gray-50 text-left italic text-gray-700`}>
          2025 programme: its standards differ and are not recorded here
        </td>
      ) : (
        columns.map((column, c) => {
          const rating = ratingOf(row, column);
          const style = cellStyle(rating);
          return (
            <td
              key={column.code}
              data-cell=""
              data-c={c + 1}
              data-code={column.code}
              tabIndex={-1}
              className={`${CELL} ${style.className}`}
              style={style.style}
            >
              {ratingMark(rating, row.frameworkCode)}
            </td>
          );
        })
      )}
    </>
  );
});

/** 9163 → "9.2k": the summary row has little room; the exact numbers are in its screen-reader text. */
function compact(n: number): string {
  return n < 1000 ? String(n) : n < 10_000 ? `${(n / 1000).toFixed(1)}k` : `${Math.round(n / 1000)}k`;
}

function SummaryCell({ distribution }: { distribution: Distribution | undefined }) {
  if (!distribution) return <td className={CELL} />;
  const total = distribution.rated + distribution.notRecorded;
  const shares = sharesOf(distribution);
  const words = RATINGS.map((r) => `${ratingLabel(r)} ${distribution.counts[r]}${shares ? ` (${shares[r]}%)` : ""}`).join(", ");
  return (
    <td className="overflow-hidden border border-gray-300 px-0.5 py-1 align-top text-[11px] leading-tight tabular-nums">
      <span className="sr-only">
        {words}; {distribution.rated} of {total} rated, {distribution.notRecorded} not recorded
        {shares ? "" : "; too few for percentages"}.
      </span>
      <span aria-hidden="true" className="flex flex-col gap-px">
        {RATINGS.map((r) => (
          <span key={r} className="flex items-center justify-between gap-0.5">
            <span className="rounded px-0.5 font-bold" style={{ backgroundColor: ratingColours[r].fill, color: ratingColours[r].text }}>
              {ratingAbbreviation(r)}
            </span>
            <span>{shares ? `${shares[r]}%` : compact(distribution.counts[r])}</span>
          </span>
        ))}
        <span className="mt-0.5 border-t border-gray-400 pt-0.5">n={compact(distribution.rated)}</span>
        <span>of {compact(total)}</span>
      </span>
    </td>
  );
}

type Tip = { top: number; left: number; above: boolean; title: string; lines: string[] };

/** The key-question figures of a packed row: null while they are being fetched, "failed" if they could not be. */
type FetchedFigures = HeatmapRow["figures"] | "failed";

function tipFor(row: HeatmapRow, c: number, columns: HeatmapColumn[], figures: FetchedFigures | null): Omit<Tip, "top" | "left" | "above"> {
  const when = `${row.published ?? "date not recorded"}, ${row.frameworkCode} framework`;
  if (c === 0) {
    return {
      title: `${row.name}: overall rating`,
      lines: [row.overall ? ratingLabel(row.overall) : "Not recorded", row.score !== null ? `Score ${row.score} out of ${row.scoreMax ?? 36}` : "Score not recorded", when],
    };
  }
  if (row.programme === "PROGRAMME_2025") {
    return { title: row.name, lines: ["Inspected under the 2025 programme, whose standards differ and are not recorded here.", when] };
  }
  const column = columns[c - 1]!;
  const rating = ratingOf(row, column);
  const lines = [rating === "n/a" ? `Not part of the ${row.frameworkCode} standards` : rating === null ? "Rating not recorded" : ratingLabel(rating), when];
  if (column.caseBased && rating !== "n/a") {
    const triple = figures === null || figures === "failed" ? undefined : figures[column.code];
    if (figures === null) {
      lines.push("Key-question figures: loading…");
    } else if (figures === "failed") {
      lines.push("Key-question figures could not be loaded: see the service's scorecard");
    } else if (triple && triple.some((f) => f !== null)) {
      lines.push(...triple.map((f, i) => `${AREA_NAMES[i]}: ${f === null ? "not recorded" : `${f}% of cases`}`));
    } else {
      lines.push("Key-question figures not recorded");
    }
  }
  return { title: `${row.name}: ${column.fullLabel}`, lines };
}

function SortButton({ sortKey, params, update, children, label }: { sortKey: SortKey; params: HeatmapParams; update: (c: Partial<HeatmapParams>) => void; children: React.ReactNode; label: string }) {
  const active = params.sort === sortKey;
  const next = active ? (params.dir === "asc" ? "desc" : "asc") : defaultDirection(sortKey);
  return (
    <button
      type="button"
      className={`w-full px-1 py-1 text-center ${active ? "underline decoration-2" : ""}`}
      onClick={() => update({ sort: sortKey, dir: next })}
      aria-label={`${label}: sort ${next === "asc" ? (sortKey === "name" ? "A to Z" : "lowest first") : sortKey === "name" ? "Z to A" : sortKey === "published" ? "newest first" : "best first"}`}
    >
      {children}
      {active && <span aria-hidden="true">{params.dir === "asc" ? " ▲" : " ▼"}</span>}
    </button>
  );
}

export function Heatmap(props: HeatmapProps) {
  const { columns, rowsUrl } = props;
  // Server mode: once hydrated, fetch every row; with them the browser filters and sorts itself.
  const [allRows, setAllRows] = useState<HeatmapRow[] | null>(null);
  useEffect(() => {
    if (props.mode !== "server" || !rowsUrl) return;
    const controller = new AbortController();
    fetch(rowsUrl, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<PackedHeatmap>) : null))
      .then((packed) => packed && setAllRows(unpackHeatmap(packed)))
      // Without them the heatmap stays as it is: each change is a navigation.
      .catch(() => undefined);
    return () => controller.abort();
  }, [props.mode, rowsUrl]);
  const mode = props.mode === "client" || allRows ? "client" : "server";
  const rows = allRows ?? props.rows;
  const { params, update, pending } = useHeatmapParams(mode);
  const [selected, setSelected] = useState<string[]>([]);
  const [tip, setTip] = useState<Tip | null>(null);
  // Set once hydrated: the tests wait for it before timing a change.
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  const tableRef = useRef<HTMLTableElement>(null);

  const frameworksOf = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const column of columns) for (const f of column.frameworks) map.set(f, [...(map.get(f) ?? []), column.code]);
    return (framework: string) => map.get(framework) ?? [];
  }, [columns]);

  // Client mode: the filters choose the rows (again only when a filter changes), then they are sorted
  // with each name's rank taken once for all rows, so a click on 16,000 rows compares numbers.
  const ranks = useMemo(() => (mode === "client" ? rankNames(rows) : null), [mode, rows]);
  // The filters alone, as their query string (sort and page left at their defaults): it changes only when a filter does.
  const filterKey = paramsKey({ ...params, sort: "name", dir: "asc", page: 1 });
  const chosen = useMemo(
    () => (mode === "client" ? chooseRows(rows, parseHeatmapParams(new URLSearchParams(filterKey))) : null),
    [mode, rows, filterKey],
  );
  const shown = useMemo(
    () => (chosen && ranks ? sortRows(chosen, params.sort, params.dir, ranks) : rows),
    [chosen, ranks, params.sort, params.dir, rows],
  );
  // From the chosen rows, whose order does not matter: a sort does not count them again.
  const summary = useMemo(
    () => (chosen ? summariseRows(chosen, columns.map((c) => c.code), frameworksOf) : (props.summary ?? {})),
    [chosen, columns, frameworksOf, props.summary],
  );
  const total = mode === "client" ? shown.length : (props.total ?? 0);
  const first = mode === "client" ? 1 : (params.page - 1) * props.pageSize + 1;
  const last = mode === "client" ? shown.length : first + shown.length - 1;
  const pages = mode === "client" ? 1 : Math.max(1, Math.ceil(total / props.pageSize));

  const toggle = useCallback((slug: string) => {
    setSelected((current) => (current.includes(slug) ? current.filter((s) => s !== slug) : [...current, slug]));
  }, []);

  const grouped = useMemo(() => {
    const groups: { number: string; name: string; count: number }[] = [];
    for (const c of columns) {
      const g = groups[groups.length - 1];
      if (g && g.number === c.domainNumber) g.count++;
      else groups.push({ number: c.domainNumber, name: c.domainName, count: 1 });
    }
    return groups;
  }, [columns]);

  // Keyboard: arrows, Home/End, PageUp/PageDown move between cells (roving tabindex).
  // Rows are found through the DOM, so a row needs no index (and sorting re-renders none).
  const onKeyDown = (event: React.KeyboardEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>("[data-cell]");
    if (!cell) return;
    if (event.key === "Escape") {
      setTip(null);
      return;
    }
    const rowSteps: Record<string, number> = { ArrowUp: -1, ArrowDown: 1, PageUp: -OVERSCAN, PageDown: OVERSCAN };
    const c = Number(cell.dataset.c);
    const colMoves: Record<string, number> = { ArrowLeft: c - 1, ArrowRight: c + 1, Home: 0, End: columns.length };
    if (!(event.key in rowSteps) && !(event.key in colMoves)) return;
    event.preventDefault();
    let tr = cell.closest("tr");
    let col = event.key in colMoves ? Math.max(0, Math.min(columns.length, colMoves[event.key]!)) : c;
    const step = rowSteps[event.key] ?? 0;
    for (let i = 0; i < Math.abs(step); i++) {
      const next = (step < 0 ? tr?.previousElementSibling : tr?.nextElementSibling) as HTMLTableRowElement | null | undefined;
      if (!next || !next.hasAttribute("data-service")) break;
      tr = next;
    }
    let target: HTMLElement | null = null;
    // A merged cell (2025 rows) stands for every standard column.
    while (!target && col >= 0) {
      target = tr?.querySelector<HTMLElement>(`[data-cell][data-c="${col}"]`) ?? null;
      col--;
    }
    target?.focus();
  };

  const rowsById = useMemo(() => new Map((chosen ?? shown).map((r) => [r.id, r])), [chosen, shown]);

  // Only the rows in and near view are in the DOM (spacer rows keep the scroll height), so that a
  // filter or a sort lays out a few dozen rows, whether the table holds 150 rows or 16,000.
  const scrollRef = useRef<HTMLDivElement>(null);
  const topSpacerRef = useRef<HTMLTableRowElement>(null);
  const [rowHeight, setRowHeight] = useState(ESTIMATED_ROW_HEIGHT);
  // The window belongs to one set of params: after a change it starts again at the top.
  const viewKey = paramsKey(params);
  const [windowState, setWindowState] = useState({ key: viewKey, start: 0 });
  const windowStart = windowState.key === viewKey ? windowState.start : 0;
  const [windowSize, setWindowSize] = useState(INITIAL_WINDOW);
  const measureWindow = useCallback(() => {
    const el = scrollRef.current;
    const spacer = topSpacerRef.current;
    if (!el || !spacer) return;
    const firstRow = spacer.nextElementSibling as HTMLElement | null;
    const height = firstRow?.hasAttribute("data-service") ? firstRow.getBoundingClientRect().height : rowHeight;
    if (height > 0 && Math.abs(height - rowHeight) > 0.5) setRowHeight(height);
    const bodyTop = spacer.offsetTop;
    const start = Math.max(0, Math.floor((el.scrollTop - bodyTop) / height) - OVERSCAN);
    setWindowState((current) => (current.key === viewKey && current.start === start ? current : { key: viewKey, start }));
    setWindowSize(Math.ceil(el.clientHeight / height) + 2 * OVERSCAN);
  }, [rowHeight, viewKey]);
  const lastKey = useRef(viewKey);
  useLayoutEffect(() => {
    if (lastKey.current !== viewKey && scrollRef.current) scrollRef.current.scrollTop = 0;
    lastKey.current = viewKey;
    measureWindow();
  }, [measureWindow, viewKey, shown]);
  const windowEnd = Math.min(shown.length, windowStart + windowSize);
  const windowRows = shown.slice(Math.min(windowStart, shown.length), windowEnd);
  const tipCell = useRef<HTMLElement | null>(null);

  // Packed rows come without key-question figures: fetch a row's when its tooltip first shows them.
  const [fetchedFigures, setFetchedFigures] = useState<ReadonlyMap<number, FetchedFigures>>(() => new Map());
  const requestedFigures = useRef(new Set<number>());
  const figuresOf = (row: HeatmapRow): FetchedFigures | null => {
    if (!row.figuresPending) return row.figures;
    const fetched = fetchedFigures.get(row.id);
    if (fetched) return fetched;
    if (rowsUrl && !requestedFigures.current.has(row.id)) {
      requestedFigures.current.add(row.id);
      const load = async (): Promise<FetchedFigures> => {
        try {
          const response = await fetch(`${rowsUrl}?inspection=${row.id}`);
          return response.ok ? ((await response.json()) as { figures: HeatmapRow["figures"] }).figures : "failed";
        } catch {
          return "failed";
        }
      };
      void load().then((figures) => setFetchedFigures((current) => new Map(current).set(row.id, figures)));
    }
    return null;
  };

  const showTip = (cell: HTMLElement) => {
    const id = Number(cell.closest("tr")?.dataset.inspection);
    const row = rowsById.get(id);
    if (!row) return;
    tipCell.current = cell;
    const rect = cell.getBoundingClientRect();
    const above = rect.bottom + 160 > window.innerHeight;
    setTip({
      ...tipFor(row, Number(cell.dataset.c), columns, figuresOf(row)),
      top: above ? rect.top - 6 : rect.bottom + 6,
      left: Math.max(8, Math.min(rect.left, window.innerWidth - 296)),
      above,
    });
  };

  // Scrolling moves the cell: follow it while it has focus, otherwise hide the tooltip.
  const onScroll = useCallback(() => {
    measureWindowRef.current();
    const cell = tipCell.current;
    if (cell && cell === document.activeElement) showTipRef.current(cell);
    else setTip(null);
  }, []);
  const measureWindowRef = useRef(measureWindow);
  measureWindowRef.current = measureWindow;
  const showTipRef = useRef(showTip);
  showTipRef.current = showTip;
  // Figures that arrived for the cell whose tooltip is showing: show them.
  const tipShown = tip !== null;
  useEffect(() => {
    if (tipShown && tipCell.current?.isConnected) showTipRef.current(tipCell.current);
  }, [fetchedFigures, tipShown]);
  useEffect(() => {
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => window.removeEventListener("scroll", onScroll);
  }, [onScroll]);

  const onFocus = (event: React.FocusEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>("[data-cell]");
    if (!cell || !tableRef.current) return;
    for (const el of tableRef.current.querySelectorAll<HTMLElement>('[data-cell][tabindex="0"]')) if (el !== cell) el.tabIndex = -1;
    cell.tabIndex = 0;
    cell.setAttribute("aria-describedby", "heatmap-tip");
    showTip(cell);
  };

  // The first cell is the way into the grid from the Tab key.
  useEffect(() => {
    const table = tableRef.current;
    if (!table) return;
    const current = table.querySelector<HTMLElement>('[data-cell][tabindex="0"]');
    if (current) return;
    table.querySelector<HTMLElement>("tr[data-service] > [data-cell]")?.setAttribute("tabindex", "0");
  }, [shown]);

  const yearOptions = props.years ? Array.from({ length: props.years.max - props.years.min + 1 }, (_, i) => props.years!.min + i) : [];
  const compareHref = `/compare?services=${selected.join(",")}`;
  const canCompare = selected.length >= MIN_COMPARED && selected.length <= MAX_COMPARED;
  const select = "rounded border border-gray-700 bg-white px-2 py-1.5";

  return (
    <div className="space-y-4" data-heatmap={mode} data-interactive={interactive ? "" : undefined}>
      <form
        className="grid grid-cols-1 gap-3 rounded border border-gray-300 bg-gray-50 p-3 sm:grid-cols-2 lg:grid-cols-4"
        aria-label="Filter and sort the heatmap"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="flex flex-col">
          <label htmlFor="hm-nation" className="text-sm font-semibold">Nation</label>
          <select id="hm-nation" className={select} value={params.region ? "" : (params.nation ?? "")} onChange={(e) => update({ nation: (e.target.value || null) as HeatmapParams["nation"], region: null })}>
            <option value="">England and Wales</option>
            <option value="ENGLAND">England</option>
            <option value="WALES">Wales</option>
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="hm-region" className="text-sm font-semibold">English region</label>
          <select id="hm-region" className={select} value={params.region ?? ""} onChange={(e) => update({ region: e.target.value || null, nation: e.target.value ? "ENGLAND" : params.nation })}>
            <option value="">All regions</option>
            {props.regions.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="hm-framework" className="text-sm font-semibold">Framework</label>
          <select id="hm-framework" className={select} value={params.framework ?? ""} onChange={(e) => update({ framework: e.target.value || null })}>
            <option value="">Any framework</option>
            {FRAMEWORK_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="hm-kind" className="text-sm font-semibold">Kind of inspection</label>
          <select id="hm-kind" className={select} value={params.kind ?? ""} onChange={(e) => update({ kind: (e.target.value || null) as HeatmapParams["kind"] })}>
            <option value="">Any kind</option>
            {KIND_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
        </div>
        <fieldset className="flex gap-2">
          <legend className="text-sm font-semibold">Published between</legend>
          <label htmlFor="hm-from" className="sr-only">From year</label>
          <select id="hm-from" className={select} value={params.from ?? ""} onChange={(e) => update({ from: e.target.value ? Number(e.target.value) : null })}>
            <option value="">Earliest</option>
            {yearOptions.map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
          <span className="self-center" aria-hidden="true">and</span>
          <label htmlFor="hm-to" className="sr-only">To year</label>
          <select id="hm-to" className={select} value={params.to ?? ""} onChange={(e) => update({ to: e.target.value ? Number(e.target.value) : null })}>
            <option value="">Latest</option>
            {yearOptions.map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </fieldset>
        <div className="flex flex-col">
          <label htmlFor="hm-basis" className="text-sm font-semibold">Which inspections</label>
          <select id="hm-basis" className={select} value={params.basis} onChange={(e) => update({ basis: e.target.value === "all" ? "all" : "latest" })}>
            <option value="latest">Latest of each service</option>
            <option value="all">Every inspection</option>
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="hm-sort" className="text-sm font-semibold">Sort by</label>
          <select id="hm-sort" className={select} value={params.sort} onChange={(e) => update({ sort: e.target.value as SortKey, dir: defaultDirection(e.target.value as SortKey) })}>
            <option value="name">Service name</option>
            <option value="overall">Overall rating</option>
            <option value="score">Score</option>
            <option value="published">Publication date</option>
            {columns.map((c) => (
              <option key={c.code} value={`std:${c.code}`}>{c.label}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="hm-dir" className="text-sm font-semibold">Order</label>
          <select id="hm-dir" className={select} value={params.dir} onChange={(e) => update({ dir: e.target.value === "asc" ? "asc" : "desc" })}>
            <option value="asc">{params.sort === "name" ? "A to Z" : params.sort === "published" ? "Oldest first" : "Lowest first"}</option>
            <option value="desc">{params.sort === "name" ? "Z to A" : params.sort === "published" ? "Newest first" : "Best first"}</option>
          </select>
        </div>
        <p className="sm:col-span-2 lg:col-span-4">
          <button type="button" className="text-brand underline" onClick={() => update({ ...DEFAULT_HEATMAP_PARAMS })}>
            Clear filters and sort
          </button>
        </p>
      </form>

      <p role="status" aria-live="polite" className="font-semibold" data-testid="heatmap-count">
        {pending
          ? "Updating…"
          : total === 0
            ? "No inspections match these filters."
            : `Showing ${mode === "server" ? `${first.toLocaleString("en-GB")}–${last.toLocaleString("en-GB")} of ` : ""}${total.toLocaleString("en-GB")} ${
                params.basis === "latest" ? (total === 1 ? "service" : "services") : total === 1 ? "inspection" : "inspections"
              }${params.basis === "latest" ? ", each at its latest inspection matching the filters" : ""}.`}
      </p>
      {(params.from !== null || params.to !== null) && (
        <p className="text-sm text-gray-700">Inspections whose publication date is not recorded are left out while a year range is set.</p>
      )}

      <div className="flex flex-wrap items-center gap-3 rounded border border-gray-300 p-2" data-testid="compare-bar">
        <span>
          {selected.length === 0
            ? `Tick ${MIN_COMPARED} to ${MAX_COMPARED} services to compare them.`
            : `${selected.length} chosen to compare${selected.length > MAX_COMPARED ? `: at most ${MAX_COMPARED} can be compared` : ""}.`}
        </span>
        {canCompare ? (
          <Link href={compareHref} className="rounded border border-gray-900 bg-brand px-3 py-1 font-semibold text-white! no-underline">
            Compare {selected.length} services
          </Link>
        ) : (
          <span className="rounded border border-gray-400 px-3 py-1 text-gray-600" aria-disabled="true">
            Compare
          </span>
        )}
        {selected.length > 0 && (
          <button type="button" className="text-brand underline" onClick={() => setSelected([])}>
            Clear choices
          </button>
        )}
      </div>

      <p className="text-sm text-gray-700">
        Each cell shows the rating&apos;s letters: O Outstanding, G Good, RI Requires improvement, I Inadequate; a hatched cell
        with a dash was not recorded; “n/a” marks a standard that is not part of that inspection&apos;s framework. Use the arrow
        keys to move between cells; each cell&apos;s details appear beside it.
      </p>

      <div ref={scrollRef} data-heatmap-scroll="" className="relative max-h-[75vh] overflow-auto rounded border border-gray-400" onScroll={onScroll}>
        <table
          ref={tableRef}
          className="table-fixed border-separate border-spacing-0 text-sm [--service-column:9rem] sm:[--service-column:13rem]"
          style={{ width: `calc(var(--service-column) + ${2 * WIDE_COLUMN_REM + columns.length * COLUMN_REM}rem)` }}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onBlur={() => setTip(null)}
          onMouseOver={(e) => {
            const cell = (e.target as HTMLElement).closest<HTMLElement>("[data-cell]");
            if (cell) showTip(cell);
          }}
          onMouseLeave={() => {
            tipCell.current = null;
            setTip(null);
          }}
          aria-rowcount={(mode === "server" ? total : shown.length) + HEADER_ROWS}
        >
          <caption className="sr-only">
            Ratings of each service (rows) on each standard (columns). {total} rows match the filters.
          </caption>
          <colgroup>
            <col style={{ width: "var(--service-column)" }} />
            <col style={{ width: `${WIDE_COLUMN_REM}rem` }} />
            <col style={{ width: `${WIDE_COLUMN_REM}rem` }} />
            {columns.map((c) => (
              <col key={c.code} style={{ width: `${COLUMN_REM}rem` }} />
            ))}
          </colgroup>
          <thead className="sticky top-0 z-20 bg-white">
            <tr>
              <th scope="col" rowSpan={2} className="sticky left-0 z-30 border border-gray-300 bg-white px-2 text-left align-bottom">
                <SortButton sortKey="name" params={params} update={update} label="Service">
                  Service
                </SortButton>
              </th>
              <th scope="col" rowSpan={2} className="border border-gray-300 bg-white align-bottom text-xs" aria-sort={params.sort === "overall" ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
                <SortButton sortKey="overall" params={params} update={update} label="Overall rating">
                  Overall
                </SortButton>
              </th>
              <th scope="col" rowSpan={2} className="border border-gray-300 bg-white align-bottom text-xs" aria-sort={params.sort === "score" ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
                <SortButton sortKey="score" params={params} update={update} label="Score out of 36">
                  Score
                </SortButton>
              </th>
              {grouped.map((g) => (
                <th
                  key={g.number}
                  scope="colgroup"
                  colSpan={g.count}
                  title={`${g.number}. ${g.name}`}
                  className="overflow-hidden border border-gray-300 bg-gray-100 px-1 text-xs font-semibold [overflow-wrap:anywhere]"
                >
                  {/* A one-column domain (4. Resettlement) is too narrow for its name, which broke letter by letter: its number only, the name for screen readers and on hover. */}
                  {g.count > 1 ? (
                    `${g.number}. ${g.name}`
                  ) : (
                    <>
                      {g.number}.<span className="sr-only"> {g.name}</span>
                    </>
                  )}
                </th>
              ))}
            </tr>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.code}
                  scope="col"
                  title={c.fullLabel}
                  className="border border-gray-300 bg-white text-xs"
                  aria-sort={params.sort === `std:${c.code}` ? (params.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  <SortButton sortKey={`std:${c.code}`} params={params} update={update} label={c.fullLabel}>
                    {c.code}
                  </SortButton>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="bg-gray-50" data-summary="" aria-rowindex={HEADER_ROWS}>
              <th scope="row" className="sticky left-0 z-10 border border-gray-300 bg-gray-50 px-2 py-1 text-left align-top text-xs font-semibold">
                Ratings in each column, as shares of n rated (counts below 5); 2018/2021 standards only
              </th>
              <td className="border border-gray-300 px-1 text-center align-top text-[11px] text-gray-700">
                <span aria-hidden="true">see overview</span>
                <span className="sr-only">Overall ratings are summarised on the overview page</span>
              </td>
              <td className="border border-gray-300" />
              {columns.map((c) => (
                <SummaryCell key={c.code} distribution={summary[c.code]} />
              ))}
            </tr>
            <tr ref={topSpacerRef} aria-hidden="true" data-spacer="top">
              <td colSpan={columns.length + 3} className="p-0" style={{ height: Math.min(windowStart, shown.length) * rowHeight }} />
            </tr>
            {windowRows.map((row, i) => (
              <HeatmapRowView
                // Keyed by position: a sort or a filter refills the same rows in place (far cheaper than
                // new ones), and rows still in view after a scroll keep their nodes, and their focus.
                key={Math.min(windowStart, shown.length) + i}
                row={row}
                rowIndex={(mode === "server" ? first - 1 : 0) + Math.min(windowStart, shown.length) + i + HEADER_ROWS + 1}
                columns={columns}
                checked={selected.includes(row.slug)}
                onToggle={toggle}
              />
            ))}
            <tr aria-hidden="true" data-spacer="bottom">
              <td colSpan={columns.length + 3} className="p-0" style={{ height: (shown.length - windowEnd) * rowHeight }} />
            </tr>
          </tbody>
        </table>
      </div>

      {tip && (
        <div
          id="heatmap-tip"
          role="tooltip"
          className="pointer-events-none fixed z-50 w-72 rounded border border-gray-900 bg-white p-2 text-sm shadow-lg"
          style={{ top: tip.top, left: tip.left, transform: tip.above ? "translateY(-100%)" : undefined }}
        >
          <p className="font-semibold">{tip.title}</p>
          {tip.lines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      )}
      {!tip && <div id="heatmap-tip" hidden />}

      {mode === "server" && pages > 1 && (
        <nav aria-label="Pages of the heatmap" className="flex flex-wrap items-center gap-3">
          <button type="button" className="rounded border border-gray-700 px-3 py-1 disabled:opacity-50" disabled={params.page <= 1} onClick={() => update({ page: params.page - 1 })}>
            Previous page
          </button>
          <span>
            Page {params.page} of {pages}
          </span>
          <button type="button" className="rounded border border-gray-700 px-3 py-1 disabled:opacity-50" disabled={params.page >= pages} onClick={() => update({ page: params.page + 1 })}>
            Next page
          </button>
        </nav>
      )}
    </div>
  );
}
