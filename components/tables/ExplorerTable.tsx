"use client";
// The services explorer's table (TanStack Table v9). The server filters, sorts
// and pages (the URL holds that state); the table renders the page it is given,
// shows which column it is sorted by, and keeps the rows chosen for comparison.
import Link from "next/link";
import { useMemo, useState } from "react";
import {
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import { columnsInView, type ExplorerColumn } from "@/components/explorer/columns";
import { RatingKey } from "@/components/glossary/RatingKey";
import { RatingBadge } from "@/components/rating/RatingBadge";
import { sortHref, type ExplorerState } from "@/lib/api/explorer-url";
import type { ExplorerRow } from "@/lib/queries/explorer";

const features = tableFeatures({ rowSortingFeature, rowSelectionFeature });
const helper = createColumnHelper<typeof features, ExplorerRow>();

/** Services selected for comparison open /compare with at most this many. */
const MAX_COMPARE = 10;

function NotRecorded({ label = "not recorded" }: { label?: string }) {
  return (
    <span className="not-recorded inline-block rounded px-1.5 text-gray-700">
      <span aria-hidden="true">–</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

function Cell({ column, row }: { column: ExplorerColumn; row: ExplorerRow }) {
  const text = column.text(row);
  switch (column.kind) {
    case "service":
      return (
        <>
          <Link href={`/services/${row.slug}`} className="font-semibold">
            {row.name}
          </Link>
          {!row.current && <span className="block text-xs text-gray-700">former service</span>}
        </>
      );
    case "rating":
      if (!row.latest) return column.id === "rating" ? <span className="text-gray-700">No inspection in our records</span> : <NotRecorded />;
      if (column.id !== "rating" && !text) return <NotRecorded />;
      return <RatingBadge rating={column.id === "rating" ? row.latest.overallRating : (row.latest.standards[column.id.slice("standard-".length)] ?? null)} size="sm" explain={false} />;
    case "sources":
      if (!row.latest || row.latest.sourceUrls.length === 0) return <NotRecorded label="no sources" />;
      return (
        <span className="flex gap-2">
          {row.latest.sourceUrls.map((url, i) => (
            <a key={url} href={url} aria-label={`Source ${i + 1} for ${row.name}`} title={url} rel="noreferrer" className="inline-block min-h-6 min-w-6 text-center">
              {i + 1}
            </a>
          ))}
        </span>
      );
    default:
      if (column.id === "region" && row.region === null) {
        return (
          <span className="text-gray-700">
            <span aria-hidden="true">–</span>
            <span className="sr-only">no English region</span>
          </span>
        );
      }
      if (text === null) return <NotRecorded />;
      return <span className={column.kind === "number" ? "tabular-nums" : undefined}>{text}</span>;
  }
}

export function ExplorerTable({
  rows,
  state,
  caption,
}: {
  rows: ExplorerRow[];
  state: ExplorerState;
  caption: string;
}) {
  const columns = useMemo(() => {
    const inView = columnsInView(state.cols);
    return helper.columns([
      helper.display({
        id: "select",
        header: ({ table }) => (
          <input
            type="checkbox"
            aria-label="Select every service on this page to compare"
            className="h-4 w-4"
            checked={table.getIsAllPageRowsSelected()}
            ref={(el) => {
              if (el) el.indeterminate = !table.getIsAllPageRowsSelected() && table.getIsSomePageRowsSelected();
            }}
            onChange={table.getToggleAllPageRowsSelectedHandler()}
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={`Select ${row.original.name} to compare`}
            className="h-4 w-4"
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
          />
        ),
      }),
      ...inView.map((column) =>
        helper.accessor((row) => column.text(row), {
          id: column.id,
          header: column.header,
          enableSorting: column.sortKey !== null,
          cell: ({ row }) => <Cell column={column} row={row.original} />,
        }),
      ),
    ]);
  }, [state.cols]);
  const byId = useMemo(() => new Map(columnsInView(state.cols).map((c) => [c.id, c])), [state.cols]);
  const sorting: SortingState = useMemo(
    () => [{ id: state.sort === "name" ? "name" : state.sort, desc: state.dir === "desc" }],
    [state.sort, state.dir],
  );
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.slug,
    manualSorting: true,
    state: { sorting, rowSelection },
    // Sorting happens on the server: the header links change the URL.
    onSortingChange: () => {},
    onRowSelectionChange: setRowSelection,
  });

  const selected = table.getSelectedRowIds();
  const compareHref = `/compare?services=${selected.slice(0, MAX_COMPARE).join(",")}`;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3" aria-live="polite">
        {selected.length >= 2 ? (
          <Link href={compareHref} className="rounded bg-brand px-3 py-2 font-semibold text-white no-underline">
            Compare {Math.min(selected.length, MAX_COMPARE)} selected services
          </Link>
        ) : (
          <span className="text-gray-700">Tick two or more services to compare them.</span>
        )}
        {selected.length > MAX_COMPARE && <span>Only the first {MAX_COMPARE} are compared.</span>}
        {selected.length > 0 && (
          <button type="button" className="underline" onClick={() => setRowSelection({})}>
            Clear selection ({selected.length})
          </button>
        )}
      </div>
      <RatingKey />
      <div className="max-h-[75vh] overflow-auto rounded border border-gray-300" tabIndex={0} role="region" aria-label={caption}>
        <table className="w-full border-collapse text-left text-sm" data-testid="explorer-table">
          <caption className="sr-only">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = byId.get(header.column.id);
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={`sticky top-0 border-b-2 border-gray-800 bg-white px-2 py-2 align-bottom whitespace-nowrap ${column?.kind === "service" ? "left-0 z-20" : "z-10"}`}
                      data-column={header.column.id}
                    >
                      {column?.sortKey ? (
                        <Link href={sortHref(state, column.sortKey)} className="text-gray-900" title={column.description} scroll={false}>
                          <table.FlexRender header={header} />
                          <span aria-hidden="true" className="ml-1 inline-block w-3">
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                          <span className="sr-only">
                            {sorted ? `, sorted ${sorted === "asc" ? "ascending" : "descending"}; ` : ", "}select to sort
                          </span>
                        </Link>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-service={row.id} className="border-b border-gray-200 bg-white align-top odd:bg-gray-50">
                {row.getAllCells().map((cell) => {
                  const column = byId.get(cell.column.id);
                  const text = column ? (column.text(row.original) ?? "") : undefined;
                  return column?.kind === "service" ? (
                    <th key={cell.id} scope="row" className="sticky left-0 z-[1] min-w-32 bg-inherit px-2 py-2 text-left font-normal" data-export={text} data-column={cell.column.id}>
                      <table.FlexRender cell={cell} />
                    </th>
                  ) : (
                    <td key={cell.id} className="px-2 py-2" data-export={text} data-column={cell.column.id}>
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
