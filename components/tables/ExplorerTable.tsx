// The services explorer's table (TanStack Table v9), drawn on the server. The
// server filters, sorts and pages (the URL holds that state); TanStack builds
// the header groups, rows and cells of the page it is given and says which
// column it is sorted by. Nothing of it is sent to the browser: the one part
// that runs there is the comparison selection (CompareSelection), whose
// checkboxes are plain form fields here.
import Link from "next/link";
import { constructTable, createColumnHelper, rowSortingFeature, tableFeatures, type SortingState } from "@tanstack/react-table";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import { columnsInView, type ExplorerColumn } from "@/components/explorer/columns";
import { COMPARE_FORM_ID, CompareBar, SelectAllBox } from "@/components/explorer/CompareSelection";
import { RatingKey } from "@/components/glossary/RatingKey";
import { RatingBadge } from "@/components/rating/RatingBadge";
import { sortHref, type ExplorerState } from "@/lib/api/explorer-url";
import type { ExplorerRow } from "@/lib/queries/explorer";

// A table built once per request on the server, so its state needs no React
// reactivity: TanStack's own store bindings (the same core useTable wraps).
const features = tableFeatures({ coreReactivityFeature: storeReactivityBindings(), rowSortingFeature });
const helper = createColumnHelper<typeof features, ExplorerRow>();

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
  const inView = columnsInView(state.cols);
  const byId = new Map(inView.map((c) => [c.id, c]));
  const columns = helper.columns([
    helper.display({ id: "select", header: "select" }),
    ...inView.map((column) =>
      helper.accessor((row) => column.text(row), { id: column.id, header: column.header, enableSorting: column.sortKey !== null }),
    ),
  ]);
  const sorting: SortingState = [{ id: state.sort === "name" ? "name" : state.sort, desc: state.dir === "desc" }];
  const table = constructTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.slug,
    manualSorting: true,
    state: { sorting },
    // Sorting happens on the server: the header links change the URL.
    onSortingChange: () => {},
  });

  return (
    <div className="space-y-3">
      <CompareBar />
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
                  const heading = header.column.id === "select" ? <SelectAllBox /> : column?.header;
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
                          {heading}
                          <span aria-hidden="true" className="ml-1 inline-block w-3">
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                          <span className="sr-only">
                            {sorted ? `, sorted ${sorted === "asc" ? "ascending" : "descending"}; ` : ", "}select to sort
                          </span>
                        </Link>
                      ) : (
                        heading
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
                  if (!column) {
                    return (
                      <td key={cell.id} className="px-2 py-2" data-column={cell.column.id}>
                        {/* A field of the comparison form (CompareSelection), which works without JavaScript. */}
                        <input
                          type="checkbox"
                          name="services"
                          value={row.original.slug}
                          form={COMPARE_FORM_ID}
                          aria-label={`Select ${row.original.name} to compare`}
                          className="h-4 w-4"
                        />
                      </td>
                    );
                  }
                  const text = column.text(row.original) ?? "";
                  return column.kind === "service" ? (
                    <th key={cell.id} scope="row" className="sticky left-0 z-[1] min-w-32 bg-inherit px-2 py-2 text-left font-normal" data-export={text} data-column={cell.column.id}>
                      <Cell column={column} row={row.original} />
                    </th>
                  ) : (
                    <td key={cell.id} className="px-2 py-2" data-export={text} data-column={cell.column.id}>
                      <Cell column={column} row={row.original} />
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
