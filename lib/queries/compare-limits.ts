// How many services /compare takes, and reading them from the URL. Pure, so
// the heatmap (a client component) can use the same limits.

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 6;

export type CompareRequest = { slugs: string[]; problem: string | null };

/**
 * Reads `services=a,b,c` (commas, spaces or repeated parameters), lower-cased
 * and without repeats. `problem` says in words what is wrong with the count.
 */
export function parseCompareSlugs(value: string | string[] | undefined): CompareRequest {
  const raw = (Array.isArray(value) ? value : [value ?? ""]).flatMap((v) => v.split(/[,\s]+/));
  const slugs = [...new Set(raw.map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (slugs.length < MIN_COMPARED) {
    return {
      slugs,
      problem:
        slugs.length === 0
          ? "No services were chosen. Give two to six services, for example /compare?services=wiltshire,dorset."
          : `Only one service was chosen (${slugs[0]}). Comparing needs two to six services.`,
    };
  }
  if (slugs.length > MAX_COMPARED) {
    return { slugs, problem: `${slugs.length} services were chosen; at most ${MAX_COMPARED} can be compared at once.` };
  }
  return { slugs, problem: null };
}
