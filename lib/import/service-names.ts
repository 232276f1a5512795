// Matching a service's name as a file or report writes it to one service.
// A name matches when, once normalised, it equals one of:
//   1. a service's current name, or a known variant of it (prisma/data/service-name-variants.csv);
//   2. a name the service was inspected under (every Inspection.serviceNameAtInspection);
//   3. the name of a local authority the service covers.
// The first layer that gives exactly one service wins; two services at the same
// layer is an ambiguity, reported. An unmatched name is never made a new service:
// the caller reports it with the closest services as suggestions.
import { slugify } from "./slug";

export type ServiceEntry = {
  id: number;
  slug: string;
  name: string;
  current: boolean;
  localAuthorities: string[];
  /** Names the service was inspected under. */
  inspectionNames: string[];
};

export type ServiceVariant = { variant: string; service: string; source: string };

export type MatchLayer = "name" | "variant" | "earlier name" | "local authority" | "words of its name";

export type ServiceMatch =
  | { ok: true; service: ServiceEntry; layer: MatchLayer; matchedName: string }
  | { ok: false; problem: "unknown" | "ambiguous" | "empty"; candidates: ServiceEntry[] };

// Words that say what kind of body a service is, not which one. Dropped before comparing.
const NOISE = new Set([
  "youth", "justice", "offending", "service", "services", "team", "partnership", "the",
  "yjs", "yos", "yot", "yjt", "yjp",
]);

// Report titles and the Data to Insight scrape's names carry these around the service's name.
const AROUND = [
  /^an?\s+(?:joint\s+)?(?:re-?\s?)?inspection\s+of\s+/i,
  /^youth\s+(?:justice|offending)\s+(?:services?\s+|work\s+with\s+children\s+and\s+victims\s+)?in\s+/i,
  /\s*-\s*joint[_\s]inspection$/i,
];

/** "An inspection of youth offending services in Dorset - Joint_Inspection" → "Dorset". */
export function stripTitleWords(name: string): string {
  let out = name.trim();
  for (let pass = 0; pass < 2; pass++) for (const pattern of AROUND) out = out.replace(pattern, "").trim();
  return out;
}

/** The comparable form of a name: folded letters, "&" as "and", no punctuation, no kind-of-body words. */
export function serviceNameKey(name: string): string {
  return slugify(stripTitleWords(name))
    .split("-")
    .filter((word) => word && !NOISE.has(word))
    .join(" ");
}

const STOP_WORDS = new Set(["and", "of", "on", "upon", "city", "council"]);

function tokens(key: string): string[] {
  return key.split(" ").filter((w) => w && !STOP_WORDS.has(w));
}

/** Edit distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** How alike two words are, 0–1: spelling, with a shared start of four letters counting as close. */
function wordSimilarity(a: string, b: string): number {
  const spelling = 1 - editDistance(a, b) / Math.max(a.length, b.length);
  let prefix = 0;
  while (prefix < a.length && a[prefix] === b[prefix]) prefix++;
  return Math.max(spelling, prefix >= 4 ? 0.7 : 0);
}

/**
 * 0–1: words of one name found (exactly or nearly) in the other, over the
 * average number of words; so "Wiltshre" is close to "Wiltshire" and "Tees
 * Valley" to "South Tees", but "Tees Valley" is not close to "Tower Hamlets".
 */
export function nameSimilarity(aKey: string, bKey: string): number {
  const a = tokens(aKey);
  const b = tokens(bKey);
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (const w of a) {
    const best = Math.max(...b.map((v) => wordSimilarity(w, v)));
    if (best >= 0.7) shared += best;
  }
  return Math.min(1, shared / ((a.length + b.length) / 2));
}

type Keyed = { key: string; name: string; service: ServiceEntry };

export class ServiceCatalogue {
  private readonly layers: Map<MatchLayer, Map<string, Keyed[]>> = new Map();
  private readonly all: Keyed[] = [];

  constructor(
    readonly services: readonly ServiceEntry[],
    variants: readonly ServiceVariant[],
  ) {
    const byName = new Map(services.map((s) => [s.name, s]));
    const add = (layer: MatchLayer, name: string, service: ServiceEntry) => {
      const key = serviceNameKey(name);
      if (!key) return;
      const map = this.layers.get(layer) ?? new Map<string, Keyed[]>();
      this.layers.set(layer, map);
      const list = map.get(key) ?? [];
      if (!list.some((k) => k.service.id === service.id)) list.push({ key, name, service });
      map.set(key, list);
      this.all.push({ key, name, service });
    };
    for (const s of services) add("name", s.name, s);
    for (const v of variants) {
      const service = byName.get(v.service);
      if (!service) throw new Error(`Service name variant "${v.variant}" points at "${v.service}", which is not a service.`);
      add("variant", v.variant, service);
    }
    for (const s of services) for (const n of s.inspectionNames) add("earlier name", n, s);
    for (const s of services) for (const la of s.localAuthorities) add("local authority", la, s);
  }

  private isVariant(keyed: Keyed): boolean {
    return this.layers.get("variant")?.get(keyed.key)?.some((k) => k.service.id === keyed.service.id) ?? false;
  }

  match(name: string): ServiceMatch {
    const key = serviceNameKey(name);
    if (!key) return { ok: false, problem: "empty", candidates: [] };
    // Current names and variants are one layer: a variant is another spelling of a current name.
    const order: MatchLayer[][] = [["name", "variant"], ["earlier name"], ["local authority"]];
    for (const group of order) {
      const found = new Map<number, { keyed: Keyed; layer: MatchLayer }>();
      for (const layer of group) {
        for (const keyed of this.layers.get(layer)?.get(key) ?? []) {
          if (!found.has(keyed.service.id)) found.set(keyed.service.id, { keyed, layer });
        }
      }
      if (found.size === 1) {
        const [{ keyed, layer }] = [...found.values()] as [{ keyed: Keyed; layer: MatchLayer }];
        return { ok: true, service: keyed.service, layer, matchedName: keyed.name };
      }
      if (found.size > 1) {
        return { ok: false, problem: "ambiguous", candidates: [...found.values()].map((f) => f.keyed.service) };
      }
    }
    // Last: every word of exactly one service's name (or variant) is in the name given,
    // e.g. "Cheshire East, Cheshire West and Chester, Halton and Warrington". Where several
    // services' words are in it, only those not inside another's count; two left is ambiguous.
    const given = new Set(tokens(key));
    const within = this.all.filter((k) => (k.name === k.service.name || this.isVariant(k)) && tokens(k.key).length > 0 && tokens(k.key).every((w) => given.has(w)));
    const widest = within.filter((k) => !within.some((o) => o.service.id !== k.service.id && tokens(o.key).length > tokens(k.key).length && tokens(k.key).every((w) => tokens(o.key).includes(w))));
    const services = new Map(widest.map((k) => [k.service.id, k]));
    if (services.size === 1) {
      const [keyed] = [...services.values()] as [Keyed];
      return { ok: true, service: keyed.service, layer: "words of its name", matchedName: keyed.name };
    }
    if (services.size > 1) return { ok: false, problem: "ambiguous", candidates: [...services.values()].map((k) => k.service) };
    return { ok: false, problem: "unknown", candidates: this.closest(name) };
  }

  /** Up to `count` services whose names (any of them) are closest to `name`, closest first. */
  closest(name: string, count = 3): ServiceEntry[] {
    const key = serviceNameKey(name);
    const best = new Map<number, { service: ServiceEntry; score: number }>();
    for (const keyed of this.all) {
      const score = nameSimilarity(key, keyed.key);
      const current = best.get(keyed.service.id);
      if (!current || score > current.score) best.set(keyed.service.id, { service: keyed.service, score });
    }
    return [...best.values()]
      .filter((b) => b.score >= 0.3)
      .sort((a, b) => b.score - a.score || a.service.name.localeCompare(b.service.name))
      .slice(0, count)
      .map((b) => b.service);
  }
}

/** The message for a name that matched no single service, naming the closest ones. */
export function describeUnmatched(name: string, match: Extract<ServiceMatch, { ok: false }>): string {
  const list = (services: ServiceEntry[]) => services.map((s) => `"${s.name}"`).join(", ");
  if (match.problem === "empty") return "The service name is empty once words such as \"Youth Justice Service\" are set aside.";
  if (match.problem === "ambiguous") {
    return `"${name}" could be any of ${list(match.candidates)}: write the service's full current name.`;
  }
  const hint = match.candidates.length > 0 ? ` The closest are ${list(match.candidates)}.` : "";
  return `"${name}" is not a known service, nor a known variant of one.${hint} Write the service's current name; no new service is created by an import.`;
}
