import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PublicationControls } from "@/app/admin/_components/PublicationControls";
import { StatusTag } from "@/app/admin/_components/StatusTag";
import { StandardCode } from "@/components/glossary/StandardCode";
import { RatingBadge } from "@/components/rating/RatingBadge";
import { adminInspection } from "@/lib/admin/inspection-detail";
import { dateToUkLocal, formatUkDateTime } from "@/lib/admin/uk-time";
import { requirePageUser } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/roles";
import { viewerOf } from "@/lib/auth/session";
import { KEY_QUESTION_AREAS, keyQuestionAreaLabel } from "@/lib/domain/frameworks";
import { inspectionKindLabel } from "@/lib/domain/inspection-kind";
import { formatPartialDate } from "@/lib/domain/partial-date";


export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Inspection" };

export default async function AdminInspectionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const user = await requirePageUser(`/admin/inspections/${id}`);
  const detail = await adminInspection(viewerOf(user), Number(id));
  if (!detail) notFound();
  const saved = (await searchParams).saved === "1";
  const r = detail.record;
  const canEdit = hasPermission(user.role, "inspections.edit");
  const canPublish = hasPermission(user.role, "inspections.publish");
  const defaultEmbargo = detail.embargoUntil ?? new Date(Date.now() + 24 * 60 * 60 * 1000);

  return (
    <article className="space-y-6">
      {saved && <p role="status" className="border-l-4 border-green-900 bg-green-50 p-3 font-semibold">Saved.</p>}
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{detail.serviceName}: {inspectionKindLabel(r.kind).toLowerCase()}</h1>
        <p className="flex flex-wrap items-center gap-3">
          <StatusTag status={detail.status} embargoUntil={detail.embargoUntil} />
          {canEdit && <Link href={`/admin/inspections/${detail.id}/edit`}>Edit this inspection</Link>}
        </p>
        {detail.status === "EMBARGOED" && !canEdit && (
          <p className="border-l-4 border-amber-800 bg-amber-50 p-3">
            Embargoed: you can read this as a member of the service&apos;s board. Do not share it before{" "}
            {detail.embargoUntil ? formatUkDateTime(detail.embargoUntil) : "it is published"}.
          </p>
        )}
        {detail.withdrawnAt && detail.withdrawalReason && canEdit && (
          <p className="text-sm">Withdrawn on {formatUkDateTime(detail.withdrawnAt)}: {detail.withdrawalReason}</p>
        )}
      </div>

      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">Name in the report</dt>
        <dd>{r.serviceNameAtInspection}</dd>
        <dt className="font-bold">Framework</dt>
        <dd>{detail.framework.name}{r.frameworkConfirmed ? "" : " (not confirmed by the sources)"}</dd>
        <dt className="font-bold">Fieldwork started</dt>
        <dd>{formatPartialDate(r.fieldworkStart, r.fieldworkStartPrecision) ?? "not recorded"}</dd>
        <dt className="font-bold">Report published</dt>
        <dd>{formatPartialDate(r.publishedOn, r.publishedOnPrecision) ?? "not recorded"}</dd>
        <dt className="font-bold">Overall rating</dt>
        <dd><RatingBadge rating={r.overallRating} /></dd>
        <dt className="font-bold">Score</dt>
        <dd>{r.score !== null ? `${r.score} / ${r.scoreMax ?? detail.computed.fullScore}` : "not recorded"}{detail.computed.scored && ` (the ratings add up to ${detail.computed.score} of ${detail.computed.fullScore}, with ${detail.computed.ratedCount} of ${detail.computed.countingCount} counting standards rated)`}</dd>
        <dt className="font-bold">Cases inspected</dt>
        <dd>{r.casesInspected ?? "not recorded"}</dd>
        {r.discrepancyNote && (
          <>
            <dt className="font-bold">Discrepancy note</dt>
            <dd>{r.discrepancyNote}</dd>
          </>
        )}
        {r.notes && (
          <>
            <dt className="font-bold">Notes</dt>
            <dd>{r.notes}</dd>
          </>
        )}
      </dl>

      {detail.framework.standards.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="text-left text-xl font-bold">Standards</caption>
            <thead>
              <tr className="border-b-2 border-gray-800 text-sm">
                <th scope="col" className="p-1">Standard</th>
                <th scope="col" className="p-1">Rating</th>
                {KEY_QUESTION_AREAS.map((a) => (
                  <th key={a} scope="col" className="p-1">{keyQuestionAreaLabel(a)} (% yes)</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {detail.framework.standards.map((s) => (
                <tr key={s.code} className="border-b border-gray-300">
                  <th scope="row" className="p-1 font-normal"><StandardCode code={s.code} /> {s.name}</th>
                  <td className="p-1">
                    <RatingBadge rating={r.ratings[s.code] ?? null} size="sm" />
                    {r.panelJudgement.includes(s.code) && <span className="block text-sm">Rated by panel judgement</span>}
                  </td>
                  {KEY_QUESTION_AREAS.map((a) => (
                    <td key={a} className="p-1 tabular-nums">
                      {s.caseBased ? (r.keyQuestions[s.code]?.[a] ?? <span className="text-gray-700">not recorded</span>) : "–"}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="recommendations" className="space-y-2">
        <h2 id="recommendations" className="text-xl font-bold">Recommendations</h2>
        {r.recommendations.length ? (
          <ol className="list-decimal space-y-1 pl-6">
            {r.recommendations.map((text, i) => <li key={i}>{text}</li>)}
          </ol>
        ) : (
          <p>None recorded.</p>
        )}
      </section>

      <section aria-labelledby="sources" className="space-y-2">
        <h2 id="sources" className="text-xl font-bold">Sources</h2>
        {r.sourceUrls.length ? (
          <ul className="list-disc pl-6">{r.sourceUrls.map((u) => <li key={u}><a href={u}>{u}</a></li>)}</ul>
        ) : (
          <p>None recorded.</p>
        )}
      </section>

      {canPublish && (
        <PublicationControls id={detail.id} version={detail.version} status={detail.status} embargoLocal={dateToUkLocal(defaultEmbargo)} />
      )}

      {detail.history && (
        <section aria-labelledby="history" className="space-y-2">
          <h2 id="history" className="text-xl font-bold">History</h2>
          {detail.history.length === 0 ? (
            <p>No changes made in the back office yet{detail.importKey ? ": this record is as the national dataset has it" : ""}.</p>
          ) : (
            <ul className="space-y-2">
              {detail.history.map((h) => (
                <li key={h.id}>
                  <strong>{formatUkDateTime(h.at)}</strong>, {h.actorEmail}: {h.action.replace("inspection.", "")}
                  {h.reason && <> (reason: {h.reason})</>}
                  {h.changes.length > 0 && h.action !== "inspection.create" && (
                    <span className="text-sm"> — changed {h.changes.map((c) => c.path).slice(0, 8).join(", ")}{h.changes.length > 8 ? ` and ${h.changes.length - 8} more` : ""}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </article>
  );
}
