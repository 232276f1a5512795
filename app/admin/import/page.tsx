import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/guard";
import { ImportForms } from "./ImportForms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import inspections" };

export default async function ImportPage() {
  await requirePageUser("/admin/import", "inspections.edit");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Import inspections</h1>
      <p className="max-w-3xl">
        Bring many inspections at once from a spreadsheet, or read one from its published report. You see a preview of every row
        first: what will be added, what will change (field by field) and what is refused and why. Confirming writes everything in
        one go, or nothing.
      </p>
      <ImportForms />
    </div>
  );
}
