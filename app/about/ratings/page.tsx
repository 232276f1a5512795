import type { Metadata } from "next";
import Link from "next/link";
import { Prose } from "@/components/content/Prose";
import { RatingBadge } from "@/components/rating/RatingBadge";
import { RATINGS, ratingPoints } from "@/lib/domain/rating";

export const metadata: Metadata = {
  title: "What the ratings mean",
  description: "How HM Inspectorate of Probation rates youth justice services, in plain English: standards, the four ratings, scores, key questions and how the framework changed.",
};

const bands = [
  { rating: "OUTSTANDING", range: "31 to 36" },
  { rating: "GOOD", range: "19 to 30" },
  { rating: "REQUIRES_IMPROVEMENT", range: "7 to 18" },
  { rating: "INADEQUATE", range: "0 to 6" },
] as const;

export default function AboutRatingsPage() {
  return (
    <Prose>
      <h1 className="text-3xl font-bold">What the ratings mean</h1>
      <p className="text-lg">
        Every youth justice service in England and Wales is inspected by HM Inspectorate of Probation, an independent
        body. This page explains in plain words what the inspectors look at and how a service ends up with its rating.
      </p>

      <h2 id="what">What is inspected</h2>
      <p>
        A youth justice service (once called a youth offending team) works with children aged 10 to 17 who have
        committed offences. It is run by the local council with the police, health services and probation. Inspectors
        spend time with the service, talk to staff, children and partners, and read a sample of children&apos;s cases.
      </p>

      <h2 id="standards">Domains and standards</h2>
      <p>From 2018 until early 2025, the inspectors judged each service against a set of standards grouped in domains:</p>
      <ul>
        <li>
          <strong>Organisational delivery</strong> (standards 1.1 to 1.4): leadership, staff, partnerships and services, and
          information and facilities.
        </li>
        <li>
          <strong>Court disposals</strong> (2.1 to 2.4): work with children given a sentence by a court: assessment,
          planning, delivering the work, and reviewing it.
        </li>
        <li>
          <strong>Out-of-court disposals</strong> (3.1 to 3.4): work with children dealt with outside court, such as a caution:
          assessment, planning, delivery, and the service&apos;s joint working or (from 2021) its policy and provision for this
          work.
        </li>
        <li>
          <strong>Resettlement</strong> (4.1, from 2021): support for children leaving custody.
        </li>
      </ul>

      <h2 id="ratings">The four ratings</h2>
      <p>Each standard, and the service as a whole, gets one of four ratings. Each rating is worth points:</p>
      <table>
        <caption className="sr-only">The four ratings and their points</caption>
        <thead>
          <tr>
            <th scope="col">Rating</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {RATINGS.map((rating) => (
            <tr key={rating}>
              <td>
                <RatingBadge rating={rating} />
              </td>
              <td>{ratingPoints(rating)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        On this site a rating always shows its word and its letters (O, G, RI, I), not only a colour. Where a rating was
        not published, or we could not find it, the site says <RatingBadge rating={null} size="sm" /> and never treats it as a
        rating or as zero.
      </p>

      <h2 id="score">The score and the overall rating</h2>
      <p>
        The points of the twelve standards in the first three domains add up to a score out of 36. Resettlement (4.1) is
        rated too, but it does <strong>not</strong> count toward the score or the overall rating.
      </p>
      <p>The overall rating follows the score:</p>
      <table>
        <caption className="sr-only">Score ranges for each overall rating</caption>
        <thead>
          <tr>
            <th scope="col">Overall rating</th>
            <th scope="col">Score out of 36</th>
          </tr>
        </thead>
        <tbody>
          {bands.map((b) => (
            <tr key={b.rating}>
              <td>
                <RatingBadge rating={b.rating} />
              </td>
              <td>{b.range}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        We have not found these ranges written down by the inspectorate. We worked them out from published scores and
        ratings, and every one we hold fits them. The line between Requires improvement and Good (18 and 19) is certain;
        no published score of 6, 7 or 30 has been seen, so the other two lines are our best reading.
      </p>

      <h2 id="key-questions">Key questions</h2>
      <p>
        For the standards judged from children&apos;s cases (2.1 to 2.4 and 3.1 to 3.3), inspectors ask three key questions of each
        case: was the work good enough to help the child stop offending (desistance), to keep the child safe, and to keep
        other people safe? The report gives the percentage of cases where the answer was yes.
      </p>
      <p>
        The inspectorate says the lowest of the three percentages drives the standard&apos;s rating. We have not found the exact
        percentages that separate one rating from the next, so this site does not draw those lines. The rating shown is
        always the one the inspectors awarded.
      </p>

      <h2 id="judgement">Judgement</h2>
      <p>
        Ratings are not produced by a formula alone. Inspectors weigh what they found, and a rating can differ from what the
        figures on their own would suggest. In Wiltshire&apos;s 2024 inspection, for example, two standards were rated Good
        although their lowest figure was 63%.
      </p>

      <h2 id="frameworks">How the framework changed</h2>
      <ul>
        <li>
          <strong>2018:</strong> twelve standards, all counting toward the overall rating. Standard 3.4 was about joint working
          between the service and its partners on out-of-court work.
        </li>
        <li>
          <strong>2021:</strong> the standards were refreshed. 3.4 became out-of-court disposal policy and provision, and 4.1
          resettlement was added, rated separately.
        </li>
        <li>
          <strong>2025:</strong> a new programme began, with new standards that put work with children and with victims first,
          including a standard for work with victims. Some inspections look at work with children and victims only; others
          at the whole service. They still give an overall rating on the same four-point scale.
        </li>
      </ul>

      <h2 id="comparing">Why older and newer ratings are not always comparable</h2>
      <p>
        A Good in 2019 and a Good in 2025 were given against different standards, by different methods, and a service
        may have changed a lot since it was inspected. So this site never mixes ratings from the 2025 programme with
        ratings under the 2018 and 2021 standards without saying so, and always shows the date of an inspection next to its
        rating. Compare services inspected under the same framework, at similar times, and read the report for the detail.
      </p>

      <p>
        See also <Link href="/about/data">where the data comes from</Link>.
      </p>
    </Prose>
  );
}
