import Link from "next/link";
import { RatingBadge } from "@/components/rating/RatingBadge";
import { nationLabel } from "@/lib/domain/inspection-kind";
import type { Scorecard } from "@/lib/queries/scorecard";
import { PrintButton } from "./PrintButton";
import { ScoreBandScale } from "./ScoreBandScale";
import { fieldworkPhrase, inspectionTitle, publishedPhrase, recordedSentence } from "./scorecard-text";

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function ServiceLinks({ links }: { links: Scorecard["service"]["successors"] }) {
  return (
    <>
      {links.map((l, index) => (
        <span key={l.slug}>
          {index > 0 && (index === links.length - 1 ? " and " : ", ")}
          <Link href={`/services/${l.slug}`}>{l.name}</Link>
        </span>
      ))}
    </>
  );
}

/** Name, area, successions, and the latest inspection's rating with its date. */
export function ScorecardHeader({ card }: { card: Scorecard }) {
  const { service, latest } = card;
  return (
    <header className="space-y-4">
      <div className="space-y-1">
        <p className="text-sm font-semibold uppercase tracking-wide text-gray-700">Youth justice service scorecard</p>
        <h1 className="text-3xl font-bold">{service.name}</h1>
        <p>
          {nationLabel(service.nation)}
          {service.region ? `, ${service.region}` : ""}.{" "}
          {service.localAuthorities.length > 0 && (
            <>
              Covers {service.localAuthorities.length === 1 ? "the local authority of" : "the local authorities of"}{" "}
              {joinNames(service.localAuthorities)}.
            </>
          )}
        </p>
        {!service.current && service.successors.length > 0 && (
          <p className="rounded border-l-4 border-gray-700 bg-gray-50 px-3 py-2">
            This is a former service. Its area is now served by <ServiceLinks links={service.successors} />.
          </p>
        )}
        {service.predecessors.length > 0 && (
          <p className="rounded border-l-4 border-gray-700 bg-gray-50 px-3 py-2">
            This service&apos;s area was formerly served by <ServiceLinks links={service.predecessors} />, which was inspected
            separately: see {service.predecessors.length === 1 ? "its scorecard" : "their scorecards"}.
          </p>
        )}
      </div>

      {latest ? (
        <section aria-labelledby="latest-heading" className="latest-box rounded border-2 border-gray-800 p-4">
          <h2 id="latest-heading" className="text-xl font-bold">
            Latest inspection
          </h2>
          <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2" data-testid="latest-rating">
            <span className="font-semibold">Overall rating</span>
            <RatingBadge rating={latest.overallRating} size="lg" />
            {latest.score !== null ? (
              <span className="text-2xl font-bold tabular-nums" data-testid="latest-score">
                {latest.score} / {latest.scoreMax ?? 36}
              </span>
            ) : latest.framework.scored ? (
              <span className="text-gray-700">Score not recorded</span>
            ) : null}
            <span className="text-lg" data-testid="latest-published">
              {publishedPhrase(latest)}
            </span>
          </div>
          <p className="mt-2">
            {inspectionTitle(latest)}: {latest.framework.name}
            {latest.frameworkConfirmed || /not confirmed/.test(latest.framework.name) ? "" : " (the sources do not confirm the framework)"}
            {fieldworkPhrase(latest) ? `; ${fieldworkPhrase(latest)}` : "; fieldwork date not recorded"}.
            {latest.serviceNameAtInspection !== service.name && <> Inspected as {latest.serviceNameAtInspection}.</>}
          </p>
          <p className="mt-1">
            {recordedSentence(latest)}{" "}
            <a href={`#sources-${latest.id}`}>
              Sources of these figures ({latest.sourceUrls.length})
            </a>
          </p>
          {latest.discrepancyNote && (
            <p className="mt-1 text-sm">
              <strong>Note:</strong> {latest.discrepancyNote}
            </p>
          )}
          {latest.score !== null && latest.framework.scoreBands.length > 0 && (
            <div className="mt-3 max-w-xl">
              <ScoreBandScale score={latest.score} max={latest.scoreMax ?? 36} bands={latest.framework.scoreBands} />
            </div>
          )}
          {card.newerThematic.length > 0 && (
            <p className="mt-2">
              A later thematic inspection ({publishedPhrase(card.newerThematic[0]!)}) is listed in the history; thematic
              inspections are not rated.
            </p>
          )}
        </section>
      ) : (
        <section aria-labelledby="latest-heading" className="latest-box rounded border-2 border-gray-800 p-4">
          <h2 id="latest-heading" className="text-xl font-bold">
            Not inspected in our records
          </h2>
          <p className="mt-2">
            No published inspection of this service is recorded in our data yet, so there is no rating, score or
            comparison to show. Our records are incomplete: this does not mean the service has never been inspected.
          </p>
        </section>
      )}

      <nav aria-label="Scorecard actions" className="print-hide flex flex-wrap items-center gap-3">
        <PrintButton />
        <a href={`/services/${service.slug}/data.csv`} download>
          Download data (CSV)
        </a>
        <a href={`/services/${service.slug}/data.json`} download>
          Download data (JSON)
        </a>
        {latest && <Link href={`/compare?services=${service.slug}`}>Compare with other services</Link>}
      </nav>
    </header>
  );
}
