import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it("keeps back-office paths", () => {
    expect(safeNextPath("/admin")).toBe("/admin");
    expect(safeNextPath("/admin/inspections/12/edit")).toBe("/admin/inspections/12/edit");
    expect(safeNextPath("/admin?status=draft")).toBe("/admin?status=draft");
  });
  it("sends anything else to /admin", () => {
    for (const bad of ["//evil.example/admin", "https://evil.example/admin", "/admin@evil.example", "/administrator", "/\\evil", null, 3, "/"]) {
      expect(safeNextPath(bad)).toBe("/admin");
    }
  });
});
