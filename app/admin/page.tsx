import type { Metadata } from "next";
import Link from "next/link";
import { RatingBadge } from "@/components/rating/RatingBadge";
import { adminInspectionList } from "@/lib/admin/inspection-list";
import { requirePageUser } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/roles";
import { viewerOf } from "@/lib/auth/session";
import type { InspectionStatus } from "@/lib/auth/visibility";
import { inspectionKindLabel } from "@/lib/domain/inspection-kind";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { StatusTag } from "./_components/StatusTag";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Inspections" };

const FILTERS: { value: InspectionStatus | ""; label: string }[] = [
  { value: "", label: "All" },
  { value: "DRAFT", label: "Drafts" },
  { value: "EMBARGOED", label: "Embargoed" },
  { value: "PUBLISHED", label: "Published" },
];

export default async function AdminHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/admin");
  const params = await searchParams;
  const status = FILTERS.find((f) => f.value !== "" && f.value === params.status)?.value || undefined;
  const rows = await adminInspectionList(viewerOf(user), { status });
  const canEdit = hasPermission(user.role, "inspections.edit");
  const counts = { DRAFT: 0, EMBARGOED: 0, PUBLISHED: 0 };
  for (const r of rows) counts[r.status]++;

  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Inspections</h1>
      {canEdit ? (
        <p>
          Every inspection, unpublished ones first. A draft is seen only by staff; an embargoed inspection is seen by staff and
          by its service&apos;s board members, and becomes public by itself at its embargo time.{" "}
          <Link href="/admin/inspections/new">Record a new inspection</Link>.
        </p>
      ) : (
        <p>
          Your services&apos; inspections that you can read: embargoed results before they are published, and published ones.
          Drafts are not shown until staff embargo or publish them.
        </p>
      )}
      <nav aria-label="Filter by status">
        <ul className="flex flex-wrap gap-3">
          {FILTERS.map((f) => (
            <li key={f.label}>
              <Link href={f.value ? `/admin?status=${f.value}` : "/admin"} aria-current={(status ?? "") === f.value ? "page" : undefined} className="aria-[current=page]:font-bold aria-[current=page]:no-underline">
                {f.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        {rows.length} inspection{rows.length === 1 ? "" : "s"} shown: {counts.DRAFT} draft, {counts.EMBARGOED} embargoed, {counts.PUBLISHED} published.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Inspections with their status, date and overall rating</caption>
          <thead>
            <tr className="border-b-2 border-gray-800">
              <th scope="col" className="p-2">Service</th>
              <th scope="col" className="p-2">Status</th>
              <th scope="col" className="p-2">Published</th>
              <th scope="col" className="p-2">Inspection</th>
              <th scope="col" className="p-2">Overall rating</th>
              <th scope="col" className="p-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-inspection={r.id} className="border-b border-gray-300 align-top">
                <th scope="row" className="p-2 font-semibold">{r.serviceName}</th>
                <td className="p-2"><StatusTag status={r.status} embargoUntil={r.embargoUntil} /></td>
                <td className="p-2">{formatPartialDate(r.publishedOn, r.publishedOnPrecision) ?? <span>not recorded</span>}</td>
                <td className="p-2 text-sm">
                  {inspectionKindLabel(r.kind)}
                  <br />
                  {r.frameworkName}
                </td>
                <td className="p-2">
                  <RatingBadge rating={r.overallRating} size="sm" />
                  {r.score !== null && <span className="ml-2 tabular-nums">{r.score} / {r.scoreMax ?? 36}</span>}
                </td>
                <td className="p-2 whitespace-nowrap">
                  <Link href={`/admin/inspections/${r.id}`}>View<span className="sr-only"> {r.serviceName} inspection {r.id}</span></Link>
                  {canEdit && (
                    <>
                      {" · "}
                      <Link href={`/admin/inspections/${r.id}/edit`}>Edit<span className="sr-only"> {r.serviceName} inspection {r.id}</span></Link>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p>No inspection matches.</p>}
    </div>
  );
}
