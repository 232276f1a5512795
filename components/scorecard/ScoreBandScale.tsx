import { ratingColours } from "@/components/rating/palette";
import { ratingAbbreviation, ratingLabel } from "@/lib/domain/rating";
import type { FrameworkRules } from "@/lib/queries/scorecard";

/**
 * A score on its framework's overall-rating bands, e.g. 20 on 0–36 with the
 * Good band 19–30. The bands are drawn with their letters and ranges; the text
 * beside says the same in words.
 */
export function ScoreBandScale({ score, max, bands }: { score: number; max: number; bands: FrameworkRules["scoreBands"] }) {
  const ordered = [...bands].sort((a, b) => a.minScore - b.minScore);
  const span = max + 1;
  const band = ordered.find((b) => score >= b.minScore && score <= b.maxScore);
  return (
    <figure className="score-scale space-y-1" aria-label={`Score ${score} out of ${max}${band ? `, in the ${ratingLabel(band.rating)} band (${band.minScore} to ${band.maxScore})` : ""}`}>
      <div className="relative pt-5" aria-hidden="true">
        <div
          className="absolute top-0 -translate-x-1/2 text-xs font-bold tabular-nums"
          style={{ left: `${((score + 0.5) / span) * 100}%` }}
        >
          ▼{score}
        </div>
        <div className="flex h-6 overflow-hidden rounded border border-gray-800">
          {ordered.map((b) => {
            const colours = ratingColours[b.rating];
            return (
              <div
                key={b.rating}
                className="print-exact flex items-center justify-center border-r border-white text-xs font-semibold last:border-r-0"
                style={{ width: `${((b.maxScore - b.minScore + 1) / span) * 100}%`, backgroundColor: colours.fill, color: colours.text }}
              >
                {ratingAbbreviation(b.rating)}
              </div>
            );
          })}
        </div>
        <div className="relative h-4 text-[0.7rem] tabular-nums text-gray-700">
          {ordered.map((b) => (
            <span key={b.rating} className="absolute" style={{ left: `${(b.minScore / span) * 100}%` }}>
              {b.minScore}
            </span>
          ))}
          <span className="absolute right-0">{max}</span>
        </div>
      </div>
      <figcaption className="text-sm text-gray-700">
        {band ? (
          <>
            {score} / {max} is in the {ratingLabel(band.rating)} band ({band.minScore}–{band.maxScore}).
          </>
        ) : (
          <>
            {score} / {max}.
          </>
        )}{" "}
        <span className="print-hide">
          Bands: {ordered.map((b) => `${ratingLabel(b.rating)} ${b.minScore}–${b.maxScore}`).join(", ")}.{" "}
          {ordered[0]?.confidence === "derived" ? "The bands are derived from published scores; the inspectorate's own table was not found." : ""}
        </span>
      </figcaption>
    </figure>
  );
}
