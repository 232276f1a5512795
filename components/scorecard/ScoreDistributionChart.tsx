import { ratingColours } from "@/components/rating/palette";
import { ratingAbbreviation, ratingLabel } from "@/lib/domain/rating";
import type { Comparison, FrameworkRules, ScoreDistribution } from "@/lib/queries/scorecard";
import { scoreHeadline } from "./scorecard-text";

const COLUMN = 10;
const HEIGHT = 90;
const TOP = 16;

/** Light tints of the rating colours behind each band, so the columns stay readable. */
const BAND_TINT: Record<string, string> = {
  OUTSTANDING: "#dbe3f1",
  GOOD: "#e3eefa",
  REQUIRES_IMPROVEMENT: "#fdf3d8",
  INADEQUATE: "#f4e1d8",
};

function Histogram({
  d,
  score,
  max,
  bands,
  titleId,
}: {
  d: ScoreDistribution;
  score: number;
  max: number;
  bands: FrameworkRules["scoreBands"];
  titleId: string;
}) {
  const width = (max + 1) * COLUMN;
  const tallest = Math.max(1, ...d.counts.map((c) => c.n));
  return (
    <svg
      viewBox={`0 0 ${width} ${TOP + HEIGHT + 24}`}
      className="score-histogram h-auto w-full max-w-2xl"
      role="group"
      aria-labelledby={titleId}
    >
      {bands.map((b) => (
        <g key={b.rating}>
          <rect
            x={b.minScore * COLUMN}
            y={TOP}
            width={(b.maxScore - b.minScore + 1) * COLUMN}
            height={HEIGHT}
            fill={BAND_TINT[b.rating]}
            className="print-exact"
          />
          <text x={((b.minScore + b.maxScore + 1) / 2) * COLUMN} y={TOP - 4} textAnchor="middle" fontSize="9" fontWeight="bold" aria-hidden="true">
            {ratingAbbreviation(b.rating)} {b.minScore}–{b.maxScore}
          </text>
          <line x1={b.minScore * COLUMN} x2={b.minScore * COLUMN} y1={TOP} y2={TOP + HEIGHT} stroke={ratingColours[b.rating].fill} strokeWidth="0.5" />
        </g>
      ))}
      {d.counts.map((c) => {
        const h = (c.n / tallest) * (HEIGHT - 12);
        const own = c.score === score;
        return (
          <g key={c.score}>
            {c.n > 0 && (
              <>
                <rect
                  x={c.score * COLUMN + 1}
                  y={TOP + HEIGHT - h}
                  width={COLUMN - 2}
                  height={h}
                  fill={own ? "#000" : "#6b7280"}
                  className="print-exact"
                  role="img"
                  aria-label={`Score ${c.score}: ${c.n} ${c.n === 1 ? "service" : "services"}${own ? ", this service's score" : ""}`}
                />
                <text aria-hidden="true" x={c.score * COLUMN + COLUMN / 2} y={TOP + HEIGHT - h - 2} textAnchor="middle" fontSize="7">
                  {c.n}
                </text>
              </>
            )}
            {own && (
              <text aria-hidden="true" x={c.score * COLUMN + COLUMN / 2} y={TOP + HEIGHT + 20} textAnchor="middle" fontSize="8" fontWeight="bold">
                ▲ this service ({score})
              </text>
            )}
          </g>
        );
      })}
      <line x1="0" x2={width} y1={TOP + HEIGHT} y2={TOP + HEIGHT} stroke="#111" strokeWidth="1" />
      {[0, 10, 20, 30, max].map((tick) => (
        <text aria-hidden="true" key={tick} x={tick * COLUMN + COLUMN / 2} y={TOP + HEIGHT + 9} textAnchor="middle" fontSize="7">
          {tick}
        </text>
      ))}
    </svg>
  );
}

/** The service's score against the distribution of scores nationally and in its region. */
export function ScoreDistributionChart({
  comparison,
  bands,
  minimum,
  csvHref,
  serviceCounted,
}: {
  comparison: Comparison;
  bands: FrameworkRules["scoreBands"];
  minimum: number;
  csvHref: string;
  serviceCounted: boolean;
}) {
  const result = comparison.score;
  if (!result) return null;
  const drawn = result.levels.filter((d) => d.enough);
  const scoresShown = [...new Set(drawn.flatMap((d) => d.counts.filter((c) => c.n > 0).map((c) => c.score)).concat(result.score))].sort(
    (a, b) => a - b,
  );
  return (
    <div className="score-distribution space-y-3">
      <h3 className="text-lg font-bold">Score</h3>
      <p className="text-sm text-gray-700">
        Scores out of {result.max} of each current service&apos;s latest published inspection under {comparison.programmeLabel}{" "}
        where the score is recorded{serviceCounted ? " (this service included)" : " (this former service not counted)"}. Columns show how many services had each score; the shaded
        bands are the overall-rating bands ({bands.map((b) => `${ratingLabel(b.rating)} ${b.minScore}–${b.maxScore}`).join(", ")}).
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        {result.levels.map((d) => (
          <figure key={d.level} className="space-y-1" data-level={d.level}>
            <figcaption id={`score-${d.level}`} className="font-semibold">
              {scoreHeadline(result.score, result.max, d, minimum, serviceCounted)}
            </figcaption>
            {d.enough && <Histogram d={d} score={result.score} max={result.max} bands={bands} titleId={`score-${d.level}`} />}
          </figure>
        ))}
      </div>
      {drawn.length > 0 && (
        <details className="print-hide">
          <summary className="cursor-pointer">Show the numbers behind the columns</summary>
          <table className="mt-2 border-collapse text-left text-sm tabular-nums">
            <caption className="sr-only">Number of services with each score</caption>
            <thead>
              <tr className="border-b-2 border-gray-800">
                <th scope="col" className="pr-4">Score</th>
                {drawn.map((d) => (
                  <th key={d.level} scope="col" className="pr-4 text-right">
                    Services in {d.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {scoresShown.map((value) => (
                <tr key={value} className="border-b border-gray-200">
                  <th scope="row" className="pr-4 font-normal">
                    {value}
                    {value === result.score ? " (this service)" : ""}
                  </th>
                  {drawn.map((d) => (
                    <td key={d.level} className="pr-4 text-right">
                      {d.counts.find((c) => c.score === value)?.n ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-sm">Scores not listed were held by no service.</p>
        </details>
      )}
      <p className="print-hide text-sm">
        <a href={csvHref} download>
          Download the score counts (CSV)
        </a>
      </p>
    </div>
  );
}
