// The check that runs before the embedded PostgreSQL starts as root (as the
// `postgres` user): a folder that user cannot enter, above DATA_DIR, above its
// programs or above the temporary folder, is named in one clear line instead
// of "spawn … initdb EACCES" or a "Permission denied" from inside initdb.
// Real folders, made with mkdtemp (mode 700, as `mktemp -d` makes them).
import { chmod, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserFacingError } from "../errors";
import { folderOthersCannotEnter, refuseFoldersPostgresCannotEnter } from "./embedded";

let closed: string; // mode 700
let open: string; // mode 755

beforeAll(async () => {
  closed = await mkdtemp(path.join(os.tmpdir(), "yjs-closed-"));
  open = await mkdtemp(path.join(os.tmpdir(), "yjs-open-"));
  await chmod(open, 0o755);
  for (const dir of [path.join(closed, "data"), path.join(closed, "native", "bin"), path.join(open, "data"), path.join(open, "bin")]) await mkdir(dir, { recursive: true, mode: 0o755 });
});

afterAll(async () => {
  await rm(closed, { recursive: true, force: true });
  await rm(open, { recursive: true, force: true });
});

describe("folderOthersCannotEnter", () => {
  it("names the closest folder (itself or above) that others cannot enter", async () => {
    expect(((await stat(closed)).mode & 0o777).toString(8)).toBe("700");
    expect(await folderOthersCannotEnter(path.join(closed, "data"))).toBe(closed);
    expect(await folderOthersCannotEnter(closed)).toBe(closed);
    expect(await folderOthersCannotEnter(path.join(open, "data"))).toBeNull();
  });
});

describe("refuseFoldersPostgresCannotEnter", () => {
  const refusal = (dataDir: string, binaries: string | null, tmp: string) =>
    refuseFoldersPostgresCannotEnter(dataDir, binaries, tmp).then(() => null, (error: unknown) => error);

  it("passes when DATA_DIR, the programs and the temporary folder can all be entered", async () => {
    expect(await refusal(path.join(open, "data"), path.join(open, "bin"), open)).toBeNull();
  });
  it("names a DATA_DIR inside a folder of mode 700", async () => {
    const error = await refusal(path.join(closed, "data"), path.join(open, "bin"), open);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toBe(`DATA_DIR ${path.join(closed, "data")} is inside ${closed}, which the postgres user cannot enter (PostgreSQL refuses to run as root): choose a DATA_DIR elsewhere.`);
  });
  it("names the programs' folder when the project is inside a folder of mode 700", async () => {
    const error = await refusal(path.join(open, "data"), path.join(closed, "native", "bin"), open);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toMatch(new RegExp(`^The PostgreSQL programs in ${path.join(closed, "native", "bin")} are inside ${closed}, which the postgres user cannot enter`));
  });
  it("names a temporary folder (TMPDIR) of mode 700", async () => {
    const error = await refusal(path.join(open, "data"), path.join(open, "bin"), closed);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toMatch(new RegExp(`^The temporary folder ${closed} cannot be entered by the postgres user .*set TMPDIR`));
    const below = await refusal(path.join(open, "data"), path.join(open, "bin"), path.join(closed, "data"));
    expect((below as Error).message).toMatch(new RegExp(`^The temporary folder ${path.join(closed, "data")} is inside ${closed}, which the postgres user cannot enter`));
  });
});
