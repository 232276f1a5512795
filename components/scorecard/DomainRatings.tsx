import Link from "next/link";
import { StandardCode } from "@/components/glossary/StandardCode";
import { RatingBadge } from "@/components/rating/RatingBadge";
import type { LatestInspection, StandardResult } from "@/lib/queries/scorecard";
import { publishedPhrase } from "./scorecard-text";

function StandardsTable({ caption, standards }: { caption: string; standards: StandardResult[] }) {
  return (
    <table className="ratings-table w-full border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-gray-800 text-sm">
          <th scope="col" className="py-1 pr-2">
            Standard
          </th>
          <th scope="col" className="py-1">
            Rating
          </th>
        </tr>
      </thead>
      <tbody>
        {standards.map((s) => (
          <tr key={s.code} className="border-b border-gray-200 align-middle" data-standard={s.code}>
            <th scope="row" className="py-1.5 pr-2 font-normal">
              <StandardCode code={s.code} className="tabular-nums" /> <Link href={`/standards/${s.code}`}>{s.name}</Link>
              {s.caseBased && <span className="sr-only"> (rated from a sample of cases)</span>}
            </th>
            <td className="py-1.5">
              <RatingBadge rating={s.rating} size="sm" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every standard of the latest inspection's framework, in its domain; non-counting standards apart. */
export function DomainRatings({ latest }: { latest: LatestInspection }) {
  const allStandards = [...latest.domains.flatMap((d) => d.standards), ...latest.notCounting];
  const when = publishedPhrase(latest);
  return (
    <section aria-labelledby="ratings-heading" className="space-y-3" id="ratings">
      <h2 id="ratings-heading" className="text-2xl font-bold">
        Ratings by domain
      </h2>
      {allStandards.length === 0 ? (
        <p>
          The {latest.framework.name} has no standards recorded in our data: its reports rate broad areas (such as work
          with children and work with victims) whose list our sources do not confirm. Only the overall rating is shown
          and compared.
          {latest.notes && <> Notes on this record: {latest.notes}</>}
        </p>
      ) : latest.recordedStandards === 0 ? (
        <p>
          None of the {allStandards.length} standard ratings of this inspection is recorded in our sources; only the overall
          rating is known, and no standard&apos;s rating is inferred from it.
        </p>
      ) : (
        <>
          <p className="text-sm text-gray-700">
            The latest inspection ({when}) under the {latest.framework.name}.{" "}
            {latest.recordedStandards < allStandards.length &&
              `${allStandards.length - latest.recordedStandards} of the ${allStandards.length} ratings are not recorded in our sources.`}
          </p>
          <div className="domain-grid grid gap-4 md:grid-cols-3">
            {latest.domains.map((d) => (
              <div key={d.number} className="space-y-1">
                <h3 className="text-lg font-bold">
                  {d.number}. {d.name}
                </h3>
                <StandardsTable caption={`Domain ${d.number}, ${d.name}: rating of each standard`} standards={d.standards} />
              </div>
            ))}
            {latest.notCounting.length > 0 && (
              <div className="not-counting space-y-1 rounded border-2 border-dashed border-gray-600 p-3">
                <h3 className="text-lg font-bold">Rated apart: not counted</h3>
                <p className="text-sm">
                  {latest.notCounting.map((s) => `${s.code} ${s.name.toLowerCase()}`).join(" and ")}{" "}
                  {latest.notCounting.length === 1 ? "is" : "are"} rated on {latest.notCounting.length === 1 ? "its" : "their"} own
                  and {latest.notCounting.length === 1 ? "does" : "do"} not count toward the overall rating or the score.
                </p>
                <StandardsTable caption="Standards rated apart, not counted toward the overall rating" standards={latest.notCounting} />
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}
