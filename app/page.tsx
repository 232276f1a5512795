import Link from "next/link";
import { AreaFilterFields, FilterForm } from "@/components/national/FilterForm";
import { KeyQuestionsFigure, OverallFigure, RegionsFigure, StandardsFigure, YearsFigure } from "@/components/national/OverviewFigures";
import { ServiceListTable } from "@/components/services/ServiceListTable";
import { nationalOverview } from "@/lib/queries/national";
import { areaPhrase, areaQuery, parseAreaFilters } from "@/lib/queries/national-filters";
import { serviceList } from "@/lib/queries/service-list";

/** Up to this many services, the overview lists them all; beyond, it points to the services page. */
const LISTED_HERE = 500;

export const dynamic = "force-dynamic";

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = parseAreaFilters(await searchParams);
  const overview = await nationalOverview(filters);
  const rows = overview.services.everywhere <= LISTED_HERE ? await serviceList() : null;
  const query = areaQuery(filters).toString();
  const inspections = overview.inspections.STANDARDS_2018_2021 + overview.inspections.PROGRAMME_2025;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">Youth justice inspection outcomes in England and Wales</h1>
        <p className="max-w-3xl text-lg">
          HM Inspectorate of Probation inspects every youth justice service and rates it Outstanding, Good, Requires
          improvement or Inadequate, standard by standard. This page shows where practice is strong or weak, nationally and by
          region, and how it has moved.
        </p>
        <p className="max-w-3xl">
          {overview.services.total} services {areaPhrase(filters)}; {overview.services.inspected} have a published inspection in
          our records. Many reports&apos; standard-level figures were not found, so every chart says how many inspections it
          counts (n), and a figure that was not recorded is never counted as a rating or as zero.
        </p>
      </div>

      <FilterForm key={query} action="/" label="Filter the national overview">
        <AreaFilterFields filters={filters} />
      </FilterForm>
      <p className="text-sm text-gray-700" data-testid="overview-counts">
        Counting {filters.basis === "latest" ? "the latest inspection of each service under each programme" : "every inspection"}:{" "}
        {overview.inspections.STANDARDS_2018_2021} under the 2018/2021 standards and {overview.inspections.PROGRAMME_2025} under
        the 2025 programme ({inspections} in all).
      </p>

      <section aria-labelledby="overall-heading" className="space-y-3">
        <h2 id="overall-heading" className="text-2xl font-bold">
          Overall ratings
        </h2>
        <OverallFigure o={overview} />
      </section>

      <section aria-labelledby="standards-heading" className="space-y-3">
        <h2 id="standards-heading" className="text-2xl font-bold">
          Standard by standard
        </h2>
        <p className="max-w-3xl">
          Each standard&apos;s ratings, in code order. See <Link href="/standards">every standard</Link> for what each asks,
          or the <Link href="/heatmap">heatmap</Link> for every service at once.
        </p>
        <StandardsFigure o={overview} />
      </section>

      <section aria-labelledby="key-questions-heading" className="space-y-3">
        <h2 id="key-questions-heading" className="text-2xl font-bold">
          Key questions: desistance and safety
        </h2>
        <p className="max-w-3xl">
          Each case-based standard is judged on three key questions: does the work support the child&apos;s desistance, keep
          the child safe, and keep other people safe? The figure is the share of inspected cases answered “Yes”.
        </p>
        <KeyQuestionsFigure o={overview} />
      </section>

      <section aria-labelledby="regions-heading" className="space-y-3">
        <h2 id="regions-heading" className="text-2xl font-bold">
          By region
        </h2>
        <RegionsFigure o={overview} />
      </section>

      <section aria-labelledby="years-heading" className="space-y-3">
        <h2 id="years-heading" className="text-2xl font-bold">
          By year of publication
        </h2>
        <YearsFigure o={overview} />
      </section>

      <section aria-labelledby="all-services" className="space-y-3">
        <h2 id="all-services" className="text-2xl font-bold">
          All services
        </h2>
        {rows ? (
          <>
            <p>
              {rows.filter((r) => r.current).length} current services
              {rows.some((r) => !r.current) ? ` and ${rows.filter((r) => !r.current).length} former service` : ""}, with the latest
              published overall rating of each. <Link href="/heatmap">Compare them standard by standard</Link>, or{" "}
              <Link href="/services">search and filter the full list</Link>.
            </p>
            <ServiceListTable rows={rows} />
          </>
        ) : (
          <p>
            {overview.services.everywhere.toLocaleString("en-GB")} services: too many to list here.{" "}
            <Link href="/services">Search and filter the full list</Link>, or <Link href="/heatmap">see them standard by standard</Link>.
          </p>
        )}
      </section>
    </div>
  );
}
