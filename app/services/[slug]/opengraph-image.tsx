// The scorecard's social preview (1200 × 630 PNG): the service's name and its
// latest PUBLISHED inspection (overall rating as letters and word, score, date),
// read with the same public query as the page, so a draft or an embargoed
// inspection never appears in it. Drawn with next/og's bundled font: no font is
// downloaded.
import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { ratingColours } from "@/components/rating/palette";
import { publishedPhrase } from "@/components/scorecard/scorecard-text";
import { ratingAbbreviation, ratingLabel } from "@/lib/domain/rating";
import { serviceScorecard } from "@/lib/queries/scorecard";

export const alt = "The service's latest published inspection: overall rating, score and date of publication";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const dynamic = "force-dynamic";

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const card = await serviceScorecard((await params).slug);
  if (!card) notFound();
  const latest = card.latest;
  const rating = latest?.overallRating ?? null;
  const colours = rating ? ratingColours[rating] : { fill: "#f3f4f6", text: "#111827" };
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", background: "#ffffff", color: "#111827", padding: 64, borderTop: "24px solid #1d4f91" }}>
        <div style={{ display: "flex", flexDirection: "column" }}>
          <div style={{ fontSize: 30, color: "#374151" }}>Youth justice inspection outcomes</div>
          <div style={{ fontSize: 64, fontWeight: 700, marginTop: 16, lineHeight: 1.1 }}>{card.service.name}</div>
        </div>
        {latest ? (
          <div style={{ display: "flex", flexDirection: "column" }}>
            <div style={{ fontSize: 30 }}>Latest published inspection: overall rating</div>
            <div style={{ display: "flex", alignItems: "center", marginTop: 16 }}>
              <div style={{ display: "flex", alignItems: "center", background: colours.fill, color: colours.text, border: "3px solid #111827", borderRadius: 12, padding: "12px 28px", fontSize: 60, fontWeight: 700 }}>
                {rating ? `${ratingAbbreviation(rating)} · ${ratingLabel(rating)}` : "– Not recorded"}
              </div>
              <div style={{ fontSize: 48, marginLeft: 36 }}>
                {latest.score !== null ? `Score ${latest.score} out of ${latest.scoreMax ?? 36}` : latest.frameworkScored ? "Score not recorded" : "Not scored"}
              </div>
            </div>
            <div style={{ fontSize: 30, marginTop: 20, color: "#374151" }}>{`${publishedPhrase(latest)} · ${latest.frameworkName}`}</div>
          </div>
        ) : (
          <div style={{ fontSize: 40 }}>Not inspected in our records</div>
        )}
        <div style={{ fontSize: 24, color: "#374151" }}>Ratings by HM Inspectorate of Probation · Open Government Licence v3.0</div>
      </div>
    ),
    size,
  );
}
