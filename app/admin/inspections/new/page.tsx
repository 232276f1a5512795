import type { Metadata } from "next";
import { InspectionForm } from "@/app/admin/_components/InspectionForm";
import { serviceOptions, thresholdsByFramework } from "@/lib/admin/inspection-detail";
import { emptyFormValues } from "@/lib/admin/inspection-rules";
import { requirePageUser } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New inspection" };

export default async function NewInspectionPage() {
  await requirePageUser("/admin/inspections/new", "inspections.edit");
  const [services, thresholds] = await Promise.all([serviceOptions(), thresholdsByFramework()]);
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Record a new inspection</h1>
      <p>It is saved as a draft, which only staff can see. Embargo or publish it from its page once it is checked.</p>
      <InspectionForm initial={emptyFormValues()} services={services} thresholds={thresholds} />
    </div>
  );
}
