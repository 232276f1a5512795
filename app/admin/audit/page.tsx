import type { Metadata } from "next";
import Link from "next/link";
import { auditLog } from "@/lib/audit/audit-log";
import { formatUkDateTime } from "@/lib/admin/uk-time";
import { requirePageUser } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "(empty)" : typeof v === "string" ? v : JSON.stringify(v));

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("/admin/audit", "audit.read");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const log = await auditLog(db(), { page });
  const pages = Math.max(1, Math.ceil(log.total / log.pageSize));
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Audit log</h1>
      <p>Every change made in the back office or with the user command, newest first: who, when, what, and each field before and after. Entries cannot be changed or removed.</p>
      <p>{log.total} entries; page {page} of {pages}.</p>
      <ol className="space-y-4">
        {log.rows.map((e) => (
          <li key={e.id} className="space-y-1 border-b border-gray-300 pb-3" data-audit={e.id}>
            <p>
              <strong>{formatUkDateTime(e.at)}</strong> · {e.actorEmail} · <code>{e.action}</code> ·{" "}
              {e.entityType === "inspection" ? <Link href={`/admin/inspections/${e.entityId}`}>inspection {e.entityId}</Link> : `${e.entityType} ${e.entityId}`}
            </p>
            {e.reason && <p>Reason: {e.reason}</p>}
            {e.changes.length > 0 && (
              <div className="overflow-x-auto">
                <table className="w-full border-collapse text-left text-sm">
                  <caption className="sr-only">Fields changed by entry {e.id}</caption>
                  <thead>
                    <tr className="border-b border-gray-800">
                      <th scope="col" className="p-1">Field</th>
                      <th scope="col" className="p-1">Before</th>
                      <th scope="col" className="p-1">After</th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.changes.slice(0, 40).map((c) => (
                      <tr key={c.path} className="border-b border-gray-200 align-top">
                        <th scope="row" className="p-1 font-mono font-normal">{c.path}</th>
                        <td className="max-w-md break-words p-1">{show(c.before)}</td>
                        <td className="max-w-md break-words p-1">{show(c.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {e.changes.length > 40 && <p className="text-sm">and {e.changes.length - 40} more fields.</p>}
              </div>
            )}
          </li>
        ))}
      </ol>
      <nav aria-label="Pages of the audit log" className="flex gap-4">
        {page > 1 && <Link href={`/admin/audit?page=${page - 1}`}>Newer entries</Link>}
        {page < pages && <Link href={`/admin/audit?page=${page + 1}`}>Older entries</Link>}
      </nav>
    </div>
  );
}
