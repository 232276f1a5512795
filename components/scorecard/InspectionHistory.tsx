import Link from "next/link";
import { RatingBadge } from "@/components/rating/RatingBadge";
import { ratingLabel } from "@/lib/domain/rating";
import type { InspectionSummary, Scorecard } from "@/lib/queries/scorecard";
import { changeWords, fieldworkPhrase, inspectionTitle, publishedPhrase, signed } from "./scorecard-text";

const ARROWS = { better: "▲", worse: "▼", same: "▶" } as const;

function Change({ i }: { i: InspectionSummary }) {
  if (i.kind === "THEMATIC") return <span className="text-gray-700">not rated</span>;
  if (!i.change) return <span className="text-gray-700">first in our records</span>;
  const { rating, score } = i.change;
  return (
    <span className="space-y-0.5">
      {rating ? (
        <span className="block">
          <span aria-hidden="true">{ARROWS[rating.direction]} </span>
          {changeWords(rating.direction)}: {ratingLabel(rating.from)} to {ratingLabel(rating.to)}
        </span>
      ) : (
        <span className="block text-gray-700">Rating change not known (a rating is not recorded)</span>
      )}
      {score ? (
        <span className="block tabular-nums">
          Score {signed(score.difference)} ({score.from} to {score.to})
        </span>
      ) : i.change.acrossProgrammes ? (
        <span className="block text-gray-700">Different frameworks: only the overall rating compares</span>
      ) : i.frameworkScored ? (
        <span className="block text-gray-700">Score change not known</span>
      ) : null}
    </span>
  );
}

/** Every inspection of the service, newest first. */
export function InspectionHistory({ card }: { card: Scorecard }) {
  const { history, service } = card;
  return (
    <section aria-labelledby="history-heading" className="space-y-3" id="history">
      <h2 id="history-heading" className="text-2xl font-bold">
        Inspection history
      </h2>
      {history.length === 0 ? (
        <p>No inspection of this service is recorded in our data.</p>
      ) : (
        <>
          <p className="text-sm text-gray-700">
            {history.length === 1 ? "The one inspection" : `All ${history.length} inspections`} of this service in our
            records, newest first. The change is from the rated inspection before; scores are compared only within the
            same standards. Thematic inspections are listed without ratings.
          </p>
          <table role="table" className="w-full border-collapse text-left text-sm max-sm:block">
            <caption className="sr-only">Inspections of {service.name}, newest first</caption>
            <thead role="rowgroup" className="max-sm:sr-only">
              <tr role="row" className="border-b-2 border-gray-800">
                <th role="columnheader" scope="col" className="py-1 pr-3">Published</th>
                <th role="columnheader" scope="col" className="py-1 pr-3">Inspection</th>
                <th role="columnheader" scope="col" className="py-1 pr-3">Overall rating</th>
                <th role="columnheader" scope="col" className="py-1 pr-3">Score</th>
                <th role="columnheader" scope="col" className="py-1 pr-3">Change</th>
                <th role="columnheader" scope="col" className="print-hide py-1 pr-3">Sources</th>
              </tr>
            </thead>
            <tbody role="rowgroup" className="max-sm:block">
              {history.map((i) => (
                <tr role="row" key={i.id} className="border-b border-gray-200 align-top max-sm:block max-sm:py-2" data-inspection={i.id}>
                  <th role="rowheader" scope="row" className="py-1.5 pr-3 font-normal max-sm:block max-sm:py-0.5 max-sm:font-semibold">
                    <span className="sm:hidden">Published </span>
                    {publishedPhrase(i).replace(/^published /, "")}
                  </th>
                  <td role="cell" className="py-1.5 pr-3 max-sm:block max-sm:py-0.5">
                    <span className="block font-semibold">{inspectionTitle(i)}</span>
                    <span className="block">As {i.serviceNameAtInspection}</span>
                    <span className="block text-gray-700">
                      {i.frameworkName}
                      {i.frameworkConfirmed || /not confirmed/.test(i.frameworkName) ? "" : " (not confirmed)"}
                      {fieldworkPhrase(i) ? `; ${fieldworkPhrase(i)}` : ""}
                    </span>
                  </td>
                  <td role="cell" className="py-1.5 pr-3 max-sm:block max-sm:py-0.5">
                    <span className="sm:hidden">Overall rating: </span>
                    {i.kind === "THEMATIC" ? <span>Not rated (thematic)</span> : <RatingBadge rating={i.overallRating} size="sm" />}
                  </td>
                  <td role="cell" className="py-1.5 pr-3 tabular-nums max-sm:block max-sm:py-0.5">
                    <span className="sm:hidden">Score: </span>
                    {i.kind === "THEMATIC" ? (
                      "–"
                    ) : i.score !== null ? (
                      `${i.score} / ${i.scoreMax ?? 36}`
                    ) : (
                      <span className="text-gray-700">{i.frameworkScored ? "not recorded" : "not scored"}</span>
                    )}
                  </td>
                  <td role="cell" className="py-1.5 pr-3 max-sm:block max-sm:py-0.5">
                    <Change i={i} />
                  </td>
                  <td role="cell" className="print-hide py-1.5 pr-3 max-sm:block max-sm:py-0.5">
                    <a href={`#sources-${i.id}`}>{i.sourceUrls.length === 1 ? "1 source" : `${i.sourceUrls.length} sources`}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {service.successors.length > 0 && (
        <p>
          After this service ended, its area was inspected as{" "}
          {service.successors.map((s, index) => (
            <span key={s.slug}>
              {index > 0 && (index === service.successors.length - 1 ? " and " : ", ")}
              <Link href={`/services/${s.slug}`}>{s.name}</Link>
            </span>
          ))}
          .
        </p>
      )}
      {service.predecessors.length > 0 && (
        <p>
          Earlier inspections of this area are on the scorecard of the former{" "}
          {service.predecessors.map((s, index) => (
            <span key={s.slug}>
              {index > 0 && ", "}
              <Link href={`/services/${s.slug}`}>{s.name}</Link>
            </span>
          ))}
          .
        </p>
      )}
    </section>
  );
}
