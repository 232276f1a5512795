export type InspectionKind = "FULL" | "REINSPECTION" | "THEMATIC" | "OTHER";

const labels: Record<InspectionKind, string> = {
  FULL: "Full inspection",
  REINSPECTION: "Re-inspection",
  THEMATIC: "Thematic inspection",
  OTHER: "Other inspection (pilot or 2025 programme)",
};

export function inspectionKindLabel(kind: InspectionKind): string {
  return labels[kind];
}

export function nationLabel(nation: "ENGLAND" | "WALES"): string {
  return nation === "ENGLAND" ? "England" : "Wales";
}
