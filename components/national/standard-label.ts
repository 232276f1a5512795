// How a standard is named in charts and tables: its code, and its name with
// the domain where the name alone is ambiguous ("Assessment" is both 2.1 and 3.1).
import type { StandardInfo } from "@/lib/queries/national";

type Named = Pick<StandardInfo, "code" | "name" | "domainNumber" | "domainName" | "caseBased">;

/** "2.1 Court disposals: Assessment", "1.2 Staff". */
export function standardLabel(s: Named): string {
  return s.caseBased ? `${s.code} ${s.domainName}: ${s.name}` : `${s.code} ${s.name}`;
}

/** Short form for chart axes: "2.1 Court: assessment", "3.4 Out-of-court: policy or joint working". */
export function shortStandardLabel(s: Named): string {
  if (s.caseBased) {
    const domain = s.domainNumber === "2" ? "Court" : "Out-of-court";
    const name = s.name === "Implementation and delivery" ? "delivery" : s.name.toLowerCase();
    return `${s.code} ${domain}: ${name}`;
  }
  if (s.code === "3.4") return "3.4 Out-of-court policy / joint working";
  return `${s.code} ${s.name}`;
}
