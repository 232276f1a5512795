import type { Metadata } from "next";
import Link from "next/link";
import { Prose } from "@/components/content/Prose";
import { coverage } from "@/lib/queries/coverage";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "About the data",
  description: "Where the inspection ratings on this site come from, how complete they are, how they are checked, and how to report an error.",
};

const programmeNames: Record<string, string> = {
  STANDARDS_2018_2021: "2018 and 2021 standards",
  PROGRAMME_2025: "2025 inspection programme",
};

const year = (d: Date | null) => (d ? d.getUTCFullYear() : "unknown");

export default async function AboutDataPage() {
  const c = await coverage();
  return (
    <Prose>
      <h1 className="text-3xl font-bold">About the data</h1>

      <h2 id="sources">Where it comes from</h2>
      <p>
        Every rating, score, date and percentage on this site was published by HM Inspectorate of Probation, in its
        inspection reports, press releases and ratings tables. Where we could not find the inspectorate&apos;s own
        publication, a figure comes from a council or news report of it, and the record says so. Each inspection keeps the
        links it was taken from, and every page that shows its figures links to them: {c.sourceLinks} distinct source links
        in all.
      </p>
      <p>
        The list of services is the Youth Justice Board&apos;s standardised list of youth justice services, updated for the
        split of Cumbria into Cumberland and Westmorland and Furness.
      </p>

      <h2 id="coverage">What it covers</h2>
      <ul>
        <li>
          {c.currentServices} current youth justice services in England and Wales, and {c.formerServices} former service
          {c.formerServices === 1 ? "" : "s"} kept with {c.formerServices === 1 ? "its" : "their"} inspections.
        </li>
        <li>
          {c.inspections} published inspections of {c.servicesWithInspection} services, published between{" "}
          {year(c.earliestPublication)} and {year(c.latestPublication)}:{" "}
          {c.byProgramme.map((p, i) => (
            <span key={p.programme}>
              {i > 0 ? "; " : ""}
              {p.inspections} under the {programmeNames[p.programme] ?? p.programme}
            </span>
          ))}
          .
        </li>
        <li>
          Standard by standard: {c.withAllCountingStandards} inspections have every counting standard&apos;s rating,{" "}
          {c.withSomeStandards} have some, and {c.withOverallOnly} have only the overall rating.
        </li>
        <li>{c.withScore} have a score out of 36.</li>
        <li>{c.withKeyQuestions} have key-question percentages.</li>
        <li>{c.withExactPublicationDate} have an exact publication date; for the others we know the month, the year, or nothing.</li>
      </ul>
      <p>
        Where a figure was not published or not found, the site says &ldquo;not recorded&rdquo;. It never fills a gap with a
        guess, a zero or a rating.
      </p>

      <h2 id="checks">How it is checked</h2>
      <p>
        Before anything is loaded, every inspection is checked against the rating rules: a published score must equal the sum
        of its standards when all are known (and be reachable when some are not), the overall rating must match its score,
        percentages must lie between 0 and 100, and fieldwork must come before publication. A record that fails is not loaded
        unless the discrepancy is one the inspectorate itself published, in which case the record carries a note saying so.
        See <Link href="/about/ratings">what the ratings mean</Link> for the rules and how sure we are of each.
      </p>

      <h2 id="licence">Licence</h2>
      <p>
        Contains public sector information licensed under the{" "}
        <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>.
        Some publication dates, scores and standard ratings were first gathered by the data-to-insight project&apos;s scrape of
        inspection reports (MIT licence, copyright 2025 data-to-insight); the records that use it say so. You may reuse the
        data on the same terms, with the same attribution.
      </p>

      <h2 id="errors">Reporting an error</h2>
      <p>
        If a figure here differs from the inspectorate&apos;s report, please tell us, with the service, the figure and a link to
        the report: open an issue in this project&apos;s public code repository. Corrections are checked against the published
        report before they are made, and each change is recorded.
      </p>
    </Prose>
  );
}
