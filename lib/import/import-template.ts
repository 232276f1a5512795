// public/import-template.csv, the template staff download from /admin/import:
// the header of the import format and one example row. The example is Wiltshire
// YJS 2024 (lib/domain/wiltshire.fixture.ts, checked against the published report; its recommendations are left out,
// as they are the inspectorate's prose). A test checks the file is up to date;
// `node --import tsx lib/import/import-template.ts` rewrites it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { WILTSHIRE_KEY_QUESTIONS, WILTSHIRE_RATINGS } from "../domain/wiltshire.fixture";
import { importTemplateCsv } from "./csv-format";
import type { ImportRow } from "./import-row";

export const IMPORT_TEMPLATE_FILE = path.resolve(import.meta.dirname, "..", "..", "public", "import-template.csv");

export function templateExampleRow(): ImportRow {
  return {
    index: 1,
    line: 2,
    label: "line 2",
    serviceName: "Wiltshire Youth Justice Service",
    frameworkCode: "2021",
    kind: "FULL",
    publishedOn: { iso: "2024-05-14", precision: "DAY" },
    fieldworkStart: { iso: "2024-02-26", precision: "DAY" },
    overallRating: "GOOD",
    score: 20,
    scoreMax: 36,
    ratings: { ...WILTSHIRE_RATINGS },
    keyQuestions: structuredClone(WILTSHIRE_KEY_QUESTIONS),
    sourceUrls: ["https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/wiltshire2024/"],
    warnings: [],
    locations: {},
  };
}

export function importTemplate(): string {
  return importTemplateCsv(templateExampleRow());
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(IMPORT_TEMPLATE_FILE, importTemplate());
  console.log(`Wrote ${IMPORT_TEMPLATE_FILE}`);
}
