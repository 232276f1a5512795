// Test fixture: Wiltshire Youth Justice Service, fieldwork from 26 February 2024,
// published 14 May 2024, under the 2021 standards. Every value below was checked
// against the ratings table and the key-question tables of the published report
// (/work/shared/seeds/001_544ea16caac9a95d.txt): score 20/36, overall Good.

import type { InspectionFacts } from "./consistency";
import type { KeyQuestionArea } from "./frameworks";
import type { Rating } from "./rating";

export const WILTSHIRE_RATINGS: Record<string, Rating> = {
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
};

export const WILTSHIRE_KEY_QUESTIONS: Record<string, Record<KeyQuestionArea, number>> = {
  "2.1": { DESISTANCE: 94, SAFETY_OF_CHILD: 63, SAFETY_OF_OTHERS: 56 },
  "2.2": { DESISTANCE: 75, SAFETY_OF_CHILD: 63, SAFETY_OF_OTHERS: 56 },
  "2.3": { DESISTANCE: 81, SAFETY_OF_CHILD: 56, SAFETY_OF_OTHERS: 50 },
  "2.4": { DESISTANCE: 81, SAFETY_OF_CHILD: 63, SAFETY_OF_OTHERS: 69 },
  "3.1": { DESISTANCE: 83, SAFETY_OF_CHILD: 67, SAFETY_OF_OTHERS: 42 },
  "3.2": { DESISTANCE: 83, SAFETY_OF_CHILD: 71, SAFETY_OF_OTHERS: 63 },
  "3.3": { DESISTANCE: 79, SAFETY_OF_CHILD: 71, SAFETY_OF_OTHERS: 67 },
};

export function wiltshireFacts(overrides: Partial<InspectionFacts> = {}): InspectionFacts {
  return {
    frameworkCode: "2021",
    overallRating: "GOOD",
    score: 20,
    scoreMax: 36,
    ratings: { ...WILTSHIRE_RATINGS },
    keyQuestions: structuredClone(WILTSHIRE_KEY_QUESTIONS),
    fieldworkStart: new Date("2024-02-26T00:00:00Z"),
    publishedOn: new Date("2024-05-14T00:00:00Z"),
    ...overrides,
  };
}
