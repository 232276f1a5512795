import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

describe("slugify", () => {
  it("lower-cases and joins words with hyphens", () => {
    expect(slugify("Barking and Dagenham")).toBe("barking-and-dagenham");
    expect(slugify("Dorset Combined YOS")).toBe("dorset-combined-yos");
  });

  it("folds accents to ASCII", () => {
    expect(slugify("Gwynedd and Ynys Môn")).toBe("gwynedd-and-ynys-mon");
    expect(slugify("Ceredigion Élan Ŵy")).toBe("ceredigion-elan-wy");
  });

  it("spells out ampersands", () => {
    expect(slugify("Bath & North East Somerset")).toBe("bath-and-north-east-somerset");
    expect(slugify("A&B")).toBe("a-and-b");
  });

  it("drops apostrophes and collapses punctuation and spaces", () => {
    expect(slugify("King's Lynn")).toBe("kings-lynn");
    expect(slugify("  Bournemouth, Christchurch  and Poole (BCP) ")).toBe("bournemouth-christchurch-and-poole-bcp");
    expect(slugify("Cheshire East / Cheshire West -- Halton")).toBe("cheshire-east-cheshire-west-halton");
  });

  it("keeps digits and yields an empty string for nothing sluggable", () => {
    expect(slugify("Area 51")).toBe("area-51");
    expect(slugify("—")).toBe("");
  });

  it("produces slugs that satisfy the database's format check", () => {
    for (const name of ["Western Bay", "Tower Hamlets and City of London", "St. Helens"]) {
      expect(slugify(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});
