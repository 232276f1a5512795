// The Wiltshire report (HM Inspectorate of Probation, May 2024) that the tests
// read, from ../shared/seeds next to the repository (YJS_SEEDS_DIR overrides).
// A missing file fails the test that needs it, with this message; never a skip.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
export const SEEDS_DIR = process.env.YJS_SEEDS_DIR ?? path.resolve(ROOT, "..", "shared", "seeds");
export const WILTSHIRE_REPORT = path.join(SEEDS_DIR, "001_544ea16caac9a95d.txt");

export function wiltshireReportText(): string {
  if (!existsSync(WILTSHIRE_REPORT)) {
    throw new Error(
      `The Wiltshire report is missing: expected ${WILTSHIRE_REPORT} (the seed documents in ../shared/seeds next to the repository). ` +
        "Put the seed documents there, or set YJS_SEEDS_DIR to their folder.",
    );
  }
  return readFileSync(WILTSHIRE_REPORT, "utf8");
}
