// The preview as plain text, for the command line (the page shows the same data).
import { ratingLabel } from "../domain/rating";
import { formatPartialDate } from "../domain/partial-date";
import { describeIssue, describeLocation } from "./issues";
import type { ImportPreview, InspectionMatch, InspectionToAdd } from "./import-plan";
import { toDate, type InspectionState } from "./inspection-state";

const FORMAT_NAMES: Record<string, string> = {
  csv: "CSV import format",
  json: "JSON import format",
  "data-to-insight-csv": "Data to Insight ratings scrape",
  report: "inspection report",
};

function summary(state: InspectionState): string {
  const parts = [state.visibility.toLowerCase(), `framework ${state.frameworkCode}${state.frameworkConfirmed ? "" : " (not confirmed)"}`];
  if (state.publishedOn) parts.push(`published ${formatPartialDate(toDate(state.publishedOn), state.publishedOn.precision)}`);
  if (state.fieldworkStart) parts.push(`fieldwork from ${formatPartialDate(toDate(state.fieldworkStart), state.fieldworkStart.precision)}`);
  parts.push(state.overallRating ? ratingLabel(state.overallRating) : "overall rating not recorded");
  if (state.score !== null) parts.push(`${state.score}/${state.scoreMax ?? "?"}`);
  const standards = Object.values(state.ratings).filter(Boolean).length;
  const figures = Object.values(state.keyQuestions).reduce((n, f) => n + Object.keys(f ?? {}).length, 0);
  parts.push(`${standards} standard rating${standards === 1 ? "" : "s"}`);
  if (figures > 0) parts.push(`${figures} key-question figure${figures === 1 ? "" : "s"}`);
  if (state.recommendations.length > 0) parts.push(`${state.recommendations.length} recommendation${state.recommendations.length === 1 ? "" : "s"}`);
  return parts.join(", ");
}

function serviceLine(row: InspectionToAdd | InspectionMatch): string {
  const s = row.service;
  const how = s.matchedBy === "name" ? "" : ` (matched by ${s.matchedBy} "${s.matchedName}")`;
  return `${row.label}: ${row.serviceName} → ${s.name}${how}`;
}

function matchLines(items: InspectionMatch[], out: string[]): void {
  for (const m of items) {
    out.push(`  ${serviceLine(m)}`);
    out.push(`    is ${m.existing.description} [inspection ${m.existing.id}]: ${m.matchedOn}`);
    for (const c of m.changes) out.push(`    ${c.label}: ${c.from ?? "not recorded"} → ${c.to ?? "not recorded"}`.replace(/\n/g, " / "));
    for (const w of m.warnings) out.push(`    note: ${describeIssue(w)}`);
  }
}

export function formatPreview(preview: ImportPreview, fileName = "the file"): string {
  const out: string[] = [];
  const format = preview.format ? FORMAT_NAMES[preview.format] : null;
  out.push(`Import of ${fileName}${format ? ` (${format}${preview.encoding ? `, ${preview.encoding}` : ""})` : ""}`);
  if (preview.fileIssues.length > 0) {
    out.push("", "The file was not read:");
    for (const issue of preview.fileIssues) out.push(`  ${describeIssue(issue)}`);
  } else {
    out.push(
      `  ${preview.toAdd.length} to add, ${preview.toUpdate.length} to update, ${preview.needsDecision.length} waiting for a decision, ` +
        `${preview.toSkip.length} to skip, ${preview.unchanged.length} unchanged, ${preview.rejected.length} refused`,
    );
  }
  if (preview.rejected.length > 0) {
    out.push("", "Refused rows:");
    for (const r of preview.rejected) {
      out.push(`  ${r.label}${r.serviceName ? ` (${r.serviceName})` : ""}:`);
      for (const issue of r.issues) out.push(`    ${describeIssue(issue)}`);
    }
  }
  if (preview.toAdd.length > 0) {
    out.push("", "New inspections:");
    for (const a of preview.toAdd) {
      out.push(`  ${serviceLine(a)}`, `    ${summary(a.inspection)}`);
      for (const w of a.warnings) out.push(`    note: ${describeIssue(w)}`);
    }
  }
  if (preview.toUpdate.length > 0) {
    out.push("", "Changes to recorded inspections:");
    matchLines(preview.toUpdate, out);
  }
  if (preview.needsDecision.length > 0) {
    out.push("", "Rows that would change recorded inspections (choose --update or --skip-duplicates):");
    matchLines(preview.needsDecision, out);
  }
  if (preview.toSkip.length > 0) {
    out.push("", "Skipped (recorded inspections left as they are):");
    for (const m of preview.toSkip) out.push(`  ${serviceLine(m)}: ${m.changes.length} difference${m.changes.length === 1 ? "" : "s"} not applied`);
  }
  if (preview.unchanged.length > 0) {
    out.push("", "Already recorded, nothing to change:");
    for (const m of preview.unchanged) out.push(`  ${serviceLine(m)} [inspection ${m.existing.id}]`);
  }
  if (preview.unusedColumns.length > 0) {
    out.push("", "Columns not used:");
    for (const c of preview.unusedColumns) out.push(`  ${describeLocation({ ...c, line: null })}: ${c.reason}`);
  }
  if (preview.blockers.length > 0) {
    out.push("", "Nothing will be imported:");
    for (const b of preview.blockers) out.push(`  ${b}`);
  }
  return out.join("\n");
}
