import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DomainRatings } from "@/components/scorecard/DomainRatings";
import { InspectionHistory } from "@/components/scorecard/InspectionHistory";
import { InspectionSources } from "@/components/scorecard/InspectionSources";
import { KeyQuestionFigures } from "@/components/scorecard/KeyQuestionFigures";
import { LatestRecommendations } from "@/components/scorecard/LatestRecommendations";
import { RatingComparison } from "@/components/scorecard/RatingComparison";
import { ScoreDistributionChart } from "@/components/scorecard/ScoreDistributionChart";
import { ScorecardHeader } from "@/components/scorecard/ScorecardHeader";
import { publishedPhrase } from "@/components/scorecard/scorecard-text";
import { nationLabel } from "@/lib/domain/inspection-kind";
import { ratingLabel } from "@/lib/domain/rating";
import { serviceScorecard } from "@/lib/queries/scorecard";

export const dynamic = "force-dynamic";

/** One read per request, shared by the metadata and the page. */
const scorecardFor = cache((slug: string) => serviceScorecard(slug));

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const card = await scorecardFor((await params).slug);
  if (!card) return { title: "Service not found" };
  const latest = card.latest;
  const summary = latest
    ? `${latest.overallRating ? ratingLabel(latest.overallRating) : "Rating not recorded"}${latest.score !== null ? `, ${latest.score} / ${latest.scoreMax ?? 36}` : ""}, ${publishedPhrase(latest)}.`
    : "Not inspected in our records.";
  const title = `${card.service.name}: inspection scorecard`;
  const description = `HM Inspectorate of Probation inspection outcomes for ${card.service.name} youth justice service. Latest: ${summary}`;
  // The preview image is ./opengraph-image.tsx (published results only).
  return { title, description, openGraph: { title, description, type: "website" }, twitter: { card: "summary_large_image", title, description } };
}

export default async function ServiceScorecardPage({ params }: Props) {
  const { slug } = await params;
  const card = await scorecardFor(slug);
  if (!card) notFound();
  const { latest, comparison, service } = card;
  const base = `/services/${service.slug}`;
  return (
    <article className="scorecard space-y-10">
      <ScorecardHeader card={card} />
      {latest && <DomainRatings latest={latest} />}
      {latest && (
        <KeyQuestionFigures
          latest={latest}
          nation={nationLabel(service.nation)}
          csvHref={`${base}/data.csv?table=key-questions`}
          minimum={card.minimumForComparison}
        />
      )}
      {latest && comparison && (
        <section aria-labelledby="compare-heading" className="space-y-6" id="compare">
          <h2 id="compare-heading" className="text-2xl font-bold">
            How it compares
          </h2>
          <RatingComparison
            comparison={comparison}
            minimum={card.minimumForComparison}
            csvHref={`${base}/data.csv?table=comparison`}
            serviceCounted={service.current}
          />
          {comparison.score ? (
            <ScoreDistributionChart
              comparison={comparison}
              bands={latest.framework.scoreBands}
              minimum={card.minimumForComparison}
              csvHref={`${base}/data.csv?table=score-distribution`}
              serviceCounted={service.current}
            />
          ) : (
            <p>
              {latest.framework.scored
                ? "The score of this inspection is not recorded, so it is not placed among other services' scores."
                : `Inspections under the ${latest.framework.name} are not scored, so there is no score to compare.`}
            </p>
          )}
        </section>
      )}
      <InspectionHistory card={card} />
      {latest && <LatestRecommendations latest={latest} />}
      <InspectionSources card={card} csvHref={`${base}/data.csv`} jsonHref={`${base}/data.json`} />
    </article>
  );
}
