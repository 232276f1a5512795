// public/import-template.csv, the template staff download from /admin/import:
// the header of the import format and one example row. The example is Wiltshire
// YJS 2024 (figures from the published report; its recommendations are left out,
// as they are the inspectorate's prose). A test checks the file is up to date;
// `node --import tsx lib/import/import-template.ts` rewrites it.
import { writeFileSync } from "node:fs";
import path from "node:path";
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
    ratings: {
      "1.1": "GOOD",
      "1.2": "GOOD",
      "1.3": "GOOD",
      "1.4": "OUTSTANDING",
      "2.1": "REQUIRES_IMPROVEMENT",
      "2.2": "REQUIRES_IMPROVEMENT",
      "2.3": "REQUIRES_IMPROVEMENT",
      "2.4": "GOOD",
      "3.1": "INADEQUATE",
      "3.2": "GOOD",
      "3.3": "GOOD",
      "3.4": "GOOD",
      "4.1": "OUTSTANDING",
    },
    keyQuestions: {
      "2.1": { DESISTANCE: 94, SAFETY_OF_CHILD: 63, SAFETY_OF_OTHERS: 56 },
      "2.2": { DESISTANCE: 75, SAFETY_OF_CHILD: 63, SAFETY_OF_OTHERS: 56 },
      "2.3": { DESISTANCE: 81, SAFETY_OF_CHILD: 56, SAFETY_OF_OTHERS: 50 },
      "2.4": { DESISTANCE: 81, SAFETY_OF_CHILD: 63, SAFETY_OF_OTHERS: 69 },
      "3.1": { DESISTANCE: 83, SAFETY_OF_CHILD: 67, SAFETY_OF_OTHERS: 42 },
      "3.2": { DESISTANCE: 83, SAFETY_OF_CHILD: 71, SAFETY_OF_OTHERS: 63 },
      "3.3": { DESISTANCE: 79, SAFETY_OF_CHILD: 71, SAFETY_OF_OTHERS: 67 },
    },
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
