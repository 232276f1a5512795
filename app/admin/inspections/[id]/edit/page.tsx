import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InspectionForm } from "@/app/admin/_components/InspectionForm";
import { StatusTag } from "@/app/admin/_components/StatusTag";
import { adminInspection, serviceOptions, thresholdsByFramework } from "@/lib/admin/inspection-detail";
import { recordToFormValues } from "@/lib/admin/inspection-rules";
import { requirePageUser } from "@/lib/auth/guard";
import { viewerOf } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit inspection" };

export default async function EditInspectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/admin/inspections/${id}/edit`, "inspections.edit");
  const detail = await adminInspection(viewerOf(user), Number(id));
  if (!detail) notFound();
  const [services, thresholds] = await Promise.all([serviceOptions(), thresholdsByFramework()]);
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Edit: {detail.serviceName} inspection</h1>
      <p className="flex flex-wrap items-center gap-2">
        <StatusTag status={detail.status} embargoUntil={detail.embargoUntil} />
        {detail.status !== "DRAFT" && <span>Changes you save are seen {detail.status === "PUBLISHED" ? "by the public at once" : "when the embargo ends"}.</span>}
      </p>
      {detail.importKey && !detail.editedByStaffAt && (
        <p className="border-l-4 border-brand bg-blue-50 p-3">
          This record came from the national dataset. Once you save a change, the dataset will no longer update it.
        </p>
      )}
      <InspectionForm id={detail.id} version={detail.version} initial={recordToFormValues(detail.record)} services={services} thresholds={thresholds} />
    </div>
  );
}
