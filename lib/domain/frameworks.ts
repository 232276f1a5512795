// The inspection frameworks, as data. The seed writes these into the database.
//
// Labels used in comments:
//   [S] stated by a cited source, [D] derived from data, [U] not confirmed.
// Standard statements and key-question texts are this project's own
// paraphrases, not the inspectorate's wording.

import type { Rating } from "./rating";

/** Spelled exactly as the Prisma `KeyQuestionArea` enum. */
export type KeyQuestionArea = "DESISTANCE" | "SAFETY_OF_CHILD" | "SAFETY_OF_OTHERS";

// [S] case-based standards have one key question for each of these three areas.
export const KEY_QUESTION_AREAS: readonly KeyQuestionArea[] = ["DESISTANCE", "SAFETY_OF_CHILD", "SAFETY_OF_OTHERS"];

const AREA_LABELS: Record<KeyQuestionArea, string> = {
  DESISTANCE: "Desistance",
  SAFETY_OF_CHILD: "Safety of the child",
  SAFETY_OF_OTHERS: "Safety of other people",
};

export function keyQuestionAreaLabel(area: KeyQuestionArea): string {
  return AREA_LABELS[area];
}

export function isKeyQuestionArea(value: unknown): value is KeyQuestionArea {
  return typeof value === "string" && (KEY_QUESTION_AREAS as readonly string[]).includes(value);
}

/** How well a recorded rule is supported: stated by a source, derived from data, or unconfirmed. */
export type Confidence = "stated" | "derived" | "unconfirmed";

export type KeyQuestionDefinition = { area: KeyQuestionArea; text: string };

export type StandardDefinition = {
  code: string;
  name: string;
  domainNumber: string;
  /** Our own short paraphrase of what the standard asks; null when not known. */
  statement: string | null;
  /** True only where a source confirms the gist of the statement. */
  statementConfirmed: boolean;
  countsTowardOverall: boolean;
  /** Rated from a sample of cases (and so has key questions). */
  caseBased: boolean;
  /** Three for case-based standards (one per area), [] otherwise. */
  keyQuestions: KeyQuestionDefinition[];
};

export type DomainDefinition = { number: string; name: string };

export type ScoreBandDefinition = {
  rating: Rating;
  minScore: number;
  maxScore: number;
  confidence: Confidence;
  source: string;
};

export type KeyQuestionThresholdDefinition = { rating: Rating; minPercent: number; source: string };

export type Programme = "STANDARDS_2018_2021" | "PROGRAMME_2025";

export type FrameworkDefinition = {
  code: string;
  name: string;
  programme: Programme;
  description: string;
  /** First and last year of publication under the framework, where known. */
  inUseFrom: number | null;
  inUseTo: number | null;
  /** Whether the overall rating is the band of a score out of a maximum. */
  scored: boolean;
  ordinal: number;
  domains: DomainDefinition[];
  standards: StandardDefinition[];
  scoreBands: ScoreBandDefinition[];
  keyQuestionThresholds: KeyQuestionThresholdDefinition[];
};

// ---------------------------------------------------------------------------
// Domains
// [S] domain 1 organisational delivery, 2 court (post-court) work,
// 3 out-of-court (pre-court) work, 4 resettlement (2021 refresh only).

const DOMAIN_1: DomainDefinition = { number: "1", name: "Organisational delivery" };
const DOMAIN_2: DomainDefinition = { number: "2", name: "Court disposals" };
const DOMAIN_3: DomainDefinition = { number: "3", name: "Out-of-court disposals" };
const DOMAIN_4: DomainDefinition = { number: "4", name: "Resettlement" };

// ---------------------------------------------------------------------------
// Key questions of case-based standards.
// [S] each case-based standard has three key questions: the child's
// desistance, keeping the child safe, keeping other people safe.
// The texts below are our paraphrases of the pattern the questions follow.
// [S] only the assessment/desistance question's gist was seen in a source;
// [U] the wording of the others is not confirmed.

type CaseActivity = "ASSESSMENT" | "PLANNING" | "IMPLEMENTATION" | "REVIEWING";

const KEY_QUESTION_TEXT: Record<CaseActivity, Record<KeyQuestionArea, string>> = {
  ASSESSMENT: {
    DESISTANCE: "Does the assessment analyse well enough what will help the child to desist from offending?",
    SAFETY_OF_CHILD: "Does the assessment analyse well enough what will keep the child safe?",
    SAFETY_OF_OTHERS: "Does the assessment analyse well enough what will keep other people safe?",
  },
  PLANNING: {
    DESISTANCE: "Is planning focused enough on helping the child to desist from offending?",
    SAFETY_OF_CHILD: "Is planning focused enough on keeping the child safe?",
    SAFETY_OF_OTHERS: "Is planning focused enough on keeping other people safe?",
  },
  IMPLEMENTATION: {
    DESISTANCE: "Do the services delivered give effective support to the child's desistance?",
    SAFETY_OF_CHILD: "Do the services delivered give effective support to the child's safety?",
    SAFETY_OF_OTHERS: "Do the services delivered give effective support to the safety of other people?",
  },
  REVIEWING: {
    DESISTANCE: "Is reviewing focused enough on helping the child to desist from offending?",
    SAFETY_OF_CHILD: "Is reviewing focused enough on keeping the child safe?",
    SAFETY_OF_OTHERS: "Is reviewing focused enough on keeping other people safe?",
  },
};

function keyQuestionsFor(activity: CaseActivity): KeyQuestionDefinition[] {
  return KEY_QUESTION_AREAS.map((area) => ({ area, text: KEY_QUESTION_TEXT[activity][area] }));
}

// ---------------------------------------------------------------------------
// Standards. [S] names and order; [U] the decimal numbering (HMIP report
// convention, corroborated by order only).

function organisational(
  code: string,
  name: string,
  domainNumber: string,
  statement: string | null,
  countsTowardOverall = true,
): StandardDefinition {
  return {
    code,
    name,
    domainNumber,
    statement,
    statementConfirmed: false,
    countsTowardOverall,
    caseBased: false,
    keyQuestions: [],
  };
}

function caseBased(
  code: string,
  name: string,
  domainNumber: string,
  activity: CaseActivity,
  statement: string,
  statementConfirmed: boolean,
): StandardDefinition {
  return {
    code,
    name,
    domainNumber,
    statement,
    statementConfirmed,
    countsTowardOverall: true,
    caseBased: true,
    keyQuestions: keyQuestionsFor(activity),
  };
}

// Statements: our paraphrase of the gist.
// [U] 1.1–1.4: only fragments were seen in local sources; statementConfirmed false.
const GOVERNANCE = organisational(
  "1.1",
  "Governance and leadership",
  "1",
  "Leadership and governance champion a high-quality service that is personalised and responsive to every child.",
);
const STAFF = organisational(
  "1.2",
  "Staff",
  "1",
  "Staff are enabled to give every child a high-quality service that is personalised and responsive.",
);
const PARTNERSHIPS = organisational(
  "1.3",
  "Partnerships and services",
  "1",
  "A full range of good-quality services is available, so that work with each child can be personalised and responsive.",
);
const INFORMATION = organisational(
  "1.4",
  "Information and facilities",
  "1",
  "Up-to-date, relevant information and suitable premises underpin a high-quality, personalised and responsive approach.",
);

// [S] assessment statement (2.1 and 3.1): well informed, analytical, personalised,
// actively involving the child and parents or carers.
const ASSESSMENT_STATEMENT =
  "Assessment draws on good information, is analytical and personalised, and actively involves the child and their parents or carers.";
// [U] planning, implementation and reviewing statements: wording not confirmed.
const PLANNING_STATEMENT =
  "Planning draws on good information, is holistic and personalised, and actively involves the child and their parents or carers.";
const IMPLEMENTATION_STATEMENT =
  "Well-targeted, personalised and coordinated services of high quality are delivered, and the child is engaged in them.";
const REVIEWING_STATEMENT =
  "Progress is reviewed in an informed, analytical and personalised way, with the child and their parents or carers actively involved.";

const COURT_ASSESSMENT = caseBased("2.1", "Assessment", "2", "ASSESSMENT", ASSESSMENT_STATEMENT, true);
const COURT_PLANNING = caseBased("2.2", "Planning", "2", "PLANNING", PLANNING_STATEMENT, false);
const COURT_IMPLEMENTATION = caseBased(
  "2.3",
  "Implementation and delivery",
  "2",
  "IMPLEMENTATION",
  IMPLEMENTATION_STATEMENT,
  false,
);
// [S] reviewing is a court-disposal standard only (no 3.x reviewing standard).
const COURT_REVIEWING = caseBased("2.4", "Reviewing", "2", "REVIEWING", REVIEWING_STATEMENT, false);
const OOCD_ASSESSMENT = caseBased("3.1", "Assessment", "3", "ASSESSMENT", ASSESSMENT_STATEMENT, true);
const OOCD_PLANNING = caseBased("3.2", "Planning", "3", "PLANNING", PLANNING_STATEMENT, false);
const OOCD_IMPLEMENTATION = caseBased(
  "3.3",
  "Implementation and delivery",
  "3",
  "IMPLEMENTATION",
  IMPLEMENTATION_STATEMENT,
  false,
);

// [S] 3.4 was "Joint working" under the 2018 standards and became
// "Out-of-court disposal policy and provision" in the 2021 refresh.
// [S] organisational standard, informed by cases; not case-based.
// [U] the 2018 statement wording.
const JOINT_WORKING = organisational(
  "3.4",
  "Joint working",
  "3",
  "Joint work with the police helps high-quality, personalised and coordinated services to be delivered.",
);
// [S] expects a joint out-of-court decision-making panel or equivalent; [U] the wording.
const OOCD_POLICY = organisational(
  "3.4",
  "Out-of-court disposal policy and provision",
  "3",
  "An evidence-based, high-quality out-of-court disposal service, with a joint decision-making panel or equivalent, favours diversion and supports lasting desistance.",
);
// Records whose sources do not say which version of 3.4 applied.
const JOINT_WORKING_OR_OOCD_POLICY = organisational(
  "3.4",
  "Joint working, or out-of-court disposal policy and provision (not confirmed which)",
  "3",
  null,
);
// [S] 2021 refresh: rated separately and left out of the overall rating;
// underpinned by case evidence but not case-based. [U] the wording.
const RESETTLEMENT = organisational(
  "4.1",
  "Resettlement policy and provision",
  "4",
  "An evidence-based, high-quality resettlement service supports children as they leave custody.",
  false,
);

const SHARED_ELEVEN: readonly StandardDefinition[] = [
  GOVERNANCE,
  STAFF,
  PARTNERSHIPS,
  INFORMATION,
  COURT_ASSESSMENT,
  COURT_PLANNING,
  COURT_IMPLEMENTATION,
  COURT_REVIEWING,
  OOCD_ASSESSMENT,
  OOCD_PLANNING,
  OOCD_IMPLEMENTATION,
];

// ---------------------------------------------------------------------------
// Overall-rating score bands for the 2018/2021 standards (score out of 36).
// [D] derived from data: every record with both a published score and an
// overall rating fits these bands. The 18/19 edge is pinned (scores of 18 are
// all Requires improvement, 19 all Good). No score of 6, 7 or 30 has been
// seen, so the 6/7 and 30/31 edges are not confirmed.
// [U] not confirmed: the band table itself was not found in any source.

const SCORE_BAND_SOURCE =
  "Derived from published scores and overall ratings: every record with both fits these bands. " +
  "The 18/19 edge is fixed by the data (18 is always Requires improvement, 19 always Good); " +
  "no score of 6, 7 or 30 has been seen, so the 6/7 and 30/31 edges are not confirmed. " +
  "The inspectorate's own band table was not found.";

function scoreBands(): ScoreBandDefinition[] {
  const band = (rating: Rating, minScore: number, maxScore: number): ScoreBandDefinition => ({
    rating,
    minScore,
    maxScore,
    confidence: "derived",
    source: SCORE_BAND_SOURCE,
  });
  return [
    band("OUTSTANDING", 31, 36),
    band("GOOD", 19, 30),
    band("REQUIRES_IMPROVEMENT", 7, 18),
    band("INADEQUATE", 0, 6),
  ];
}

// Key-question % thresholds.
// [S] a standard's case-based rating is driven by the lowest of its
// key-question percentages, placed in a band (footnote in the Wiltshire 2024 report).
// [U] not confirmed: where the band edges lie. None is recorded, so no band is
// drawn or checked. (The Wiltshire 2024 ratings themselves do not fit the
// commonly recalled edges: 2.4 and 3.2 are Good with a lowest figure of 63%.)
const NO_CONFIRMED_THRESHOLDS: KeyQuestionThresholdDefinition[] = [];

// ---------------------------------------------------------------------------
// Frameworks

const STANDARDS_2018: StandardDefinition[] = [...SHARED_ELEVEN, JOINT_WORKING];
const STANDARDS_2021: StandardDefinition[] = [...SHARED_ELEVEN, OOCD_POLICY, RESETTLEMENT];
const STANDARDS_2018_OR_2021: StandardDefinition[] = [...SHARED_ELEVEN, JOINT_WORKING_OR_OOCD_POLICY];

export const FRAMEWORKS: readonly FrameworkDefinition[] = [
  {
    // [S] 12 standards in three domains, all counted toward the overall rating;
    // first reports 2018, used until the 2021 refresh.
    code: "2018",
    name: "Youth standards 2018",
    programme: "STANDARDS_2018_2021",
    description:
      "The first youth offending service standards: twelve standards in three domains, each rated on the " +
      "four-point scale and all counted toward the overall rating. Standard 3.4 is Joint working.",
    inUseFrom: 2018,
    inUseTo: 2021,
    scored: true,
    ordinal: 1,
    domains: [DOMAIN_1, DOMAIN_2, DOMAIN_3],
    standards: STANDARDS_2018,
    scoreBands: scoreBands(),
    keyQuestionThresholds: NO_CONFIRMED_THRESHOLDS,
  },
  {
    // [S] 13 standards since 2021: 3.4 replaced, 4.1 added, rated separately and not counted.
    // [S] last reports under it early 2025.
    code: "2021",
    name: "Youth standards 2021 (refreshed)",
    programme: "STANDARDS_2018_2021",
    description:
      "The refreshed standards: the same twelve counted standards, with 3.4 now out-of-court disposal policy " +
      "and provision, plus 4.1 resettlement policy and provision, which is rated on its own and does not " +
      "count toward the overall rating.",
    inUseFrom: 2021,
    inUseTo: 2025,
    scored: true,
    ordinal: 2,
    domains: [DOMAIN_1, DOMAIN_2, DOMAIN_3, DOMAIN_4],
    standards: STANDARDS_2021,
    scoreBands: scoreBands(),
    keyQuestionThresholds: NO_CONFIRMED_THRESHOLDS,
  },
  {
    code: "2018-or-2021",
    name: "Youth standards 2018 or 2021 (not confirmed which)",
    programme: "STANDARDS_2018_2021",
    description:
      "For inspections whose sources do not show whether the 2018 standards or the 2021 refresh applied. " +
      "Only the twelve counted standards the two share are listed; 3.4 was either joint working or " +
      "out-of-court disposal policy and provision, and resettlement is left out.",
    inUseFrom: 2021,
    inUseTo: 2021,
    scored: true,
    ordinal: 3,
    domains: [DOMAIN_1, DOMAIN_2, DOMAIN_3],
    standards: STANDARDS_2018_OR_2021,
    scoreBands: scoreBands(),
    keyQuestionThresholds: NO_CONFIRMED_THRESHOLDS,
  },
  {
    // [S] 2025 programme, report titled as an inspection of youth justice work
    // with children and victims; rates work with children, work with victims
    // and an overall rating. [U] its standards, and whether it is scored.
    code: "2025-IYJWCV",
    name: "Inspection of youth justice work with children and victims (2025)",
    programme: "PROGRAMME_2025",
    description:
      "The 2025 programme's inspection of work with children and victims. It gives an overall rating on the " +
      "same four-point scale, with separate ratings for work with children and work with victims. Its " +
      "standards are not known from our sources, so none are listed, and no score is recorded.",
    inUseFrom: 2025,
    inUseTo: null,
    scored: false,
    ordinal: 4,
    domains: [],
    standards: [],
    scoreBands: [],
    keyQuestionThresholds: [],
  },
  {
    // [S] 2025 programme, full inspection of youth justice services (first:
    // South Tees); rates organisational delivery, work with children and work
    // with victims. [U] its standards, and whether it is scored.
    code: "2025-IYJS",
    name: "Inspection of youth justice services (2025)",
    programme: "PROGRAMME_2025",
    description:
      "The 2025 programme's full inspection of a youth justice service, covering organisational delivery, " +
      "work with children and work with victims, with an overall rating on the four-point scale. Its " +
      "standards are not known from our sources, so none are listed, and no score is recorded.",
    inUseFrom: 2025,
    inUseTo: null,
    scored: false,
    ordinal: 5,
    domains: [],
    standards: [],
    scoreBands: [],
    keyQuestionThresholds: [],
  },
];

export function frameworkByCode(code: string): FrameworkDefinition | undefined {
  return FRAMEWORKS.find((framework) => framework.code === code);
}

/** The standards of a framework that count toward its overall score. */
export function countingStandards(framework: FrameworkDefinition): StandardDefinition[] {
  return framework.standards.filter((standard) => standard.countsTowardOverall);
}

/** The standard with this code in this framework, if it has one. */
export function standardByCode(framework: FrameworkDefinition, code: string): StandardDefinition | undefined {
  return framework.standards.find((standard) => standard.code === code);
}
