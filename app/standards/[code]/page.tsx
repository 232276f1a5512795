import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AreaFilterFields, FilterForm } from "@/components/national/FilterForm";
import {
  ByFrameworkFigure,
  ByYearFigure,
  KeyQuestionDistributionFigure,
  LowFiguresTable,
} from "@/components/national/StandardFigures";
import { standardLabel } from "@/components/national/standard-label";
import { keyQuestionAreaLabel } from "@/lib/domain/frameworks";
import { areaPhrase, areaQuery, parseAreaFilters } from "@/lib/queries/national-filters";
import { LOW_FIGURE, publishedStandardView, type StandardDefinitionView } from "@/lib/queries/standards";
import { BandLists } from "./band-lists";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const CODE = /^[1-9]\.[1-9]$/;

async function load(props: Props) {
  const code = decodeURIComponent((await props.params).code);
  if (!CODE.test(code)) return null;
  const filters = parseAreaFilters(await props.searchParams);
  return publishedStandardView(code, filters);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const code = decodeURIComponent((await props.params).code);
  return { title: CODE.test(code) ? `Standard ${code}` : "Standard not found" };
}

/** Frameworks that word the standard the same way share one entry. */
function groupDefinitions(definitions: StandardDefinitionView[]) {
  const groups: { frameworks: string[]; def: StandardDefinitionView }[] = [];
  for (const def of definitions) {
    const same = groups.find(
      (g) => g.def.name === def.name && g.def.statement === def.statement && g.def.statementConfirmed === def.statementConfirmed,
    );
    if (same) same.frameworks.push(def.frameworkName);
    else groups.push({ frameworks: [def.frameworkName], def });
  }
  return groups;
}

export default async function StandardPage(props: Props) {
  const view = await load(props);
  if (!view) notFound();
  const { info, filters } = view;
  const query = areaQuery(filters).toString();
  const title = standardLabel(info);
  const keyQuestions = view.definitions[0]?.keyQuestions ?? [];

  return (
    <article className="space-y-8">
      <div className="space-y-2">
        <p>
          <Link href="/standards">All standards</Link>
        </p>
        <h1 className="text-3xl font-bold">{title}</h1>
        <p>
          Domain {info.domainNumber}, {info.domainName}.{" "}
          {info.countsTowardOverall ? "Counts toward the overall rating." : "Rated on its own; does not count toward the overall rating."}{" "}
          {info.caseBased ? "Judged from a sample of cases." : "Judged from the organisation's evidence."}
        </p>
      </div>

      <section aria-labelledby="asks" className="space-y-3">
        <h2 id="asks" className="text-2xl font-bold">
          What it asks
        </h2>
        {groupDefinitions(view.definitions).map(({ frameworks, def }) => (
          <div key={def.frameworkCode} className="space-y-1 border-l-4 border-brand pl-3">
            <p className="text-sm font-semibold">
              {frameworks.join("; ")}: {def.name}
            </p>
            {def.statement ? (
              <p>
                {def.statement}{" "}
                <span className="text-sm text-gray-700">
                  ({def.statementConfirmed ? "our paraphrase; its gist is confirmed by a source" : "our paraphrase; the wording is not confirmed by a source"})
                </span>
              </p>
            ) : (
              <p className="text-gray-700">Not recorded: the sources do not say which version of the standard was used.</p>
            )}
          </div>
        ))}
        {keyQuestions.length > 0 && (
          <div className="space-y-1">
            <h3 className="text-lg font-bold">Key questions</h3>
            <ul className="list-disc pl-6">
              {keyQuestions.map((k) => (
                <li key={k.area}>
                  <span className="font-semibold">{keyQuestionAreaLabel(k.area)}:</span> {k.text}
                </li>
              ))}
            </ul>
            <p className="text-sm text-gray-700">
              Our paraphrases. The rating of a case-based standard is driven by the lowest of its three figures.
            </p>
          </div>
        )}
      </section>

      <FilterForm key={query} action={`/standards/${info.code}`} label={`Filter standard ${info.code}`}>
        <AreaFilterFields filters={filters} />
      </FilterForm>
      <p className="text-sm text-gray-700" data-testid="standard-counts">
        {view.inspections} inspections {areaPhrase(filters)} are counted; {view.overall.rated} have a rating for {info.code} and{" "}
        {view.overall.notRecorded} do not.
      </p>

      <section aria-labelledby="by-framework-heading" className="space-y-3">
        <h2 id="by-framework-heading" className="text-2xl font-bold">
          Ratings by framework
        </h2>
        <ByFrameworkFigure v={view} />
      </section>

      <section aria-labelledby="by-year-heading" className="space-y-3">
        <h2 id="by-year-heading" className="text-2xl font-bold">
          Ratings by year of publication
        </h2>
        <ByYearFigure v={view} />
      </section>

      <section aria-labelledby="bands-heading" className="space-y-3">
        <h2 id="bands-heading" className="text-2xl font-bold">
          Services in each rating band
        </h2>
        <BandLists v={view} />
      </section>

      {view.keyQuestions && (
        <section aria-labelledby="kq-heading" className="space-y-3">
          <h2 id="kq-heading" className="text-2xl font-bold">
            Key questions
          </h2>
          <KeyQuestionDistributionFigure v={view} />
          <h3 className="text-lg font-bold">Services with a key question below {LOW_FIGURE}%</h3>
          <LowFiguresTable v={view} />
        </section>
      )}
    </article>
  );
}
