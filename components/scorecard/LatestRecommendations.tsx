import type { LatestInspection } from "@/lib/queries/scorecard";
import { publishedPhrase } from "./scorecard-text";

/** The latest inspection's recommendations, where our data records them. */
export function LatestRecommendations({ latest }: { latest: LatestInspection }) {
  return (
    <section aria-labelledby="recommendations-heading" className="space-y-2" id="recommendations">
      <h2 id="recommendations-heading" className="text-2xl font-bold">
        Recommendations
      </h2>
      {latest.recommendations.length > 0 ? (
        <>
          <p className="text-sm text-gray-700">
            The {latest.recommendations.length} recommendations of the latest inspection ({publishedPhrase(latest)}).
          </p>
          <ol className="list-decimal space-y-1 pl-6">
            {latest.recommendations.map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ol>
        </>
      ) : (
        <p>
          The recommendations of the latest inspection are not recorded in our data. The inspection report, linked in the
          sources below, sets them out.
        </p>
      )}
    </section>
  );
}
