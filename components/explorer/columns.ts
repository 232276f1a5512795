// The explorer's columns: what each is called, what it sorts by, and its text.
// The table shows the text (with badges and links around it) and the CSV and
// XLSX downloads write exactly the same text, so a download is the table in view.
import { nationLabel } from "@/lib/domain/inspection-kind";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { ratingLabel } from "@/lib/domain/rating";
import type { ExplorerRow, SortKey } from "@/lib/queries/explorer";
import { EXPLORER_DOMAINS, EXPLORER_STANDARDS } from "@/lib/queries/explorer-columns";

export type ColumnKind = "service" | "text" | "rating" | "number" | "date" | "sources";

export type ExplorerColumn = {
  id: string;
  header: string;
  /** A longer description, for the column chooser and screen readers. */
  description: string;
  sortKey: SortKey | null;
  kind: ColumnKind;
  /** The cell's text; null where nothing is recorded (an empty cell in a download). */
  text: (row: ExplorerRow) => string | null;
  /** Standard columns are optional (chosen in the column chooser). */
  optional: boolean;
};

const SHORT_FRAMEWORK_NAMES: Record<string, string> = {
  "2018": "2018 standards",
  "2021": "2021 standards",
  "2018-or-2021": "2018 or 2021 standards (not confirmed which)",
  "2025-IYJWCV": "2025: work with children and victims",
  "2025-IYJS": "2025: full inspection",
};

/** A framework's name short enough for a table cell. */
export function frameworkShortName(code: string, fallback: string): string {
  return SHORT_FRAMEWORK_NAMES[code] ?? fallback;
}

export function scoreText(row: ExplorerRow): string | null {
  const l = row.latest;
  return l && l.score !== null ? `${l.score} / ${l.scoreMax ?? 36}` : null;
}

export function domainText(row: ExplorerRow, number: string): string | null {
  const d = row.latest?.domains[number];
  if (!d) return null;
  const base = `${d.points} / ${d.maxPoints}`;
  return d.rated < d.standards ? `${base} (${d.rated} of ${d.standards} standards recorded)` : base;
}

const FIXED: ExplorerColumn[] = [
  {
    id: "name",
    header: "Service",
    description: "The youth justice service",
    sortKey: "name",
    kind: "service",
    text: (r) => (r.current ? r.name : `${r.name} (former service)`),
    optional: false,
  },
  { id: "nation", header: "Nation", description: "England or Wales", sortKey: "nation", kind: "text", text: (r) => nationLabel(r.nation), optional: false },
  {
    id: "region",
    header: "Region",
    description: "English region (Welsh services have none)",
    sortKey: "region",
    kind: "text",
    text: (r) => r.region,
    optional: false,
  },
  {
    id: "localAuthorities",
    header: "Local authorities",
    description: "The local authorities the service covers",
    sortKey: "localAuthorities",
    kind: "text",
    text: (r) => r.localAuthorities.map((l) => l.name).join("; ") || null,
    optional: false,
  },
  {
    id: "rating",
    header: "Latest overall rating",
    description: "Overall rating of the latest published inspection",
    sortKey: "rating",
    kind: "rating",
    text: (r) => (r.latest?.overallRating ? ratingLabel(r.latest.overallRating) : null),
    optional: false,
  },
  {
    id: "score",
    header: "Score",
    description: "Score of the latest inspection, out of its maximum (2018 and 2021 standards only)",
    sortKey: "score",
    kind: "number",
    text: scoreText,
    optional: false,
  },
  {
    id: "framework",
    header: "Framework",
    description: "The framework of the latest inspection",
    sortKey: "framework",
    kind: "text",
    text: (r) => (r.latest ? frameworkShortName(r.latest.frameworkCode, r.latest.frameworkName) : null),
    optional: false,
  },
  {
    id: "fieldwork",
    header: "Fieldwork",
    description: "When fieldwork of the latest inspection began",
    sortKey: "fieldwork",
    kind: "date",
    text: (r) => formatPartialDate(r.latest?.fieldworkStart, r.latest?.fieldworkStartPrecision),
    optional: false,
  },
  {
    id: "published",
    header: "Published",
    description: "When the latest inspection's report was published",
    sortKey: "published",
    kind: "date",
    text: (r) => formatPartialDate(r.latest?.publishedOn, r.latest?.publishedOnPrecision),
    optional: false,
  },
];

const DOMAIN_COLUMNS: ExplorerColumn[] = EXPLORER_DOMAINS.map((d) => ({
  id: `domain-${d.number}`,
  header: `${d.number}. ${d.name}`,
  description: `Domain ${d.number}, ${d.name}: points of its recorded standards out of their maximum (Outstanding 3, Good 2, Requires improvement 1, Inadequate 0)`,
  sortKey: `domain-${d.number}` as const,
  kind: "number" as const,
  text: (r: ExplorerRow) => domainText(r, d.number),
  optional: false,
}));

export const STANDARD_COLUMNS: ExplorerColumn[] = EXPLORER_STANDARDS.map((s) => ({
  id: `standard-${s.code}`,
  header: `${s.code} ${s.name}`,
  description: `Standard ${s.code}, ${s.name}: its rating in the latest inspection`,
  sortKey: `standard-${s.code}` as const,
  kind: "rating" as const,
  text: (r: ExplorerRow) => {
    const rating = r.latest?.standards[s.code];
    return rating ? ratingLabel(rating) : null;
  },
  optional: true,
}));

const SOURCES: ExplorerColumn = {
  id: "sources",
  header: "Sources",
  description: "Where the latest inspection's figures come from",
  sortKey: null,
  kind: "sources",
  text: (r) => (r.latest?.sourceUrls.length ? r.latest.sourceUrls.join(" ") : null),
  optional: false,
};

export const ALL_COLUMNS: ExplorerColumn[] = [...FIXED, ...DOMAIN_COLUMNS, ...STANDARD_COLUMNS, SOURCES];

/** The columns in view: every fixed column, the chosen standards (in code order), then sources. */
export function columnsInView(standardCodes: readonly string[]): ExplorerColumn[] {
  return ALL_COLUMNS.filter((c) => !c.optional || standardCodes.includes(c.id.slice("standard-".length)));
}
