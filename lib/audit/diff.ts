// What changed between two snapshots of a record (pure: the browser uses it too).
export type Change = { path: string; before: unknown; after: unknown };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every leaf that differs between two snapshots, as "ratings.2.1"-style paths. */
export function diffSnapshots(before: unknown, after: unknown, path = ""): Change[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffSnapshots(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return [];
  return [{ path: path || "(record)", before: before ?? null, after: after ?? null }];
}

