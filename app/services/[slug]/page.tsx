import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RatingBadge } from "@/components/rating/RatingBadge";
import { inspectionKindLabel, nationLabel } from "@/lib/domain/inspection-kind";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { serviceHeader } from "@/lib/queries/service-header";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const row = await serviceHeader((await params).slug);
  return { title: row ? row.name : "Service not found" };
}

export default async function ServicePage({ params }: { params: Promise<{ slug: string }> }) {
  const row = await serviceHeader((await params).slug);
  if (!row) notFound();
  const latest = row.latest;
  return (
    <article className="space-y-4">
      <h1 className="text-3xl font-bold">{row.name}</h1>
      <p>
        {nationLabel(row.nation)}
        {row.region ? `, ${row.region}` : ""}. Covers {row.localAuthorities.join(", ")}.
      </p>
      {latest ? (
        <section aria-labelledby="latest" className="space-y-2">
          <h2 id="latest" className="text-xl font-bold">Latest published inspection</h2>
          <p>
            {inspectionKindLabel(latest.kind)} under the {latest.frameworkName}; published{" "}
            {formatPartialDate(latest.publishedOn, latest.publishedOnPrecision) ?? "on a date not recorded"}.
          </p>
          <p className="flex items-center gap-3">
            <span>Overall rating:</span> <RatingBadge rating={latest.overallRating} size="lg" />
            {latest.score != null && <span className="text-lg tabular-nums">{`${latest.score} / ${latest.scoreMax ?? 36}`}</span>}
          </p>
        </section>
      ) : (
        <p>This service has no published inspection in our records yet.</p>
      )}
    </article>
  );
}
