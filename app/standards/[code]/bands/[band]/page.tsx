// /standards/<code>/bands/<band>: every inspection in one rating band of a
// standard, BAND_PAGE_SIZE a page, in the standard page's order. The standard
// page lists the first SERVICES_PER_BAND of each band and links here for the rest.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { standardLabel } from "@/components/national/standard-label";
import { ratingLabel } from "@/lib/domain/rating";
import { areaPhrase, areaQuery, param, parseAreaFilters } from "@/lib/queries/national-filters";
import { BAND_PAGE_SIZE, bandOfSlug, standardBand } from "@/lib/queries/standards";
import { BandEntryList, bandHref } from "../../band-lists";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ code: string; band: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const CODE = /^[1-9]\.[1-9]$/;

/** A whole page number from the URL; anything else is the first page. */
function pageOf(text: string): number {
  return /^[1-9][0-9]{0,5}$/.test(text) ? Number(text) : 1;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { code, band } = await props.params;
  const decoded = decodeURIComponent(code);
  const which = bandOfSlug(band);
  if (!CODE.test(decoded) || !which) return { title: "Not found" };
  return { title: `Standard ${decoded}: ${which.rating ? ratingLabel(which.rating) : "not recorded"}` };
}

export default async function StandardBandPage(props: Props) {
  const { code: rawCode, band } = await props.params;
  const code = decodeURIComponent(rawCode);
  const which = bandOfSlug(band);
  if (!CODE.test(code) || !which) notFound();
  const searchParams = await props.searchParams;
  const filters = parseAreaFilters(searchParams);
  const view = await standardBand(code, filters, which.rating, pageOf(param(searchParams, "page")));
  if (!view) notFound();
  const query = areaQuery(filters).toString();
  const title = view.rating ? `Rated ${ratingLabel(view.rating)}` : "Rating not recorded";
  const first = (view.page - 1) * BAND_PAGE_SIZE + 1;
  const pageHref = (page: number) => {
    const href = bandHref(view.info.code, view.rating, filters);
    return `${href}${href.includes("?") ? "&" : "?"}page=${page}`;
  };

  return (
    <article className="space-y-6">
      <p>
        <Link href={`/standards/${view.info.code}${query ? `?${query}` : ""}`}>Back to {standardLabel(view.info)}</Link>
      </p>
      <h1 className="text-3xl font-bold">
        {standardLabel(view.info)}: {view.rating ? `rated ${ratingLabel(view.rating)}` : "rating not recorded"}
      </h1>
      <p data-testid="band-count">
        {view.total} {view.total === 1 ? "inspection" : "inspections"} {areaPhrase(filters)}
        {filters.basis === "latest" ? " (each service's latest under the 2018/2021 standards)" : ""}{" "}
        {view.rating ? `rated ${ratingLabel(view.rating)}` : "with no rating recorded"} for {view.info.code}, by name.
        {view.pageCount > 1 && view.entries.length > 0 && ` This is ${first}–${first + view.entries.length - 1}.`}
      </p>
      {view.entries.length === 0 ? (
        <p className="text-gray-700">{view.total === 0 ? "None." : "This page is past the end of the list."}</p>
      ) : (
        <section aria-label={`${title} for ${view.info.code}`} data-testid="band-entries">
          <BandEntryList entries={view.entries} />
        </section>
      )}
      {view.pageCount > 1 && (
        <nav aria-label="Pages" className="flex gap-4">
          {view.page > 1 && <Link href={pageHref(Math.min(view.page - 1, view.pageCount))}>Previous page</Link>}
          <span>
            Page {view.page} of {view.pageCount}
          </span>
          {view.page < view.pageCount && <Link href={pageHref(view.page + 1)}>Next page</Link>}
        </nav>
      )}
    </article>
  );
}
