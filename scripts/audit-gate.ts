// The decision of `npm run audit` (scripts/audit.ts), kept apart from running
// npm so it can be tested on real `npm audit --json` output shapes.
//
// - High and critical advisories fail the gate unless audit-exceptions.json
//   lists them (advisory id, reason, review-by date) and the review date has
//   not passed.
// - When the registry refuses or cannot be reached, the audit was NOT checked:
//   the verdict says so loudly; whether that fails depends on `strict`.
// - Anything else npm prints that is not an audit report fails: a gate that
//   cannot read its input must not pass.
import { z } from "zod";

export const BLOCKING_SEVERITIES = ["high", "critical"] as const;

/** One reviewed, accepted advisory. */
export const auditExceptionSchema = z.strictObject({
  id: z.string().regex(/^(GHSA(-[23456789cfghjmpqrvwx]{4}){3}|\d+)$/, "a GitHub advisory id (GHSA-xxxx-xxxx-xxxx) or npm's numeric advisory id"),
  package: z.string().min(1).optional(),
  reason: z.string().min(20, "say why the advisory does not apply or is accepted, in a sentence or more"),
  reviewedBy: z.string().min(1),
  reviewBy: z.iso.date("a date as YYYY-MM-DD: when to look at it again"),
});
export const auditExceptionsSchema = z.strictObject({
  $comment: z.string().optional(),
  exceptions: z.array(auditExceptionSchema),
});
export type AuditException = z.infer<typeof auditExceptionSchema>;

/** An advisory as npm (auditReportVersion 2) reports it in a package's `via`. */
const viaAdvisory = z.object({
  source: z.number(),
  name: z.string(),
  title: z.string(),
  url: z.string(),
  severity: z.enum(["info", "low", "moderate", "high", "critical"]),
  range: z.string().optional(),
});
const reportSchema = z.object({
  auditReportVersion: z.literal(2),
  vulnerabilities: z.record(
    z.string(),
    z.object({
      name: z.string(),
      severity: z.string(),
      via: z.array(z.union([z.string(), viaAdvisory.loose()])),
      fixAvailable: z.unknown().optional(),
    }),
  ),
  metadata: z.object({ vulnerabilities: z.record(z.string(), z.number()) }).loose(),
});
/** What `npm audit --json` prints when the request failed (registry refusal, network). */
const failureSchema = z.object({
  message: z.string().optional(),
  statusCode: z.number().optional(),
  code: z.string().optional(),
  error: z.union([z.object({ code: z.string().optional(), summary: z.string().optional(), detail: z.string().optional() }).loose(), z.string()]).optional(),
});

export type Advisory = { id: string; package: string; severity: string; title: string; url: string };

export type AuditVerdict =
  | { outcome: "pass"; checked: true; advisories: Advisory[]; accepted: Advisory[]; lines: string[] }
  | { outcome: "fail"; checked: true; blocking: Advisory[]; lines: string[] }
  | { outcome: "unchecked"; checked: false; why: string; exitCode: 0 | 1; lines: string[] }
  | { outcome: "error"; checked: false; why: string; lines: string[] };

/** The GHSA id in an advisory's URL, else npm's numeric id. */
function advisoryId(via: z.infer<typeof viaAdvisory>): string {
  return /(GHSA(-[0-9a-z]{4}){3})/i.exec(via.url)?.[1] ?? String(via.source);
}

/** Every advisory object in the report (each sits in the `via` of the package it affects). */
export function advisoriesOf(report: z.infer<typeof reportSchema>): Advisory[] {
  const found = new Map<string, Advisory>();
  for (const vulnerability of Object.values(report.vulnerabilities)) {
    for (const via of vulnerability.via) {
      if (typeof via === "string") continue; // "through another package": that package has the advisory itself
      const parsed = viaAdvisory.safeParse(via);
      if (!parsed.success) continue;
      const advisory = { id: advisoryId(parsed.data), package: parsed.data.name, severity: parsed.data.severity, title: parsed.data.title, url: parsed.data.url };
      found.set(`${advisory.id} ${advisory.package}`, advisory);
    }
  }
  return [...found.values()];
}

function describe(a: Advisory): string {
  return `${a.severity.toUpperCase()} ${a.id} in ${a.package}: ${a.title} (${a.url})`;
}

/**
 * Judges one run of `npm audit --json`. `today` is YYYY-MM-DD; `strict`
 * makes an audit that could not be checked fail (for a CI with registry access).
 */
export function judgeAudit(stdout: string, exceptions: AuditException[], options: { today: string; strict?: boolean }): AuditVerdict {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    const why = `npm audit printed something that is not JSON: ${JSON.stringify(stdout.slice(0, 200))}`;
    return { outcome: "error", checked: false, why, lines: [`AUDIT FAILED: ${why}`] };
  }

  const report = reportSchema.safeParse(json);
  if (!report.success) {
    const failure = failureSchema.safeParse(json);
    const innerCode = failure.success && typeof failure.data.error === "object" ? failure.data.error.code : undefined;
    if (failure.success && (failure.data.statusCode !== undefined || failure.data.code || innerCode || failure.data.message)) {
      const status = failure.data.statusCode ? `HTTP ${failure.data.statusCode}` : (failure.data.code ?? innerCode ?? "no answer");
      const why = `the registry did not answer the audit request (${status}: ${failure.data.message ?? (typeof failure.data.error === "object" ? failure.data.error.summary : failure.data.error) ?? "no message"})`;
      const exitCode = options.strict ? 1 : 0;
      return {
        outcome: "unchecked",
        checked: false,
        why,
        exitCode,
        lines: [
          "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
          `!! NPM AUDIT NOT CHECKED: ${why}.`,
          "!! The dependencies were NOT checked for known vulnerabilities. This is not a pass.",
          options.strict
            ? "!! Failing because --strict (or AUDIT_STRICT=1) is set."
            : "!! Run `npm run audit -- --strict` where the registry's audit endpoint answers (see docs/OPERATIONS.md).",
          "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        ],
      };
    }
    const why = "npm audit's JSON is neither an audit report (auditReportVersion 2) nor an error npm reports";
    return { outcome: "error", checked: false, why, lines: [`AUDIT FAILED: ${why}.`] };
  }

  const advisories = advisoriesOf(report.data);
  const lines: string[] = [];
  const accepted: Advisory[] = [];
  const blocking: Advisory[] = [];
  for (const advisory of advisories) {
    if (!(BLOCKING_SEVERITIES as readonly string[]).includes(advisory.severity)) {
      lines.push(`note: ${describe(advisory)} (below high: reported, not blocking)`);
      continue;
    }
    const exception = exceptions.find((e) => e.id.toLowerCase() === advisory.id.toLowerCase() && (!e.package || e.package === advisory.package));
    if (!exception) {
      blocking.push(advisory);
      lines.push(`BLOCKING: ${describe(advisory)}: not in audit-exceptions.json.`);
    } else if (exception.reviewBy < options.today) {
      blocking.push(advisory);
      lines.push(`BLOCKING: ${describe(advisory)}: its exception's review date ${exception.reviewBy} has passed; review it again and move the date.`);
    } else {
      accepted.push(advisory);
      lines.push(`accepted: ${describe(advisory)}: ${exception.reason} (reviewed by ${exception.reviewedBy}, look again by ${exception.reviewBy})`);
    }
  }
  for (const exception of exceptions) {
    if (!advisories.some((a) => a.id.toLowerCase() === exception.id.toLowerCase())) {
      lines.push(`note: the exception for ${exception.id} matches no current advisory: remove it from audit-exceptions.json.`);
    }
  }
  const counts = report.data.metadata.vulnerabilities;
  const summary = `npm audit: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`;
  if (blocking.length > 0) {
    return { outcome: "fail", checked: true, blocking, lines: [summary, ...lines, `AUDIT FAILED: ${blocking.length} high or critical advisories are not accepted.`] };
  }
  return { outcome: "pass", checked: true, advisories, accepted, lines: [summary, ...lines, `audit passed: no high or critical advisory${accepted.length ? ` beyond the ${accepted.length} accepted` : ""}.`] };
}
