import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-gray-300 bg-gray-50 text-sm text-gray-700">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-6">
        <nav aria-label="About this site">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li><Link href="/about/ratings">What the ratings mean</Link></li>
            <li><Link href="/about/data">About the data</Link></li>
            <li><Link href="/accessibility">Accessibility statement</Link></li>
          </ul>
        </nav>
        <p>
          Ratings and figures are those published by HM Inspectorate of Probation, with each record&apos;s sources
          linked beside it. Where a figure was not published or not found, this site says &ldquo;not recorded&rdquo;.
        </p>
        <p>
          Contains public sector information licensed under the{" "}
          <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>.
          This dashboard is an independent open-source project, not a publication of the inspectorate.
        </p>
      </div>
    </footer>
  );
}
