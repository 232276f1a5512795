// 100% stacked horizontal bars of ratings, one bar per row, drawn on the server
// as SVG (ChartRows). Each segment has its rating's colour AND its letters (and
// share, where the bar is wide enough: see segmentFit), and a name for screen
// readers; a row with fewer than five ratings is a hatched "too few" bar, never
// a rating. Each row's label opens its counts, n and "not recorded".
import { RATINGS, ratingAbbreviation, ratingLabel, type Rating } from "@/lib/domain/rating";
import type { RatingCounts } from "@/lib/queries/national-distribution";
import { ratingColours } from "@/components/rating/palette";
import { ChartRows, RowLabel, usePageId } from "./ChartRows";
import { TOO_FEW } from "./rating-table";
import { segmentFit } from "./segment-fit";

export type RatingBarDatum = {
  label: string;
  rated: number;
  notRecorded: number;
  counts: RatingCounts;
  shares: RatingCounts | null;
};

/** A segment's name for screen readers, e.g. "1.1 Governance (n=53): Good, 34 of 53 (64%)". */
export function segmentName(d: RatingBarDatum, rating: Rating): string {
  return `${d.label} (n=${d.rated}): ${ratingLabel(rating)}, ${d.counts[rating]} of ${d.rated} (${d.shares?.[rating] ?? 0}%)`;
}

function Segments({ d, shares }: { d: RatingBarDatum; shares: RatingCounts }) {
  let start = 0;
  const drawn = RATINGS.map((rating) => {
    const share = shares[rating];
    const at = start;
    start += share;
    return { rating, share, at };
  }).filter((s) => s.share > 0);
  return (
    <svg className="block h-7 w-full" data-rating-bar="">
      {drawn.map(({ rating, share, at }) => (
        <rect
          key={rating}
          x={`${at}%`}
          y="0.5"
          width={`${share}%`}
          height="27"
          fill={ratingColours[rating].fill}
          stroke="#1f2937"
          strokeWidth="1"
          className="print-exact"
          role="img"
          aria-label={segmentName(d, rating)}
          data-rating={rating}
        >
          {/* The hover detail: the same words as the name. */}
          <title>{segmentName(d, rating)}</title>
        </rect>
      ))}
      {drawn.map(({ rating, share, at }) => {
        const fit = segmentFit(share);
        const text: React.SVGProps<SVGTextElement> = { x: `${at + share / 2}%`, y: "14.5", textAnchor: "middle", dominantBaseline: "central", fill: ratingColours[rating].text, fontSize: 12, fontWeight: 700 };
        return (
          <g key={rating} aria-hidden="true" className="pointer-events-none">
            {fit.letters && (
              <text {...text} data-fit-from={fit.letters} data-fit-until={fit.full ?? undefined}>
                {ratingAbbreviation(rating)}
              </text>
            )}
            {fit.full && (
              <text {...text} data-fit-from={fit.full}>
                {ratingAbbreviation(rating)} {share}%
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

export function RatingBarsChart({
  data,
  label,
  labelWidth = 150,
}: {
  data: RatingBarDatum[];
  /** What the chart shows, for screen readers (the table below has the numbers). */
  label: string;
  labelWidth?: number;
}) {
  const id = usePageId("rating-bars");
  return (
    <ChartRows label={label} labelWidth={labelWidth} unit="%">
      {data.map((d, i) => (
        <div key={i} className="contents" data-chart-row={d.label}>
          <RowLabel id={`${id}-${i}`} text={`${d.label} (n=${d.rated})`} title={d.label}>
            <ul>
              {RATINGS.map((r) => (
                <li key={r}>
                  {ratingLabel(r)}: {d.counts[r]}
                  {d.shares ? ` (${d.shares[r]}%)` : ""}
                </li>
              ))}
            </ul>
            <p>
              n = {d.rated} rated; {d.notRecorded} not recorded{d.shares ? "" : `: ${TOO_FEW}`}
            </p>
          </RowLabel>
          <div className="chart-bar py-0.5">
            {d.shares ? (
              <Segments d={d} shares={d.shares} />
            ) : (
              <p className="not-recorded flex min-h-7 items-center justify-center border border-gray-500 px-1 text-center leading-tight text-gray-900" data-too-few="">
                <span aria-hidden="true">–&nbsp;</span>
                {TOO_FEW}
              </p>
            )}
          </div>
        </div>
      ))}
    </ChartRows>
  );
}
