// Known variants of service names (prisma/data/service-name-variants.csv):
// spellings used by the inspectorate, the Youth Justice Board or councils for a
// current service, each with the source that uses it.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { UserFacingError } from "../errors";
import { parseCsvTable } from "./csv-table";
import { DATA_DIR } from "./dataset";
import type { ServiceVariant } from "./service-names";

export const SERVICE_VARIANTS_FILE = path.join(DATA_DIR, "service-name-variants.csv");

const COLUMNS = ["variant", "service", "source"];

export function parseServiceVariants(text: string, file = "service-name-variants.csv"): ServiceVariant[] {
  const parsed = parseCsvTable(text);
  if (!parsed.ok) throw new UserFacingError(`${file}, line ${parsed.issue.line}: ${parsed.issue.message}`);
  const [header, ...rows] = parsed.table.rows;
  const names = header?.cells.map((c) => c.value.trim()) ?? [];
  if (names.join(",") !== COLUMNS.join(",")) {
    throw new UserFacingError(`${file}: expected the columns ${COLUMNS.join(",")}, found ${names.join(",")}.`);
  }
  return rows.map((row) => {
    const [variant = "", service = "", source = ""] = row.cells.map((c) => c.value.trim());
    if (row.cells.length !== 3 || !variant || !service || !/^https?:\/\/\S+$/.test(source)) {
      throw new UserFacingError(`${file}, line ${row.line}: each row needs a variant, the service's current name and a source URL.`);
    }
    return { variant, service, source };
  });
}

export async function loadServiceVariants(file = SERVICE_VARIANTS_FILE): Promise<ServiceVariant[]> {
  return parseServiceVariants(await readFile(file, "utf8"), path.basename(file));
}
