"use client";
// The inspection form. It shows live what the rules make of the ratings, but
// the server decides: every save goes through saveInspectionAction, which
// checks the session, the role and the input again.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, useTransition } from "react";
import { saveInspectionAction } from "@/app/admin/actions";
import { RatingBadge } from "@/components/rating/RatingBadge";
import {
  computeSummary,
  INSPECTION_KINDS,
  type FieldErrors,
  type InspectionFormValues,
} from "@/lib/admin/inspection-rules";
import { diffSnapshots, type Change } from "@/lib/audit/diff";
import { FRAMEWORKS, frameworkByCode, KEY_QUESTION_AREAS, keyQuestionAreaLabel, type KeyQuestionArea } from "@/lib/domain/frameworks";
import { inspectionKindLabel } from "@/lib/domain/inspection-kind";
import type { KeyQuestionThreshold } from "@/lib/domain/key-questions";
import { bandFor } from "@/lib/domain/overall";
import { RATINGS, ratingLabel, type Rating } from "@/lib/domain/rating";

type Props = {
  id?: number;
  version?: number;
  initial: InspectionFormValues;
  services: { slug: string; name: string }[];
  thresholds: Record<string, KeyQuestionThreshold[]>;
};

type ConflictState = { message: string; changes: Change[]; savedBy: string | null; savedAt: string };

const fieldId = (field: string) => `f-${field.replace(/[^A-Za-z0-9]+/g, "-")}`;

const input = "rounded border-2 border-gray-800 px-2 py-1.5 aria-[invalid=true]:border-red-800 aria-[invalid=true]:border-4";

function FieldError({ errors, field }: { errors: FieldErrors; field: string }) {
  const messages = errors[field];
  if (!messages?.length) return null;
  return (
    <p id={`${fieldId(field)}-error`} className="font-semibold text-red-800">
      <span className="sr-only">Error: </span>
      {messages.join(" ")}
    </p>
  );
}

const asNumber = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined);

const FIELD_LABELS: Record<string, string> = {
  serviceSlug: "Service",
  frameworkCode: "Framework",
  frameworkConfirmed: "Framework confirmed",
  kind: "Kind of inspection",
  serviceNameAtInspection: "Name in the report",
  fieldworkStart: "Fieldwork started",
  publishedOn: "Published",
  overallRating: "Overall rating",
  score: "Score",
  scoreMax: "Maximum score",
  casesInspected: "Cases inspected",
  sourceUrls: "Sources",
  notes: "Notes",
  discrepancyNote: "Discrepancy note",
  recommendations: "Recommendations",
};

function labelOf(field: string): string {
  const [head, ...rest] = field.split(".");
  if (head === "ratings" || head === "panelJudgement") return `Standard ${rest.join(".")} ${head === "ratings" ? "rating" : "panel judgement"}`;
  if (head === "keyQuestions") {
    const area = rest.pop() as KeyQuestionArea;
    return `Standard ${rest.join(".")}: ${KEY_QUESTION_AREAS.includes(area) ? keyQuestionAreaLabel(area) : area}`;
  }
  if (head === "sourceUrls") return "Sources";
  if (head === "recommendations") return `Recommendation ${Number(rest[0] ?? 0) + 1}`;
  return FIELD_LABELS[head ?? ""] ?? field;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "" || value === false) return "(empty)";
  if (value === true) return "yes";
  if (Array.isArray(value)) return value.length ? value.join("; ") : "(empty)";
  if (typeof value === "string" && (RATINGS as readonly string[]).includes(value)) return ratingLabel(value as Rating);
  return String(value);
}

export function InspectionForm({ id, version: initialVersion, initial, services, thresholds }: Props) {
  const router = useRouter();
  const [values, setValues] = useState<InspectionFormValues>(initial);
  const [version, setVersion] = useState(initialVersion);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [pending, startTransition] = useTransition();
  const summaryRef = useRef<HTMLDivElement>(null);

  const framework = frameworkByCode(values.frameworkCode) ?? FRAMEWORKS[0]!;
  const set = <K extends keyof InspectionFormValues>(key: K, value: InspectionFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const computed = useMemo(() => {
    const ratings: Partial<Record<string, Rating>> = {};
    for (const [code, r] of Object.entries(values.ratings)) if (r) ratings[code] = r;
    const kq: Partial<Record<string, Partial<Record<KeyQuestionArea, number>>>> = {};
    for (const [code, byArea] of Object.entries(values.keyQuestions)) {
      for (const [area, text] of Object.entries(byArea ?? {})) {
        const n = asNumber(text);
        if (n !== undefined && n <= 100) (kq[code] ??= {})[area as KeyQuestionArea] = n;
      }
    }
    return computeSummary(framework, ratings, kq, thresholds[framework.code] ?? []);
  }, [framework, values.ratings, values.keyQuestions, thresholds]);

  const enteredScore = asNumber(values.score);
  const described = (field: string) =>
    errors[field]?.length ? { "aria-invalid": true as const, "aria-describedby": `${fieldId(field)}-error` } : {};

  function changeFramework(code: string) {
    const next = frameworkByCode(code);
    const keep = new Set(next?.standards.map((s) => s.code) ?? []);
    setValues((v) => ({
      ...v,
      frameworkCode: code,
      ratings: Object.fromEntries(Object.entries(v.ratings).filter(([c]) => keep.has(c))),
      keyQuestions: Object.fromEntries(Object.entries(v.keyQuestions).filter(([c]) => keep.has(c))),
      panelJudgement: Object.fromEntries(Object.entries(v.panelJudgement).filter(([c]) => keep.has(c))),
    }));
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const result = await saveInspectionAction({ id, version, values });
      if (result.ok) {
        router.push(`/admin/inspections/${result.id}?saved=1`);
        router.refresh();
        return;
      }
      setErrors("errors" in result ? result.errors : {});
      setMessage(result.message);
      if (result.code === "CONFLICT") {
        setVersion(result.version);
        setConflict({
          message: result.message,
          savedBy: result.savedBy,
          savedAt: result.savedAt,
          changes: diffSnapshots(result.theirs, values).map((c) => ({ path: c.path, before: c.before, after: c.after })),
        });
      } else {
        setConflict(null);
      }
      requestAnimationFrame(() => summaryRef.current?.focus());
    });
  }

  const errorFields = Object.keys(errors);
  const domains = framework.domains.map((d) => ({ ...d, standards: framework.standards.filter((s) => s.domainNumber === d.number) }));

  return (
    <form onSubmit={submit} noValidate className="space-y-8">
      <div ref={summaryRef} tabIndex={-1} className="outline-none">
        {conflict && (
          <div role="alert" className="space-y-2 border-l-4 border-amber-800 bg-amber-50 p-4" data-testid="conflict">
            <h2 className="text-xl font-bold">Not saved: someone else changed this inspection</h2>
            <p>{conflict.message}</p>
            <p className="text-sm">
              Saved by {conflict.savedBy ?? "another user"} at {new Date(conflict.savedAt).toLocaleString("en-GB", { timeZone: "Europe/London" })} (UK time).
            </p>
            {conflict.changes.length > 0 ? (
              <table className="w-full border-collapse text-left text-sm">
                <caption className="text-left font-semibold">Where your form differs from what they saved</caption>
                <thead>
                  <tr className="border-b-2 border-gray-800">
                    <th scope="col" className="p-1">Field</th>
                    <th scope="col" className="p-1">Saved by them</th>
                    <th scope="col" className="p-1">In your form</th>
                  </tr>
                </thead>
                <tbody>
                  {conflict.changes.map((c) => (
                    <tr key={c.path} className="border-b border-gray-300 align-top">
                      <th scope="row" className="p-1">{labelOf(c.path)}</th>
                      <td className="p-1">{show(c.before)}</td>
                      <td className="p-1">{show(c.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>Your form and their save are the same: save again to confirm.</p>
            )}
          </div>
        )}
        {!conflict && message && (
          <div role="alert" className="space-y-2 border-l-4 border-red-800 bg-red-50 p-4">
            <h2 className="text-xl font-bold">There is a problem</h2>
            <p>{message}</p>
            {errorFields.length > 0 && (
              <ul className="list-disc pl-6">
                {errorFields.map((field) => (
                  <li key={field}>
                    <a href={`#${fieldId(field)}`} className="text-red-900">
                      {labelOf(field)}: {errors[field]!.join(" ")}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>

      <fieldset className="space-y-4">
        <legend className="text-2xl font-bold">The inspection</legend>
        <div className="grid gap-4 md:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor={fieldId("serviceSlug")} className="block font-bold">Service</label>
            <select id={fieldId("serviceSlug")} value={values.serviceSlug} onChange={(e) => set("serviceSlug", e.target.value)} className={`${input} w-full`} {...described("serviceSlug")}>
              <option value="">Choose a service</option>
              {services.map((s) => (
                <option key={s.slug} value={s.slug}>{s.name}</option>
              ))}
            </select>
            <FieldError errors={errors} field="serviceSlug" />
          </div>
          <div className="space-y-1">
            <label htmlFor={fieldId("serviceNameAtInspection")} className="block font-bold">Service name in the report</label>
            <input id={fieldId("serviceNameAtInspection")} value={values.serviceNameAtInspection} onChange={(e) => set("serviceNameAtInspection", e.target.value)} className={`${input} w-full`} {...described("serviceNameAtInspection")} />
            <FieldError errors={errors} field="serviceNameAtInspection" />
          </div>
          <div className="space-y-1">
            <label htmlFor={fieldId("frameworkCode")} className="block font-bold">Framework</label>
            <select id={fieldId("frameworkCode")} value={values.frameworkCode} onChange={(e) => changeFramework(e.target.value)} className={`${input} w-full`} {...described("frameworkCode")}>
              {FRAMEWORKS.map((f) => (
                <option key={f.code} value={f.code}>{f.name}</option>
              ))}
            </select>
            <FieldError errors={errors} field="frameworkCode" />
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={values.frameworkConfirmed} onChange={(e) => set("frameworkConfirmed", e.target.checked)} className="h-5 w-5" />
              The sources confirm this framework
            </label>
          </div>
          <div className="space-y-1">
            <label htmlFor={fieldId("kind")} className="block font-bold">Kind of inspection</label>
            <select id={fieldId("kind")} value={values.kind} onChange={(e) => set("kind", e.target.value as InspectionFormValues["kind"])} className={`${input} w-full`} {...described("kind")}>
              {INSPECTION_KINDS.map((k) => (
                <option key={k} value={k}>{inspectionKindLabel(k)}</option>
              ))}
            </select>
            <FieldError errors={errors} field="kind" />
          </div>
          {(["fieldworkStart", "publishedOn"] as const).map((field) => (
            <div key={field} className="space-y-1">
              <label htmlFor={fieldId(field)} className="block font-bold">{field === "fieldworkStart" ? "Fieldwork started" : "Report published"}</label>
              <p id={`${fieldId(field)}-hint`} className="text-sm text-gray-700">
                As precisely as the source gives it: 2024-05-14 (a day), 2024-05 (a month) or 2024 (a year). Leave empty if not recorded.
              </p>
              <input
                id={fieldId(field)}
                inputMode="numeric"
                value={values[field]}
                onChange={(e) => set(field, e.target.value)}
                className={`${input} w-48`}
                aria-describedby={`${fieldId(field)}-hint${errors[field] ? ` ${fieldId(field)}-error` : ""}`}
                aria-invalid={errors[field] ? true : undefined}
              />
              <FieldError errors={errors} field={field} />
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-2xl font-bold">Standards</legend>
        {framework.standards.length === 0 ? (
          <p>The {framework.name} has no recorded standards: only the overall rating is kept.</p>
        ) : (
          <p>
            Rate each standard as the report does, or leave it &ldquo;not recorded&rdquo;. For case-based standards, give the % of
            cases answered &ldquo;yes&rdquo; for each key question.
            {(thresholds[framework.code] ?? []).length === 0 && " No key-question band thresholds are recorded for this framework, so bands are not checked."}
          </p>
        )}
        {domains.map((domain) => (
          <div key={domain.number} className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="text-left text-lg font-bold">Domain {domain.number}: {domain.name}</caption>
              <thead>
                <tr className="border-b-2 border-gray-800 text-sm">
                  <th scope="col" className="p-1">Standard</th>
                  <th scope="col" className="p-1">Rating</th>
                  {KEY_QUESTION_AREAS.map((a) => (
                    <th key={a} scope="col" className="p-1">{keyQuestionAreaLabel(a)} (% yes)</th>
                  ))}
                  <th scope="col" className="p-1">Key-question band</th>
                </tr>
              </thead>
              <tbody>
                {domain.standards.map((s) => {
                  const band = computed.bands.find((b) => b.code === s.code);
                  const ratingField = `ratings.${s.code}`;
                  return (
                    <tr key={s.code} className="border-b border-gray-300 align-top">
                      <th scope="row" className="p-1 font-normal">
                        <span className="font-semibold">{s.code}</span> {s.name}
                        {!s.countsTowardOverall && <span className="block text-sm text-gray-700">Not counted in the overall rating</span>}
                      </th>
                      <td className="p-1">
                        <label htmlFor={fieldId(ratingField)} className="sr-only">Rating of standard {s.code} {s.name}</label>
                        <select
                          id={fieldId(ratingField)}
                          value={values.ratings[s.code] ?? ""}
                          onChange={(e) => set("ratings", { ...values.ratings, [s.code]: e.target.value as Rating | "" })}
                          className={input}
                          {...described(ratingField)}
                        >
                          <option value="">Not recorded</option>
                          {RATINGS.map((r) => (
                            <option key={r} value={r}>{ratingLabel(r)}</option>
                          ))}
                        </select>
                        <FieldError errors={errors} field={ratingField} />
                        {(band?.differs || values.panelJudgement[s.code]) && (
                          <label className="mt-1 flex items-start gap-2 text-sm">
                            <input
                              type="checkbox"
                              className="mt-0.5 h-5 w-5"
                              checked={values.panelJudgement[s.code] ?? false}
                              onChange={(e) => set("panelJudgement", { ...values.panelJudgement, [s.code]: e.target.checked })}
                            />
                            Rated by panel judgement (confirm the rating differs from its band on purpose)
                          </label>
                        )}
                      </td>
                      {KEY_QUESTION_AREAS.map((area) => {
                        const field = `keyQuestions.${s.code}.${area}`;
                        return (
                          <td key={area} className="p-1">
                            {s.caseBased ? (
                              <>
                                <label htmlFor={fieldId(field)} className="sr-only">Standard {s.code}, {keyQuestionAreaLabel(area)}: % of cases answered yes</label>
                                <input
                                  id={fieldId(field)}
                                  inputMode="numeric"
                                  value={values.keyQuestions[s.code]?.[area] ?? ""}
                                  onChange={(e) =>
                                    set("keyQuestions", { ...values.keyQuestions, [s.code]: { ...values.keyQuestions[s.code], [area]: e.target.value } })
                                  }
                                  className={`${input} w-20`}
                                  {...described(field)}
                                />
                                <FieldError errors={errors} field={field} />
                              </>
                            ) : (
                              <span className="text-sm text-gray-700">Not case-based</span>
                            )}
                          </td>
                        );
                      })}
                      <td className="p-1 text-sm">
                        {!s.caseBased ? "–" : band?.band ? (
                          <span>
                            Lowest {band.lowest}%: <RatingBadge rating={band.band} size="sm" />
                            {band.differs && <span className="block font-semibold">Differs from the rating</span>}
                          </span>
                        ) : band?.lowest != null ? (
                          `Lowest ${band.lowest}% (no thresholds recorded)`
                        ) : (
                          "No figures"
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-2xl font-bold">Overall rating and score</legend>
        <div className="grid gap-4 md:grid-cols-4">
          <div className="space-y-1">
            <label htmlFor={fieldId("overallRating")} className="block font-bold">Overall rating</label>
            <select id={fieldId("overallRating")} value={values.overallRating} onChange={(e) => set("overallRating", e.target.value as Rating | "")} className={`${input} w-full`} {...described("overallRating")}>
              <option value="">Not recorded</option>
              {RATINGS.map((r) => (
                <option key={r} value={r}>{ratingLabel(r)}</option>
              ))}
            </select>
            <FieldError errors={errors} field="overallRating" />
          </div>
          {(["score", "scoreMax", "casesInspected"] as const).map((field) => (
            <div key={field} className="space-y-1">
              <label htmlFor={fieldId(field)} className="block font-bold">{FIELD_LABELS[field]}</label>
              <input id={fieldId(field)} inputMode="numeric" value={values[field]} onChange={(e) => set(field, e.target.value)} className={`${input} w-28`} {...described(field)} />
              <FieldError errors={errors} field={field} />
            </div>
          ))}
        </div>
        <section aria-labelledby="computed-heading" aria-live="polite" className="space-y-1 border-l-4 border-brand bg-blue-50 p-3" data-testid="computed">
          <h2 id="computed-heading" className="font-bold">What the ratings give</h2>
          {!computed.scored ? (
            <p>The {framework.name} is not scored: only the overall rating the report gives is kept.</p>
          ) : (
            <>
              <p>
                Score from the ratings: <strong>{computed.score}</strong> of {computed.fullScore}, with {computed.ratedCount} of{" "}
                {computed.countingCount} counting standards rated
                {computed.complete ? "." : `; with the rest unrated, the score could be ${computed.range.min} to ${computed.range.max}.`}
              </p>
              <p>
                {computed.overallFromScore ? (
                  <>
                    A score of {computed.score} falls in the <strong>{ratingLabel(computed.overallFromScore)}</strong> band
                    {(() => {
                      const b = bandFor(computed.overallFromScore, framework.scoreBands);
                      return b ? ` (${b.minScore} to ${b.maxScore})` : "";
                    })()}
                    .
                  </>
                ) : computed.possibleOverall.length > 0 ? (
                  <>The overall rating can be {computed.possibleOverall.map(ratingLabel).join(" or ")} until every counting standard is rated.</>
                ) : (
                  "No overall band can be worked out yet."
                )}
              </p>
              {enteredScore !== undefined && computed.complete && enteredScore !== computed.score && (
                <p className="font-semibold">
                  You entered a score of {enteredScore}, but the ratings add up to {computed.score}. Correct one of them, or explain the
                  difference in the discrepancy note if the report itself gives these figures.
                </p>
              )}
              {values.overallRating && computed.overallFromScore && values.overallRating !== computed.overallFromScore && (
                <p className="font-semibold">
                  You entered {ratingLabel(values.overallRating)}, but the score gives {ratingLabel(computed.overallFromScore)}.
                </p>
              )}
            </>
          )}
        </section>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-2xl font-bold">Recommendations</legend>
        {values.recommendations.length === 0 && <p>No recommendations recorded.</p>}
        <ol className="space-y-3">
          {values.recommendations.map((text, i) => (
            <li key={i} className="space-y-1">
              <label htmlFor={fieldId(`recommendations.${i}`)} className="block font-bold">Recommendation {i + 1}</label>
              <textarea
                id={fieldId(`recommendations.${i}`)}
                rows={2}
                value={text}
                onChange={(e) => set("recommendations", values.recommendations.map((r, j) => (j === i ? e.target.value : r)))}
                className={`${input} w-full`}
                {...described(`recommendations.${i}`)}
              />
              <FieldError errors={errors} field={`recommendations.${i}`} />
              <button type="button" className="text-sm underline" onClick={() => set("recommendations", values.recommendations.filter((_, j) => j !== i))}>
                Remove recommendation {i + 1}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="rounded border-2 border-gray-800 px-3 py-1 font-semibold" onClick={() => set("recommendations", [...values.recommendations, ""])}>
          Add a recommendation
        </button>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-2xl font-bold">Sources and notes</legend>
        {(
          [
            ["sourceUrls", "Sources (one web address a line)", 3],
            ["notes", "Notes", 3],
            ["discrepancyNote", "Discrepancy note: why published figures disagree with the rules, if they do", 2],
          ] as const
        ).map(([field, label, rows]) => {
          const err = Object.keys(errors).find((k) => k === field || k.startsWith(`${field}.`));
          return (
            <div key={field} className="space-y-1">
              <label htmlFor={fieldId(field)} className="block font-bold">{label}</label>
              <textarea
                id={fieldId(field)}
                rows={rows}
                value={values[field]}
                onChange={(e) => set(field, e.target.value)}
                className={`${input} w-full`}
                aria-invalid={err ? true : undefined}
                aria-describedby={err ? `${fieldId(err)}-error` : undefined}
              />
              {err && <FieldError errors={errors} field={err} />}
            </div>
          );
        })}
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} className="rounded bg-brand px-5 py-2 text-lg font-bold text-white disabled:opacity-60">
          {pending ? "Saving…" : id ? "Save changes" : "Save as draft"}
        </button>
        <Link href={id ? `/admin/inspections/${id}` : "/admin"}>Cancel</Link>
      </div>
    </form>
  );
}
