// A complete, valid back-office form for tests: a 2021 full inspection of
// Wiltshire rated Good on all twelve counting standards. Override what a test needs.
import { emptyFormValues, type InspectionFormValues } from "../inspection-rules";

const GOOD_2021 = {
  "1.1": "GOOD", "1.2": "GOOD", "1.3": "GOOD", "1.4": "GOOD",
  "2.1": "GOOD", "2.2": "GOOD", "2.3": "GOOD", "2.4": "GOOD",
  "3.1": "GOOD", "3.2": "GOOD", "3.3": "GOOD", "3.4": "GOOD",
} as const;

export function wiltshireFormValues(overrides: Partial<InspectionFormValues> = {}): InspectionFormValues {
  return {
    ...emptyFormValues("2021"),
    serviceSlug: "wiltshire",
    serviceNameAtInspection: "Wiltshire Youth Justice Service",
    fieldworkStart: "2026-03",
    publishedOn: "2026-06-18",
    overallRating: "GOOD",
    score: "24",
    scoreMax: "36",
    ratings: { ...GOOD_2021 },
    recommendations: ["Improve planning for the safety of other people."],
    sourceUrls: "https://www.justiceinspectorates.gov.uk/hmiprobation/",
    ...overrides,
  };
}
