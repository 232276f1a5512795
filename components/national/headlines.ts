// Headlines that state each chart's finding in words, computed from the same
// numbers the chart draws. Every figure comes with its n, and nothing is said
// about fewer than MIN_N inspections.
import { RATINGS, ratingLabel, type Rating } from "@/lib/domain/rating";
import { MIN_N, type Distribution } from "@/lib/queries/national-distribution";

const pct = (part: number, whole: number) => Math.round((100 * part) / whole);
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** Good or Outstanding. */
export function goodOrBetter(d: Distribution): number {
  return d.counts.OUTSTANDING + d.counts.GOOD;
}

/** Requires improvement or Inadequate. */
export function belowGood(d: Distribution): number {
  return d.counts.REQUIRES_IMPROVEMENT + d.counts.INADEQUATE;
}

export function mostCommon(d: Distribution): Rating | null {
  if (d.rated === 0) return null;
  return RATINGS.reduce((best, r) => (d.counts[r] > d.counts[best] ? r : best), RATINGS[0]);
}

/** "Good was the most common overall rating of services …: 75 of 145 (52%); 92 of 145 (63%) were Good or Outstanding." */
export function overallHeadline(d: Distribution, whose: string): string {
  if (d.rated < MIN_N) return `Too few ${whose} have an overall rating to describe (${d.rated}; at least ${MIN_N} are needed).`;
  const top = mostCommon(d)!;
  return (
    `${ratingLabel(top)} was the most common overall rating of ${whose}: ${d.counts[top]} of ${d.rated} (${pct(d.counts[top], d.rated)}%); ` +
    `${goodOrBetter(d)} of ${d.rated} (${pct(goodOrBetter(d), d.rated)}%) were Good or Outstanding.`
  );
}

type Labelled = { label: string; distribution: Distribution };

/** The rows with the highest and lowest share below Good, among those with at least MIN_N ratings. */
export function weakestAndStrongest(rows: readonly Labelled[]): { weakest: Labelled; strongest: Labelled } | null {
  const drawable = rows.filter((r) => r.distribution.rated >= MIN_N);
  if (drawable.length < 2) return null;
  const share = (r: Labelled) => belowGood(r.distribution) / r.distribution.rated;
  const sorted = [...drawable].sort((a, b) => share(b) - share(a));
  return { weakest: sorted[0]!, strongest: sorted[sorted.length - 1]! };
}

export function standardsHeadline(rows: readonly Labelled[]): string {
  const pair = weakestAndStrongest(rows);
  if (!pair) return `Too few standards have at least ${MIN_N} ratings to compare.`;
  const { weakest, strongest } = pair;
  const w = weakest.distribution;
  const s = strongest.distribution;
  return (
    `${weakest.label} is most often rated below Good: ${belowGood(w)} of ${w.rated} (${pct(belowGood(w), w.rated)}%); ` +
    `${strongest.label} least often: ${belowGood(s)} of ${s.rated} (${pct(belowGood(s), s.rated)}%).`
  );
}

export type AreaMedians = { code: string; label: string; desistance: number | null; child: number | null; others: number | null };

/** Whether safety work (of the child and of others) lags desistance, standard by standard. */
export function keyQuestionHeadline(rows: readonly AreaMedians[], inspectionsWithFigures: number): string {
  const drawable = rows.filter((r) => r.desistance !== null && r.child !== null && r.others !== null);
  if (drawable.length === 0) {
    return `Key-question figures are recorded for ${plural(inspectionsWithFigures, "inspection")} here: too few to show a pattern (at least ${MIN_N} are needed).`;
  }
  const lagging = drawable.filter((r) => r.child! < r.desistance! && r.others! < r.desistance!);
  const gap = (r: AreaMedians) => r.desistance! - Math.min(r.child!, r.others!);
  const widest = [...drawable].sort((a, b) => gap(b) - gap(a))[0]!;
  if (lagging.length === drawable.length) {
    return (
      `Work to keep the child and other people safe lags work on desistance in all ${drawable.length} case-based standards shown; ` +
      `the gap is widest in ${widest.label} (median ${widest.desistance}% against ${Math.min(widest.child!, widest.others!)}%).`
    );
  }
  return `Safety work lags desistance in ${lagging.length} of ${drawable.length} case-based standards shown (medians of the share of cases answered “Yes”).`;
}

/** "Good or Outstanding ranges from 45% in London (n=20) to 80% in the North East (n=10)." */
export function spreadHeadline(rows: readonly Labelled[], what: string): string {
  const drawable = rows.filter((r) => r.distribution.rated >= MIN_N);
  if (drawable.length === 0) return `No ${what} has at least ${MIN_N} rated inspections to describe.`;
  if (drawable.length === 1) {
    const only = drawable[0]!;
    const d = only.distribution;
    return `In ${only.label}, ${goodOrBetter(d)} of ${d.rated} inspections (${pct(goodOrBetter(d), d.rated)}%) were rated Good or Outstanding.`;
  }
  const share = (r: Labelled) => goodOrBetter(r.distribution) / r.distribution.rated;
  const sorted = [...drawable].sort((a, b) => share(a) - share(b));
  const low = sorted[0]!;
  const high = sorted[sorted.length - 1]!;
  return (
    `The share rated Good or Outstanding ranges from ${pct(goodOrBetter(low.distribution), low.distribution.rated)}% in ${low.label} ` +
    `(${goodOrBetter(low.distribution)} of ${low.distribution.rated}) to ${pct(goodOrBetter(high.distribution), high.distribution.rated)}% in ${high.label} ` +
    `(${goodOrBetter(high.distribution)} of ${high.distribution.rated}).`
  );
}

/** "Under the 2018/2021 standards the share rated Good or Outstanding went from 53% in 2019 (n=17) to 75% in 2024 (n=24)." */
export function trendHeadline(
  rows: readonly (Labelled & { year: number | null })[],
  what = "inspections rated Good or Outstanding under the 2018/2021 standards",
): string {
  const drawable = rows.filter((r) => r.year !== null && r.distribution.rated >= MIN_N);
  if (drawable.length < 2) return `Too few years have at least ${MIN_N} rated inspections to show a trend.`;
  const first = drawable[0]!;
  const last = drawable[drawable.length - 1]!;
  const a = pct(goodOrBetter(first.distribution), first.distribution.rated);
  const b = pct(goodOrBetter(last.distribution), last.distribution.rated);
  if (a === b) {
    return `The share of ${what} was ${a}% in both ${first.year} (n=${first.distribution.rated}) and ${last.year} (n=${last.distribution.rated}).`;
  }
  return (
    `The share of ${what} ${b > a ? "rose" : "fell"} from ${a}% in ${first.year} ` +
    `(n=${first.distribution.rated}) to ${b}% in ${last.year} (n=${last.distribution.rated}).`
  );
}

/** "Good or Outstanding on 3.1: 57% under the 2018 standards (4 of 7) and 50% under the 2021 standards (3 of 6)." */
export function frameworkHeadline(rows: readonly Labelled[], code: string): string {
  const drawable = rows.filter((r) => r.distribution.rated >= MIN_N);
  if (drawable.length === 0) return `Too few ratings of ${code} under any one framework to describe (at least ${MIN_N} are needed).`;
  const parts = drawable.map(
    (r) => `${pct(goodOrBetter(r.distribution), r.distribution.rated)}% under the ${r.label} (${goodOrBetter(r.distribution)} of ${r.distribution.rated})`,
  );
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return `Share of ${code} ratings that were Good or Outstanding: ${list}.`;
}
