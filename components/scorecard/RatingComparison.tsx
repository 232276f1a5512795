import Link from "next/link";
import { RatingBadge } from "@/components/rating/RatingBadge";
import { ratingColours } from "@/components/rating/palette";
import { RATINGS, ratingAbbreviation, ratingLabel, type Rating } from "@/lib/domain/rating";
import type { Comparison, ComparisonRow, ComparisonScope, RatingDistribution } from "@/lib/queries/scorecard";
import { comparisonHeadline, plural, shareCell } from "./scorecard-text";

function scopeSentence(scope: ComparisonScope): string {
  const parts = scope.frameworks.map((f) => `${f.n} under ${f.code}`);
  return `${plural(scope.n, "inspection")} in ${scope.label}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}`;
}

/** The share of each rating as one bar, letters on segments wide enough; the service's own rating outlined. */
function DistributionBar({ counts, n, own }: { counts: Record<Rating, number>; n: number; own: Rating | null }) {
  return (
    <div className="distribution-bar flex h-4 w-full overflow-hidden rounded-sm border border-gray-600" aria-hidden="true">
      {RATINGS.filter((r) => counts[r] > 0).map((r) => {
        const share = (counts[r] / n) * 100;
        return (
          <div
            key={r}
            className="print-exact flex items-center justify-center text-[0.65rem] font-bold"
            style={{
              width: `${share}%`,
              backgroundColor: ratingColours[r].fill,
              color: ratingColours[r].text,
              boxShadow: r === own ? "inset 0 0 0 2px #000, inset 0 0 0 3px #fff" : undefined,
            }}
          >
            {share >= 12 ? ratingAbbreviation(r) : ""}
          </div>
        );
      })}
    </div>
  );
}

/** Every count drawn in the bar, in words for screen readers and letters on screen and paper. */
function Counts({ counts }: { counts: Record<Rating, number> }) {
  return (
    <span className="rating-counts block text-xs tabular-nums text-gray-700">
      {RATINGS.map((r, index) => (
        <span key={r} className="whitespace-nowrap">
          {index > 0 && <span aria-hidden="true"> · </span>}
          <span aria-hidden="true">{ratingAbbreviation(r)}</span>
          <span className="sr-only">{index > 0 ? ", " : ""}{ratingLabel(r)}</span> {counts[r]}
        </span>
      ))}
    </span>
  );
}

function DistributionCell({ d, row }: { d: RatingDistribution; row: ComparisonRow }) {
  return (
    <td role="cell" className="py-1 pr-3 align-top max-sm:block max-sm:py-0.5" data-level={d.level}>
      <span className="block text-sm font-semibold text-gray-700 sm:hidden">Services in {d.label}</span>
      {d.counts && <DistributionBar counts={d.counts} n={d.n} own={row.rating} />}
      <span className="rating-share block text-sm">{shareCell(d, row.rating)}</span>
      {d.counts && <Counts counts={d.counts} />}
    </td>
  );
}

/** How many services hold each rating, nationally and in the region, for the overall rating and each recorded standard. */
export function RatingComparison({
  comparison,
  minimum,
  csvHref,
  serviceCounted,
}: {
  comparison: Comparison;
  minimum: number;
  csvHref: string;
  /** False for a former service, which the counts leave out. */
  serviceCounted: boolean;
}) {
  const rows = [comparison.overall, ...comparison.standards];
  const levels = comparison.overall.levels;
  return (
    <div className="space-y-3">
      <h3 className="text-lg font-bold">Ratings</h3>
      <p className="font-semibold">{comparisonHeadline(comparison.overall, minimum, serviceCounted)}</p>
      <p className="text-sm text-gray-700">
        Counted: each current service&apos;s latest published inspection under {comparison.programmeLabel} (
        {comparison.scopes.map(scopeSentence).join("; ")}), {serviceCounted ? "this service included" : "not this former service"}. Other programmes, former services and
        thematic inspections are left out, and no share is given from fewer than {minimum} services. Each bar outlines this
        service&apos;s rating; the figures under it count the services with each rating (O Outstanding, G Good, RI Requires
        improvement, I Inadequate).
      </p>
      <table role="table" className="w-full border-collapse text-left max-sm:block">
        <caption className="sr-only">
          Each rating of this service, with how many services hold each rating in {levels.map((l) => l.label).join(" and ")}
        </caption>
        <thead role="rowgroup" className="max-sm:sr-only">
          <tr role="row" className="border-b-2 border-gray-800 text-sm">
            <th role="columnheader" scope="col" className="w-[30%] py-1 pr-3">
              This service
            </th>
            {levels.map((l) => (
              <th role="columnheader" key={l.level} scope="col" className="py-1 pr-3">
                Services in {l.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="max-sm:block">
          {rows.map((row) => (
            <tr
              role="row"
              key={row.code ?? "overall"}
              className="border-b border-gray-200 max-sm:block max-sm:py-2"
              data-compare={row.code ?? "overall"}
            >
              <th role="rowheader" scope="row" className="py-1 pr-3 align-top font-normal max-sm:block">
                {row.code ? (
                  <>
                    <Link href={`/standards/${row.code}`} className="font-semibold">
                      {row.code}
                    </Link>{" "}
                    {row.name}
                  </>
                ) : (
                  <strong>{row.name}</strong>
                )}{" "}
                <RatingBadge rating={row.rating} size="sm" />
              </th>
              {row.levels.map((d) => (
                <DistributionCell key={d.level} d={d} row={row} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {comparison.notCompared.length > 0 && (
        <p className="text-sm">
          Not compared, because this service&apos;s rating is not recorded:{" "}
          {comparison.notCompared.map((s) => `${s.code} ${s.name}`).join("; ")}.
        </p>
      )}
      <p className="print-hide text-sm">
        <a href={csvHref} download>
          Download these counts (CSV)
        </a>
      </p>
    </div>
  );
}
