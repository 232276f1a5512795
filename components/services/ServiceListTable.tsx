import Link from "next/link";
import { RatingKey } from "@/components/glossary/RatingKey";
import { RatingBadge } from "@/components/rating/RatingBadge";
import { nationLabel } from "@/lib/domain/inspection-kind";
import { formatPartialDate } from "@/lib/domain/partial-date";
import type { ServiceListRow } from "@/lib/queries/service-list";

/** Every service with its latest published overall rating and when it was published. */
export function ServiceListTable({ rows }: { rows: ServiceListRow[] }) {
  return (
    <>
    <RatingKey />
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Youth justice services and their latest published overall rating">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Youth justice services and their latest published overall rating</caption>
        <thead className="sticky top-0 bg-white">
          <tr className="border-b-2 border-gray-800">
            <th scope="col" className="py-2 pr-3">Service</th>
            <th scope="col" className="py-2 pr-3">Nation and region</th>
            <th scope="col" className="py-2 pr-3">Latest overall rating</th>
            <th scope="col" className="py-2 pr-3">Score</th>
            <th scope="col" className="py-2 pr-3">Published</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const published = row.latest && formatPartialDate(row.latest.publishedOn, row.latest.publishedOnPrecision);
            return (
              <tr key={row.slug} className="border-b border-gray-200 align-top" data-service={row.slug}>
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/services/${row.slug}`}>{row.name}</Link>
                  {!row.current && <span className="ml-1 text-gray-600">(former service)</span>}
                </th>
                <td className="py-2 pr-3">
                  {nationLabel(row.nation)}
                  {row.region ? `, ${row.region}` : ""}
                </td>
                <td className="py-2 pr-3">
                  {row.latest ? <RatingBadge rating={row.latest.overallRating} size="sm" explain={false} /> : <span className="text-gray-700">Not inspected in our records</span>}
                </td>
                <td className="py-2 pr-3 tabular-nums">
                  {row.latest?.score != null ? `${row.latest.score} / ${row.latest.scoreMax ?? 36}` : row.latest ? <span className="text-gray-700">not recorded</span> : ""}
                </td>
                <td className="py-2 pr-3">
                  {row.latest ? published ?? <span className="text-gray-700">date not recorded</span> : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
    </>
  );
}
