// Rows of the Data to Insight scrape of the inspectorate's youth justice ratings
// (hmi_youth_justice_inspection_ratings.csv, github.com/data-to-insight/
// hmi-probation-youth-justice-scrape, MIT licence, Copyright (c) 2025
// data-to-insight), with its header as published, for tests. Facts only.
export const SCRAPE_HEADER =
  "la_name,la_ref,score_%,overall_rating,publication_date,report_url,staff,partnerships_and_services,information_and_facilities,assessment,planning,reviewing,implementation_and_delivery,resettlement_policy_and_provision,governance_and_leadership,outofcourt_disposal_policy_and_provision,policy_and_provision,joint_working";

export const SCRAPE_ROWS = {
  wiltshire: "Wiltshire,wiltshire,55.56,Good,14/05/2024,https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/wiltshire2024/,Good,Good,Outstanding,Inadequate,Good,Good,Good,Outstanding,Good,,,",
  bridgend: "Bridgend,bridgend-jys,4.56,Requires i mprovement,14/06/2022,https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/bridgend-jys/,Good,,Good,Good,,,,,,,,",
  westSussex: "West Sussex,west-sussex-yjs,72.22,Rating,22/06/2022,https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/west-sussex-yjs/,Outstanding,Good,Good,Outstanding,Outstanding,,Outstanding,Good,Good,Good,,",
  plymouth: "Plymouth,plymouth-yjs,66.67,Good,04/02/2022,https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/plymouth-yjs/,Good,Good,Good,Good,,Outstanding,Good,,Good,,Good,",
  kirklees: "Kirklees,kirklees-yjs,22.22,Requires i mprovement,12/10/2021,https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/kirklees-yjs/,,,,,Inadequate,Inadequate,Inadequate,,,,,Inadequate",
  dorset: "youth offending services in Dorset - Joint_Inspection,dorsetyos,66.67,Good,17/01/2023,https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/dorsetyos/,Good,Good,Good,Good,Outstanding,Good,Good,Good,Good,,,",
  redbridge: "Redbridge,redbridge,30.56,Requires improvement,10/05/2024,https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/redbridge2024/,Good,,Good,,Inadequate,,Inadequate,,,,,",
} as const;

export function scrapeCsv(...rows: (keyof typeof SCRAPE_ROWS)[]): string {
  return [SCRAPE_HEADER, ...rows.map((r) => SCRAPE_ROWS[r])].join("\n") + "\n";
}
