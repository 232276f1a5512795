import type { Metadata } from "next";
import Link from "next/link";
import { KeyQuestionFigures, ScoresTable, StandardsGrid } from "@/components/national/CompareFigures";
import { compareServices, MAX_COMPARED, MIN_COMPARED, parseCompareSlugs } from "@/lib/queries/compare";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare services" };

function Problem({ children }: { children: React.ReactNode }) {
  return (
    <div role="alert" className="space-y-2 rounded border-l-4 border-inadequate bg-amber-50 p-4" data-testid="compare-problem">
      {children}
    </div>
  );
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const asked = (await searchParams).services;
  const request = parseCompareSlugs(asked);
  const comparison = request.problem ? null : await compareServices(request.slugs);
  const compared = comparison?.services ?? [];
  const enough = compared.length >= MIN_COMPARED;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">Compare services</h1>
        <p className="max-w-3xl">
          {MIN_COMPARED} to {MAX_COMPARED} services side by side: their latest published inspection, each standard&apos;s rating
          and the key-question figures. Choose services on the <Link href="/heatmap">heatmap</Link> and press “Compare”, or add{" "}
          <code>?services=</code> and their names as in their page addresses, separated by commas.
        </p>
      </div>

      {request.problem && asked === undefined && (
        <p className="rounded border border-gray-300 bg-gray-50 p-4">
          No services chosen yet. <Link href="/heatmap">Choose services on the heatmap</Link>.
        </p>
      )}
      {request.problem && asked !== undefined && (
        <Problem>
          <p className="font-semibold">These services cannot be compared.</p>
          <p>{request.problem}</p>
          <p>
            <Link href="/heatmap">Choose services on the heatmap</Link>
          </p>
        </Problem>
      )}
      {comparison && comparison.unknown.length > 0 && (
        <Problem>
          <p className="font-semibold">
            {comparison.unknown.length === 1 ? "One service was not found" : `${comparison.unknown.length} services were not found`}:{" "}
            {comparison.unknown.map((s) => `“${s}”`).join(", ")}.
          </p>
          <p>
            Check the names in the address (the <code>services=</code> part): they are the last part of each service page&apos;s
            address, such as <code>wiltshire</code>.{" "}
            {enough ? "The services that were found are compared below." : `At least ${MIN_COMPARED} known services are needed to compare.`}
          </p>
        </Problem>
      )}

      {comparison && enough && (
        <>
          <section aria-labelledby="scores-heading" className="space-y-3">
            <h2 id="scores-heading" className="text-2xl font-bold">
              Latest inspection and score
            </h2>
            <ScoresTable c={comparison} />
          </section>
          <section aria-labelledby="grid-heading" className="space-y-3">
            <h2 id="grid-heading" className="text-2xl font-bold">
              Standards side by side
            </h2>
            <p className="max-w-3xl">
              From each service&apos;s latest inspection under the 2018/2021 standards (its date is under the name). The 2025
              programme rates against different standards, which are not recorded here.
            </p>
            <StandardsGrid c={comparison} />
          </section>
          <section aria-labelledby="kq-heading" className="space-y-3">
            <h2 id="kq-heading" className="text-2xl font-bold">
              Key questions
            </h2>
            <KeyQuestionFigures c={comparison} />
          </section>
        </>
      )}
    </div>
  );
}
