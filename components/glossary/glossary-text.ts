// Plain-words explanations of the four ratings and of each standard code, shown
// in a popover beside every rating badge and standard code. The words follow
// /about/ratings; every rule here comes from lib/domain (the inspectorate's
// rules as this project has recorded them), and what is not confirmed says so.
import { FRAMEWORKS, keyQuestionAreaLabel, KEY_QUESTION_AREAS, type StandardDefinition } from "@/lib/domain/frameworks";
import { RATINGS, ratingAbbreviation, ratingLabel, ratingPoints, type Rating } from "@/lib/domain/rating";

import { ratingGlossaryId, standardGlossaryId } from "./glossary-ids";

export type GlossaryEntry = { id: string; title: string; paragraphs: string[]; more: { href: string; text: string } };

const PLACE: Record<Rating, string> = {
  OUTSTANDING: "The highest of the inspectorate's four ratings.",
  GOOD: "The second of the inspectorate's four ratings, below Outstanding.",
  REQUIRES_IMPROVEMENT: "The third of the inspectorate's four ratings, below Good.",
  INADEQUATE: "The lowest of the inspectorate's four ratings.",
};

/** The scale, best first, as words: "Outstanding, Good, Requires improvement, Inadequate". */
const SCALE = RATINGS.map((r) => ratingLabel(r)).join(", ");

export function ratingGlossary(rating: Rating | null): GlossaryEntry {
  const more = { href: "/about/ratings#ratings", text: "What the ratings mean" };
  if (rating === null) {
    return {
      id: ratingGlossaryId(null),
      title: "Not recorded",
      paragraphs: [
        "This rating was not published, or we could not find it in the inspectorate's reports.",
        "It is not a rating: it is never counted as one, nor as zero.",
      ],
      more,
    };
  }
  const points = ratingPoints(rating);
  return {
    id: ratingGlossaryId(rating),
    title: `${ratingLabel(rating)} (${ratingAbbreviation(rating)})`,
    paragraphs: [
      PLACE[rating],
      `The scale, best first: ${SCALE}. A standard and a service as a whole are each rated on it.`,
      `Under the 2018 and 2021 standards a standard rated ${ratingLabel(rating)} adds ${points} point${points === 1 ? "" : "s"} to the service's score out of 36. We worked the points out from published scores: the inspectorate's rule was not found written down.`,
      "Inspections under the 2025 programme use the same four words against different standards, so they are not directly comparable with older ones.",
    ],
    more,
  };
}

/** One entry per standard code of the 2018 and 2021 standards (3.4 names both versions). */
export function standardGlossary(): GlossaryEntry[] {
  const byCode = new Map<string, { standard: StandardDefinition; frameworks: string[]; versions: StandardDefinition[] }>();
  for (const framework of FRAMEWORKS.filter((f) => f.code === "2018" || f.code === "2021")) {
    for (const standard of framework.standards) {
      const entry = byCode.get(standard.code) ?? { standard, frameworks: [], versions: [] };
      entry.frameworks.push(framework.code);
      if (!entry.versions.some((v) => v.name === standard.name)) entry.versions.push(standard);
      byCode.set(standard.code, entry);
    }
  }
  const domains = new Map(FRAMEWORKS.flatMap((f) => f.domains.map((d) => [d.number, d.name] as const)));
  return [...byCode.entries()].map(([code, { standard, frameworks, versions }]) => {
    const paragraphs: string[] = [`Domain ${standard.domainNumber}: ${domains.get(standard.domainNumber) ?? "not recorded"}.`];
    if (versions.length > 1) {
      paragraphs.push(`Under the 2018 standards: ${versions[0]!.name}. Under the 2021 standards: ${versions[1]!.name}.`);
    }
    for (const v of versions) {
      if (!v.statement) continue;
      const prefix = versions.length > 1 ? `${v.name}: ` : "";
      paragraphs.push(`${prefix}${v.statement} (Our paraphrase${v.statementConfirmed ? "" : "; the inspectorate's wording is not confirmed"}.)`);
    }
    if (standard.caseBased) {
      paragraphs.push(
        `Rated from a sample of children's cases. Each case is judged on three key questions: ${KEY_QUESTION_AREAS.map((a) => keyQuestionAreaLabel(a).toLowerCase()).join(", ")}.`,
      );
    } else {
      paragraphs.push("Not rated from key-question percentages: the inspectors judge it from the evidence they gather.");
    }
    paragraphs.push(
      standard.countsTowardOverall
        ? "It counts toward the score out of 36 and the overall rating."
        : "It is rated separately and does not count toward the score or the overall rating.",
    );
    if (frameworks.length === 1) paragraphs.push(`Part of the ${frameworks[0]} standards only.`);
    return {
      id: standardGlossaryId(code),
      title: versions.length > 1 ? `Standard ${code}` : `Standard ${code}: ${standard.name}`,
      paragraphs,
      more: { href: `/standards/${code}`, text: `How services were rated on ${code}` },
    };
  });
}

/** Every glossary entry a page can open. */
export function allGlossaryEntries(): GlossaryEntry[] {
  return [...RATINGS.map((r) => ratingGlossary(r)), ratingGlossary(null), ...standardGlossary()];
}
