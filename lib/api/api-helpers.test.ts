import { describe, expect, it } from "vitest";
import { parseCsv, parseServicesCsv, parseWelshNamesCsv } from "../import/dataset";
import { toCsv } from "./csv";
import { negotiate } from "./http";
import { periodEnd } from "./parameters";
import { paginationJson, partialDateJson, ratingJson } from "./present";

describe("toCsv", () => {
  it("quotes what needs quoting, writes null as empty and ends lines in CRLF", () => {
    const text = toCsv(["a", "b", "c"], [["Bournemouth, Christchurch and Poole", null, 0], ['say "hi"', true, " x"]]);
    expect(text).toBe('a,b,c\r\n"Bournemouth, Christchurch and Poole",,0\r\n"say ""hi""",true," x"\r\n');
    expect(parseCsv(text)).toEqual([["a", "b", "c"], ["Bournemouth, Christchurch and Poole", "", "0"], ['say "hi"', "true", " x"]]);
    expect(toCsv(["a"], [], { bom: true }).startsWith("\uFEFF")).toBe(true);
  });
});

describe("negotiate", () => {
  const req = (accept?: string) => new Request("http://x/", { headers: accept ? { Accept: accept } : {} });
  it("prefers ?format, then the Accept header's preference, then JSON", () => {
    expect(negotiate(req("text/csv"), undefined)).toBe("csv");
    expect(negotiate(req("text/csv"), "json")).toBe("json");
    expect(negotiate(req(), "csv")).toBe("csv");
    expect(negotiate(req(), undefined)).toBe("json");
    expect(negotiate(req("*/*"), undefined)).toBe("json");
    expect(negotiate(req("application/json;q=0.4, text/csv"), undefined)).toBe("csv");
    expect(negotiate(req("application/json, text/csv;q=0.5"), undefined)).toBe("json");
    expect(negotiate(req("text/csv;q=0"), undefined)).toBe("json");
  });
});

describe("periodEnd", () => {
  it("is the first day after the period", () => {
    expect(periodEnd(new Date("2024-01-01T00:00:00Z"), "YEAR").toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(periodEnd(new Date("2024-12-01T00:00:00Z"), "MONTH").toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(periodEnd(new Date("2024-02-29T00:00:00Z"), "DAY").toISOString()).toBe("2024-03-01T00:00:00.000Z");
  });
});

describe("presenting values", () => {
  it("keeps a date's precision and a rating's label, and null for not recorded", () => {
    expect(partialDateJson(new Date("2019-03-01T00:00:00Z"), "MONTH")).toEqual({ date: "2019-03", precision: "MONTH" });
    expect(partialDateJson(null, null)).toBeNull();
    expect(ratingJson("REQUIRES_IMPROVEMENT")).toEqual({ value: "REQUIRES_IMPROVEMENT", label: "Requires improvement" });
    expect(ratingJson(null)).toBeNull();
  });
  it("links the next and previous pages, keeping the other parameters", () => {
    const p = paginationJson("/api/v1/services", new URLSearchParams("nation=WALES&page=2"), 2, 10, 25);
    expect(p).toEqual({
      page: 2,
      pageSize: 10,
      total: 25,
      totalPages: 3,
      next: "/api/v1/services?nation=WALES&page=3&pageSize=10",
      prev: "/api/v1/services?nation=WALES&page=1&pageSize=10",
    });
    expect(paginationJson("/x", new URLSearchParams(), 1, 10, 0)).toMatchObject({ totalPages: 1, next: null, prev: null });
  });
});

describe("parseWelshNamesCsv", () => {
  const services = parseServicesCsv(
    "service,local_authorities,nation,region,source_url\nWrexham,Wrexham,Wales,Wales,https://a\nPoole,Poole,England,South West,https://b\n",
  );
  it("reads Welsh names of Welsh local authorities", () => {
    expect(parseWelshNamesCsv("local_authority,welsh_name,source\nWrexham,Wrecsam,https://x https://y\n", services)).toEqual({
      Wrexham: "Wrecsam",
    });
  });
  it("names the line and field of every problem", () => {
    const issues: { record: string; field: string; message: string }[] = [];
    parseWelshNamesCsv(
      "local_authority,welsh_name,source\nPoole,Pwl,https://x\nWrexham,,https://x\nWrexham,Wrecsam,ftp://x\n",
      services,
      issues,
    );
    expect(issues.map((i) => [i.record, i.field])).toEqual([
      ["Welsh names CSV line 2 (Poole)", "local_authority"],
      ["Welsh names CSV line 3 (Wrexham)", "welsh_name"],
      ["Welsh names CSV line 4 (Wrexham)", "source"],
    ]);
  });
});
