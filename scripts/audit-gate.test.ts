// The audit gate's decisions on `npm audit --json` output of the documented
// shapes (auditReportVersion 2), and on the registry's real 405 refusal.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditExceptionsSchema, judgeAudit, type AuditException } from "./audit-gate";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "audit-fixtures", name), "utf8");
const today = "2026-12-01";
const exception = (id: string, reviewBy = "2027-03-01", pkg?: string): AuditException => ({
  id,
  ...(pkg ? { package: pkg } : {}),
  reason: "Only reachable through the build tooling, never with user input.",
  reviewedBy: "security lead",
  reviewBy,
});

describe("judgeAudit", () => {
  it("passes a clean report", () => {
    const verdict = judgeAudit(fixture("clean.json"), [], { today });
    expect(verdict.outcome).toBe("pass");
    expect(verdict.lines.at(-1)).toMatch(/^audit passed/);
  });

  it("fails on every high and critical advisory not accepted, naming each, and not on moderate ones", () => {
    const verdict = judgeAudit(fixture("vulnerable.json"), [], { today });
    expect(verdict.outcome).toBe("fail");
    if (verdict.outcome !== "fail") return;
    expect(verdict.blocking.map((a) => `${a.id} ${a.package} ${a.severity}`).sort()).toEqual([
      "GHSA-c2qf-rxjj-qqgw semver high",
      "GHSA-g4rg-993r-mgx7 shell-quote critical",
    ]);
    expect(verdict.lines.join("\n")).toMatch(/note: MODERATE GHSA-776f-qx25-q3cc in xml2js/);
  });

  it("passes when every blocking advisory has a current exception, and lists them as accepted", () => {
    const verdict = judgeAudit(fixture("vulnerable.json"), [exception("GHSA-c2qf-rxjj-qqgw"), exception("GHSA-g4rg-993r-mgx7", "2026-12-01", "shell-quote")], { today });
    expect(verdict.outcome).toBe("pass");
    if (verdict.outcome !== "pass") return;
    expect(verdict.accepted).toHaveLength(2);
    expect(verdict.lines.join("\n")).toMatch(/accepted: CRITICAL GHSA-g4rg-993r-mgx7 .* look again by 2026-12-01/);
  });

  it("fails when an exception's review date has passed, or it names another package", () => {
    const overdue = judgeAudit(fixture("vulnerable.json"), [exception("GHSA-c2qf-rxjj-qqgw", "2026-11-30"), exception("GHSA-g4rg-993r-mgx7")], { today });
    expect(overdue.outcome).toBe("fail");
    expect(overdue.lines.join("\n")).toMatch(/GHSA-c2qf-rxjj-qqgw.*review date 2026-11-30 has passed/);
    const wrongPackage = judgeAudit(fixture("vulnerable.json"), [exception("GHSA-c2qf-rxjj-qqgw", "2027-01-01", "make-dir"), exception("GHSA-g4rg-993r-mgx7")], { today });
    expect(wrongPackage.outcome).toBe("fail");
  });

  it("accepts npm's numeric advisory id as well as the GHSA id", () => {
    const verdict = judgeAudit(fixture("vulnerable.json"), [exception("GHSA-c2qf-rxjj-qqgw")], { today });
    expect(verdict.outcome).toBe("fail");
    const numeric = judgeAudit(
      fixture("vulnerable.json").replace("https://github.com/advisories/GHSA-g4rg-993r-mgx7", "https://npmjs.com/advisories/1087738"),
      [exception("GHSA-c2qf-rxjj-qqgw"), exception("1087738")],
      { today },
    );
    expect(numeric.outcome).toBe("pass");
  });

  it("says an exception that matches nothing should be removed", () => {
    const verdict = judgeAudit(fixture("clean.json"), [exception("GHSA-aaaa-bbbb-cccc")], { today });
    expect(verdict.outcome).toBe("pass");
    expect(verdict.lines.join("\n")).toMatch(/GHSA-aaaa-bbbb-cccc matches no current advisory/);
  });

  it("reports the registry's 405 refusal loudly as NOT CHECKED, never as a pass; strict makes it fail", () => {
    const verdict = judgeAudit(fixture("registry-405.json"), [], { today });
    expect(verdict.outcome).toBe("unchecked");
    if (verdict.outcome !== "unchecked") return;
    expect(verdict.checked).toBe(false);
    expect(verdict.exitCode).toBe(0);
    expect(verdict.lines.join("\n")).toMatch(/NPM AUDIT NOT CHECKED: .*HTTP 405/);
    expect(verdict.lines.join("\n")).toMatch(/This is not a pass/);
    const strict = judgeAudit(fixture("registry-405.json"), [], { today, strict: true });
    expect(strict.outcome === "unchecked" && strict.exitCode).toBe(1);
  });

  it("reports a network failure as NOT CHECKED with npm's reason", () => {
    const verdict = judgeAudit(fixture("network-error.json"), [], { today });
    expect(verdict.outcome).toBe("unchecked");
    expect(verdict.lines.join("\n")).toMatch(/ENOTFOUND: request to .* failed/);
  });

  it("fails on output it cannot read, rather than passing", () => {
    expect(judgeAudit("npm ERR! something odd", [], { today }).outcome).toBe("error");
    expect(judgeAudit(JSON.stringify({ auditReportVersion: 3, advisories: {} }), [], { today }).outcome).toBe("error");
  });
});

describe("audit-exceptions.json", () => {
  it("is valid, and an entry needs an advisory id, a reason and a review date", () => {
    const file = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "audit-exceptions.json"), "utf8")) as unknown;
    expect(auditExceptionsSchema.safeParse(file).success).toBe(true);
    const incomplete = auditExceptionsSchema.safeParse({ exceptions: [{ id: "GHSA-c2qf-rxjj-qqgw", reason: "ok", reviewedBy: "x", reviewBy: "soon" }] });
    expect(incomplete.success).toBe(false);
    expect(incomplete.error?.issues.map((i) => i.path.join("."))).toEqual(["exceptions.0.reason", "exceptions.0.reviewBy"]);
  });
});
