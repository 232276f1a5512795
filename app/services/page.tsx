import type { Metadata } from "next";
import Link from "next/link";
import { ColumnChooser } from "@/components/explorer/ColumnChooser";
import { ExplorerFilters } from "@/components/explorer/ExplorerFilters";
import { ExplorerPagination } from "@/components/explorer/ExplorerPagination";
import { ExplorerTable } from "@/components/tables/ExplorerTable";
import { readExplorerParams, type SearchParamsRecord } from "@/lib/api/explorer-parameters";
import { explorerSearch } from "@/lib/api/explorer-url";
import { describeProblems } from "@/lib/api/parameters";
import { explorerPage } from "@/lib/queries/explorer";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Find a service",
  description: "Search every youth justice service in England and Wales by place, filter and sort by rating, and download the data.",
};

export default async function ServicesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { state, query, problems } = readExplorerParams(await searchParams);
  const page = await explorerPage(query);
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.rows.length - 1;
  const download = explorerSearch(state).toString();
  const frameworks = new Map<string, number>();
  for (const row of page.rows) {
    const name = row.latest?.frameworkName ?? "No published inspection in our records";
    frameworks.set(name, (frameworks.get(name) ?? 0) + 1);
  }
  const caption = `Youth justice services ${page.rows.length ? `${first} to ${last}` : "(none)"} of ${page.total}, with their latest published inspection`;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">Find a youth justice service</h1>
        <p className="max-w-3xl text-lg">
          Search by the place you live or work, then compare services and download what you see. Each row shows the
          service&apos;s latest published inspection by HM Inspectorate of Probation.
        </p>
      </div>

      <ExplorerFilters state={state} />

      {problems.length > 0 && (
        <div role="alert" className="rounded border-l-4 border-inadequate bg-amber-50 p-3">
          <h2 className="font-bold">Some of the address was not understood and was left out</h2>
          <p>{describeProblems(problems)}.</p>
        </div>
      )}

      <section aria-labelledby="results-heading" className="space-y-3">
        <h2 id="results-heading" className="text-2xl font-bold">
          {page.total === 0
            ? "No services match"
            : page.rows.length === 0
              ? `Page ${page.page} is past the last page of ${page.total} services`
              : `Services ${first} to ${last} of ${page.total}`}
        </h2>
        {page.total === 0 && state.q ? (
          <p>
            No service covers a place matching &ldquo;{state.q}&rdquo;. Try part of the name, or the council&apos;s name.
          </p>
        ) : null}
        {page.rows.length > 0 && (
          <div className="space-y-1 text-sm text-gray-800">
            <p>
              Latest inspections on this page, by framework:{" "}
              {[...frameworks.entries()].map(([name, n], i) => (
                <span key={name}>
                  {i > 0 ? "; " : ""}
                  {name} (n={n})
                </span>
              ))}
              . Ratings from the 2025 programme are a different framework from the 2018 and 2021 standards: compare them with care.
            </p>
            <p>
              Score and domain columns exist only for the 2018 and 2021 standards. A domain shows the points of its recorded
              standards (Outstanding 3, Good 2, Requires improvement 1, Inadequate 0) out of 3 for each one recorded; a dash
              on a hatched background means not recorded.
            </p>
          </div>
        )}

        <ColumnChooser state={state} />

        <div className="flex flex-wrap gap-4">
          <a href={`/api/explorer/download?format=csv${download ? `&${download}` : ""}`} download>
            Download these rows as CSV
          </a>
          <a href={`/api/explorer/download?format=xlsx${download ? `&${download}` : ""}`} download>
            Download these rows as Excel (XLSX)
          </a>
          <Link href="/api">All the data: the public API</Link>
        </div>

        {page.rows.length > 0 && <ExplorerTable rows={page.rows} state={state} caption={caption} />}
        <ExplorerPagination state={state} pageCount={page.pageCount} />
      </section>
    </div>
  );
}
