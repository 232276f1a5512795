"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { publicationAction } from "@/app/admin/actions";
import type { InspectionStatus } from "@/lib/auth/visibility";

type Props = { id: number; version: number; status: InspectionStatus; embargoLocal: string };

export function PublicationControls({ id, version, status, embargoLocal }: Props) {
  const router = useRouter();
  const [until, setUntil] = useState(embargoLocal);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function run(request: Parameters<typeof publicationAction>[0], confirmText?: string) {
    if (confirmText && !window.confirm(confirmText)) return;
    setError(null);
    startTransition(async () => {
      const result = await publicationAction(request);
      if (result.ok) {
        router.refresh();
        setReason("");
      } else setError({ message: result.message, field: "field" in result ? result.field : undefined });
    });
  }

  return (
    <section aria-labelledby="publication-heading" className="space-y-4 rounded border-2 border-gray-800 p-4">
      <h2 id="publication-heading" className="text-2xl font-bold">Publication</h2>
      {error && (
        <p role="alert" className="border-l-4 border-red-800 bg-red-50 p-3 font-semibold text-red-900">
          {error.message}
        </p>
      )}
      {status !== "PUBLISHED" && (
        <div className="space-y-2">
          <label htmlFor="embargo-until" className="block font-bold">Embargo until (UK time)</label>
          <p id="embargo-hint" className="text-sm text-gray-700">
            Its service&apos;s board members can read it from now on; everyone can from this time, with no one needing to act.
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <input
              id="embargo-until"
              type="datetime-local"
              value={until}
              onChange={(e) => setUntil(e.target.value)}
              aria-describedby="embargo-hint"
              aria-invalid={error?.field === "embargoUntil" ? true : undefined}
              className="rounded border-2 border-gray-800 px-2 py-1.5"
            />
            <button type="button" disabled={pending} onClick={() => run({ action: "embargo", id, version, embargoUntil: until })} className="rounded bg-brand px-4 py-2 font-bold text-white disabled:opacity-60">
              {status === "EMBARGOED" ? "Change embargo time" : "Embargo until this time"}
            </button>
          </div>
          <button
            type="button"
            disabled={pending}
            onClick={() => run({ action: "publish", id, version }, "Publish this inspection now? Everyone will see it at once.")}
            className="rounded border-2 border-gray-800 px-4 py-2 font-bold"
          >
            Publish now
          </button>
        </div>
      )}
      {status !== "DRAFT" && (
        <div className="space-y-2">
          <label htmlFor="withdraw-reason" className="block font-bold">Reason for withdrawing</label>
          <p id="withdraw-hint" className="text-sm text-gray-700">
            Withdrawing makes it a draft again, hidden from the public and from board members, so it can be corrected. The reason is kept in the audit log.
          </p>
          <textarea
            id="withdraw-reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby="withdraw-hint"
            aria-invalid={error?.field === "reason" ? true : undefined}
            className="w-full rounded border-2 border-gray-800 px-2 py-1.5"
          />
          <button type="button" disabled={pending} onClick={() => run({ action: "withdraw", id, version, reason })} className="rounded border-2 border-red-900 px-4 py-2 font-bold text-red-900">
            Withdraw
          </button>
        </div>
      )}
    </section>
  );
}
