// Staff corrections survive every later seed: an inspection with editedByStaffAt
// set is detached from the dataset, so the seed neither updates nor deletes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset, type ParsedDataset } from "../import/dataset";
import { seed } from "./seed";
import { createTestDatabase, type TestDatabase } from "./test-database";

const WILTSHIRE_KEY = "hmip-dataset:wiltshire:2024-05-14:full";

describe("seed and staff edits", () => {
  let test: TestDatabase;
  let data: ParsedDataset;

  beforeAll(async () => {
    test = await createTestDatabase();
    data = await loadDataset();
    await seed(test.db);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("leaves a staff-edited inspection alone: neither updated, nor deleted, nor duplicated", async () => {
    // Two records staff corrected, and two the dataset alone owns (the controls).
    const [editedKept, editedDropped, plainChanged, plainDropped] = [
      WILTSHIRE_KEY,
      data.inspections[1]!.importKey,
      data.inspections[2]!.importKey,
      data.inspections[3]!.importKey,
    ];
    expect(new Set([editedKept, editedDropped, plainChanged, plainDropped]).size).toBe(4);

    const wiltshire = await test.db.inspection.findUniqueOrThrow({
      where: { importKey: editedKept },
      include: { standardRatings: true },
    });
    const ratingToChange = wiltshire.standardRatings[0]!;
    const otherRating = ratingToChange.rating === "GOOD" ? "OUTSTANDING" : "GOOD";
    await test.db.$transaction([
      test.db.inspection.update({
        where: { importKey: editedKept },
        data: { notes: "Corrected by staff", casesInspected: 77, editedByStaffAt: new Date(), version: { increment: 1 } },
      }),
      test.db.standardRating.update({
        where: { inspectionId_standardId: { inspectionId: wiltshire.id, standardId: ratingToChange.standardId } },
        data: { rating: otherRating, panelJudgement: true },
      }),
      test.db.inspection.update({ where: { importKey: editedDropped }, data: { editedByStaffAt: new Date() } }),
    ]);
    const before = await test.db.inspection.findUniqueOrThrow({
      where: { importKey: editedKept },
      include: { standardRatings: { orderBy: { standardId: "asc" } }, keyQuestionResults: { orderBy: { keyQuestionId: "asc" } } },
    });

    // The next dataset: changes the edited record and a control, drops the other edited record and a control.
    const next: ParsedDataset = {
      services: data.services,
      inspections: data.inspections
        .filter((d) => d.importKey !== editedDropped && d.importKey !== plainDropped)
        .map((d) =>
          d.importKey === editedKept || d.importKey === plainChanged ? { ...d, notes: "Changed in the dataset" } : d,
        ),
    };
    const summary = await seed(test.db, { data: next });

    // Controls: the seed still updates and deletes what it owns.
    expect(summary.inspections.deleted).toBe(1);
    expect(summary.inspections.updated).toBe(1);
    expect((await test.db.inspection.findUniqueOrThrow({ where: { importKey: plainChanged } })).notes).toBe("Changed in the dataset");
    expect(await test.db.inspection.findUnique({ where: { importKey: plainDropped } })).toBeNull();

    // The staff-edited records: exactly as staff left them.
    const after = await test.db.inspection.findUniqueOrThrow({
      where: { importKey: editedKept },
      include: { standardRatings: { orderBy: { standardId: "asc" } }, keyQuestionResults: { orderBy: { keyQuestionId: "asc" } } },
    });
    expect(after).toEqual(before);
    expect(after.notes).toBe("Corrected by staff");
    expect(after.standardRatings.find((r) => r.standardId === ratingToChange.standardId)).toMatchObject({
      rating: otherRating,
      panelJudgement: true,
    });
    expect(await test.db.inspection.findUnique({ where: { importKey: editedDropped } })).not.toBeNull();
    expect(await test.db.inspection.count({ where: { importKey: { in: [editedKept, editedDropped] } } })).toBe(2);

    // And a third run with the original dataset leaves them alone too.
    await seed(test.db, { data });
    expect(await test.db.inspection.findUniqueOrThrow({
      where: { importKey: editedKept },
      include: { standardRatings: { orderBy: { standardId: "asc" } }, keyQuestionResults: { orderBy: { keyQuestionId: "asc" } } },
    })).toEqual(before);
  });
});
