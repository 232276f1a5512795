import type { InspectionStatus } from "@/lib/auth/visibility";
import { formatUkDateTime } from "@/lib/admin/uk-time";

const STYLES: Record<InspectionStatus, string> = {
  DRAFT: "border-gray-700 bg-white text-gray-900 border-dashed",
  EMBARGOED: "border-amber-800 bg-amber-50 text-amber-950",
  PUBLISHED: "border-green-900 bg-green-50 text-green-950",
};

/** Where an inspection stands, in words (never colour alone). */
export function StatusTag({ status, embargoUntil }: { status: InspectionStatus; embargoUntil: Date | null }) {
  const label =
    status === "DRAFT" ? "Draft" : status === "EMBARGOED" ? `Embargoed until ${embargoUntil ? formatUkDateTime(embargoUntil) : "a time not set"}` : "Published";
  return (
    <span data-status={status} className={`inline-block rounded border-2 px-2 py-0.5 text-sm font-semibold ${STYLES[status]}`}>
      {label}
    </span>
  );
}
