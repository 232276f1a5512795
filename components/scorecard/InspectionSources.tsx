import type { Scorecard } from "@/lib/queries/scorecard";
import { inspectionTitle, publishedPhrase } from "./scorecard-text";

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/** Each inspection's sources, with an anchor the figures link to, and the downloads. */
export function InspectionSources({ card, csvHref, jsonHref }: { card: Scorecard; csvHref: string; jsonHref: string }) {
  return (
    <section aria-labelledby="sources-heading" className="sources space-y-3" id="sources">
      <h2 id="sources-heading" className="text-2xl font-bold">
        Sources and data
      </h2>
      {card.history.map((i) => (
        <div key={i.id} id={`sources-${i.id}`} className="space-y-1">
          <h3 className="font-bold">
            {inspectionTitle(i)}, {publishedPhrase(i)}
          </h3>
          {i.sourceUrls.length > 0 ? (
            <ul className="list-disc space-y-0.5 pl-6 text-sm">
              {i.sourceUrls.map((url) => (
                <li key={url} className="break-all">
                  <a href={url}>{url}</a> <span className="print-hide text-gray-700">({hostOf(url)})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">No source is recorded for this inspection.</p>
          )}
          {i.notes && <p className="print-hide text-sm break-words text-gray-700">Notes on this record: {i.notes}</p>}
        </div>
      ))}
      {card.service.sourceUrls.length > 0 && (
        <div className="print-hide space-y-1">
          <h3 className="font-bold">The service&apos;s name and area</h3>
          <ul className="list-disc space-y-0.5 pl-6 text-sm">
            {card.service.sourceUrls.map((url) => (
              <li key={url} className="break-all">
                <a href={url}>{url}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="print-hide">
        This service&apos;s data: <a href={csvHref} download>every inspection (CSV)</a> ·{" "}
        <a href={jsonHref} download>the whole scorecard (JSON)</a>. In the CSV, an empty cell means not recorded.
      </p>
    </section>
  );
}
