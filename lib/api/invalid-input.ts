// Plain words for input that failed a zod schema: which field, and what was
// expected, never the value itself (it may be 10 MB, or a password).
import type { z } from "zod";

const MAX_LISTED = 4;

/** "The request was not understood: id: expected a number, received string; version: …". */
export function describeInvalidInput(error: z.ZodError, what = "The request"): string {
  const issues = error.issues.slice(0, MAX_LISTED).map((issue) => {
    const where = issue.path.length ? issue.path.map(String).join(".") : "the whole request";
    // zod's own message says what was expected ("Too big: expected string to have <=320 characters").
    return `${where}: ${issue.message.replace(/^Invalid input: /, "")}`;
  });
  const more = error.issues.length > MAX_LISTED ? ` (and ${error.issues.length - MAX_LISTED} more)` : "";
  return `${what} was not understood: ${issues.join("; ")}${more}.`;
}
