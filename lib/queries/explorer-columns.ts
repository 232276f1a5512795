// The domains and standards the explorer can show as columns: those of the
// 2018 and 2021 standards (one programme, the same codes and meaning). The 2025
// programme has no standards in our sources, so its inspections show
// "not recorded" in these columns rather than being pooled with anything.
import { FRAMEWORKS } from "../domain/frameworks";

export type ExplorerDomain = { number: string; name: string };
export type ExplorerStandard = { code: string; name: string; domainNumber: string };

const programmeFrameworks = FRAMEWORKS.filter((f) => f.programme === "STANDARDS_2018_2021");

/** Domains 1 to 4, in order. */
export const EXPLORER_DOMAINS: readonly ExplorerDomain[] = (() => {
  const byNumber = new Map<string, ExplorerDomain>();
  for (const f of programmeFrameworks) for (const d of f.domains) if (!byNumber.has(d.number)) byNumber.set(d.number, d);
  return [...byNumber.values()].sort((a, b) => a.number.localeCompare(b.number));
})();

/**
 * Standards 1.1 to 4.1, in order. A code whose name changed between the 2018
 * and 2021 standards (3.4) carries both names.
 */
export const EXPLORER_STANDARDS: readonly ExplorerStandard[] = (() => {
  const byCode = new Map<string, { names: string[]; domainNumber: string }>();
  for (const f of programmeFrameworks) {
    for (const s of f.standards) {
      // The "not confirmed which" framework repeats names already listed.
      if (f.code === "2018-or-2021") continue;
      const entry = byCode.get(s.code) ?? { names: [], domainNumber: s.domainNumber };
      if (!entry.names.includes(s.name)) entry.names.push(s.name);
      byCode.set(s.code, entry);
    }
  }
  return [...byCode.entries()]
    .map(([code, e]) => ({ code, name: e.names.join(" / "), domainNumber: e.domainNumber }))
    .sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
})();

export const EXPLORER_STANDARD_CODES: readonly string[] = EXPLORER_STANDARDS.map((s) => s.code);
export const EXPLORER_DOMAIN_NUMBERS: readonly string[] = EXPLORER_DOMAINS.map((d) => d.number);
