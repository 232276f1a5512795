// The standard page's lists of services in each rating band: every band's full
// count, its first SERVICES_PER_BAND entries by name, and, past that bound,
// "and K more" linking to the band's own paged list (./bands/[band]), so the
// page stays the same size however many inspections there are.
import Link from "next/link";
import { RatingBadge } from "@/components/rating/RatingBadge";
import { ratingLabel } from "@/lib/domain/rating";
import { areaQuery } from "@/lib/queries/national-filters";
import { bandSlug, LISTED_WHOLE_UP_TO, SERVICES_PER_BAND, type BandEntry, type StandardView } from "@/lib/queries/standards";

export function BandEntryList({ entries }: { entries: BandEntry[] }) {
  return (
    <ul className="columns-1 text-sm sm:columns-2">
      {entries.map((e) => (
        <li key={e.inspectionId} className="break-inside-avoid py-0.5">
          <Link href={`/services/${e.slug}`}>{e.name}</Link>{" "}
          <span className="text-gray-700">
            ({e.published ?? "date not recorded"}, {e.frameworkCode})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Where a band's whole list is, with the page's area filters and basis. */
export function bandHref(code: string, rating: StandardView["bands"][number]["rating"], filters: StandardView["filters"]): string {
  const query = areaQuery(filters).toString();
  return `/standards/${code}/bands/${bandSlug(rating)}${query ? `?${query}` : ""}`;
}

export function BandLists({ v }: { v: StandardView }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {v.bands.map((band) => {
        const id = `band-${band.rating ?? "not-recorded"}`;
        const title = band.rating ? ratingLabel(band.rating) : "Not recorded";
        const list = <BandEntryList entries={band.entries} />;
        const more = band.total - band.entries.length;
        return (
          <section key={id} aria-labelledby={id} className="space-y-2 rounded border border-gray-300 p-3" data-band={band.rating ?? "NOT_RECORDED"}>
            <h3 id={id} className="flex flex-wrap items-center gap-2 text-lg font-bold">
              <RatingBadge rating={band.rating} size="sm" />
              <span>
                {band.total} {band.total === 1 ? "inspection" : "inspections"}
                <span className="sr-only"> {band.rating ? `rated ${title}` : "with this rating not recorded"}</span>
              </span>
            </h3>
            {band.total === 0 ? (
              <p className="text-sm text-gray-700">None.</p>
            ) : band.rating === null ? (
              <details>
                <summary className="cursor-pointer text-sm font-semibold text-brand">Show the services whose rating for this standard was not recorded</summary>
                {list}
              </details>
            ) : (
              list
            )}
            {more > 0 && (
              <p className="text-sm">
                The first {SERVICES_PER_BAND} by name are listed (a band of up to {LISTED_WHOLE_UP_TO} is listed whole),{" "}
                <Link href={bandHref(v.info.code, band.rating, v.filters)} data-testid="band-more">
                  and {more} more
                  <span className="sr-only"> {band.rating ? `rated ${title}` : "with this rating not recorded"}: see all {band.total}</span>
                </Link>
                .
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
