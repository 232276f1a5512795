import Link from "next/link";
import { AreaFilterFields, FilterForm } from "@/components/national/FilterForm";
import { KeyQuestionsFigure, OverallFigure, RegionsFigure, StandardsFigure, YearsFigure } from "@/components/national/OverviewFigures";
import { PlaceSearchForm } from "@/components/services/PlaceSearchForm";
import { publishedNationalOverview } from "@/lib/queries/national";
import { areaPhrase, areaQuery, parseAreaFilters } from "@/lib/queries/national-filters";

export const dynamic = "force-dynamic";

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = parseAreaFilters(await searchParams);
  const overview = await publishedNationalOverview(filters);
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

      <section aria-labelledby="find-heading" className="max-w-3xl space-y-3 rounded border border-gray-300 bg-gray-50 p-4">
        <h2 id="find-heading" className="text-xl font-bold">
          Find a service
        </h2>
        <PlaceSearchForm id="home-place" />
        <p>
          Or see <Link href="/services">all {overview.services.everywhere.toLocaleString("en-GB")} services</Link> with their latest
          ratings (sort, filter and download them), or the <Link href="/heatmap">heatmap</Link> of every service standard by
          standard.
        </p>
      </section>

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
    </div>
  );
}
