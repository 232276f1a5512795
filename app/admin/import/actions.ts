"use server";
// Server actions of /admin/import. Each checks origin, session and role itself,
// then validates its input on the server. Preview reads only; apply writes
// everything in one transaction (lib/import applyImport) or nothing.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authoriseAction } from "@/lib/auth/guard";
import { describeInvalidInput } from "@/lib/api/invalid-input";
import { db } from "@/lib/db/client";
import { refuseWhenDatabaseFails } from "@/lib/db/health";
import { applyImport, formatPreview, ImportConflictError, ImportRefusedError, parseImportFile, planImport, readReport, reportImport, type ParsedImport } from "@/lib/import";
import { MAX_IMPORT_FILE_BYTES, MAX_REPORT_PDF_BYTES, MAX_REPORT_TEXT_CHARS, describeBytes } from "@/lib/import/limits";

export type ImportStep =
  | { step: "start"; message?: string; code?: string }
  | {
      step: "preview";
      kind: "file" | "report";
      fileName: string;
      previewText: string;
      canApply: boolean;
      needsDecision: number;
      counts: { add: number; update: number; unchanged: number; rejected: number };
      /** What the apply step re-reads: the upload itself, or the report reading as import text. */
      payload: string;
      fingerprint: string;
      unread: string[];
      duplicates: "update" | "skip" | "";
    }
  | { step: "done"; message: string; createdIds: number[]; updatedIds: number[] };

const duplicates = z.enum(["update", "skip"]).optional();
/** The answer when the database fails mid-import: nothing was written, and the preview stays on screen to apply again. */
const interrupted = (message: string): ImportStep => ({ step: "start", message, code: "UNAVAILABLE" });

async function previewOf(kind: "file" | "report", fileName: string, parsed: ParsedImport, payload: string, unread: string[], choice?: "update" | "skip"): Promise<ImportStep> {
  const preview = await planImport(db(), parsed, choice ? { duplicates: choice } : {});
  return {
    step: "preview",
    kind,
    fileName,
    previewText: formatPreview(preview, fileName),
    canApply: preview.canApply,
    needsDecision: preview.needsDecision.length,
    counts: { add: preview.toAdd.length, update: preview.toUpdate.length, unchanged: preview.unchanged.length, rejected: preview.rejected.length },
    payload,
    fingerprint: preview.fingerprint,
    unread,
    duplicates: choice ?? "",
  };
}

/** Step 1: read the uploaded file or report and show what would change. */
export async function previewImportAction(previous: ImportStep, form: FormData): Promise<ImportStep> {
  return refuseWhenDatabaseFails(() => preview(previous, form), interrupted);
}

const previewForm = z.object({
  duplicates,
  kind: z.enum(["file", "report"]).optional(),
  file: z.instanceof(File, { message: "expected a file" }).optional(),
  reportText: z.string().max(MAX_REPORT_TEXT_CHARS, `the report's text is longer than ${MAX_REPORT_TEXT_CHARS.toLocaleString("en-GB")} characters`).optional(),
});

async function preview(_previous: ImportStep, form: FormData): Promise<ImportStep> {
  const allowed = await authoriseAction("inspections.edit");
  if (!allowed.ok) return { step: "start", message: allowed.message, code: allowed.code };
  if (!(form instanceof FormData)) return { step: "start", message: "The import request was not understood: it did not come from the import form." };
  const fields = previewForm.safeParse({
    duplicates: form.get("duplicates") || undefined,
    kind: form.get("kind") || undefined,
    file: form.get("file") || undefined,
    reportText: form.get("reportText") ?? undefined,
  });
  if (!fields.success) return { step: "start", message: describeInvalidInput(fields.error, "The import form") };
  const { file, reportText } = fields.data;
  const choice = fields.data.duplicates;

  if (fields.data.kind === "report") {
    let bytes: Uint8Array | null = null;
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_REPORT_PDF_BYTES) return { step: "start", message: `The report is ${describeBytes(file.size)}; the limit is ${describeBytes(MAX_REPORT_PDF_BYTES)}.` };
      bytes = new Uint8Array(await file.arrayBuffer());
    }
    const text = typeof reportText === "string" ? reportText : "";
    if (!bytes && text.trim() === "") return { step: "start", message: "Paste the report's text or choose its PDF." };
    const report = await readReport(bytes ? { bytes } : { text });
    if (!report.ok) return { step: "start", message: `The report was not read: ${report.issue.message}` };
    const parsed = reportImport(report.reading);
    const unread = report.reading.unread.map((u) => `${u.label}: ${u.why}`);
    return previewOf("report", file instanceof File && file.size > 0 ? file.name : "the pasted report", parsed, JSON.stringify(parsed), unread, choice);
  }

  if (!(file instanceof File) || file.size === 0) return { step: "start", message: "Choose a CSV or JSON file to import." };
  if (file.size > MAX_IMPORT_FILE_BYTES) return { step: "start", message: `The file is ${describeBytes(file.size)}; the limit is ${describeBytes(MAX_IMPORT_FILE_BYTES)}.` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = parseImportFile(bytes);
  return previewOf("file", file.name, parsed, Buffer.from(bytes).toString("base64"), [], choice);
}

const applySchema = z.object({
  kind: z.enum(["file", "report"]),
  payload: z.string().min(1).max(Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 1024),
  fingerprint: z.string().min(1).max(200),
  duplicates,
  fileName: z.string().max(300),
});

/** Step 2: write exactly what the preview showed, in one transaction, or nothing. */
export async function applyImportAction(previous: ImportStep, form: FormData): Promise<ImportStep> {
  return refuseWhenDatabaseFails(() => apply(previous, form), interrupted);
}

async function apply(_previous: ImportStep, form: FormData): Promise<ImportStep> {
  const allowed = await authoriseAction("inspections.edit");
  if (!allowed.ok) return { step: "start", message: allowed.message, code: allowed.code };
  if (!(form instanceof FormData)) return { step: "start", message: "The import request was not understood: it did not come from the import form." };
  const input = applySchema.safeParse({
    kind: form.get("kind"),
    payload: form.get("payload"),
    fingerprint: form.get("fingerprint"),
    duplicates: form.get("duplicates") || undefined,
    fileName: form.get("fileName") ?? "",
  });
  if (!input.success) return { step: "start", message: `${describeInvalidInput(input.error, "The import request")} Preview the file again.` };
  const { kind, payload, fingerprint, fileName } = input.data;
  let parsed: ParsedImport;
  try {
    parsed = kind === "file" ? parseImportFile(Buffer.from(payload, "base64")) : (JSON.parse(payload) as ParsedImport);
  } catch {
    return { step: "start", message: "The import request was not understood; preview the file again." };
  }
  try {
    const result = await applyImport(db(), parsed, {
      duplicates: input.data.duplicates,
      expectedFingerprint: fingerprint,
      actor: { id: allowed.user.id, email: allowed.user.email },
      batchLabel: allowed.user.email.split("@")[0],
    });
    revalidatePath("/", "layout");
    return {
      step: "done",
      message: `Imported ${fileName}: ${result.createdIds.length} inspections added as drafts or as the file said, ${result.updatedIds.length} updated.`,
      createdIds: result.createdIds,
      updatedIds: result.updatedIds,
    };
  } catch (error) {
    if (error instanceof ImportRefusedError || error instanceof ImportConflictError) return { step: "start", message: error.message };
    // A report's reading comes back from the form: anything malformed is refused, never a crash.
    if (kind === "report" && error instanceof TypeError) return { step: "start", message: "The import request was not understood; read the report again." };
    throw error;
  }
}
