"use client";
import Link from "next/link";
import { useActionState } from "react";
import { applyImportAction, previewImportAction, type ImportStep } from "./actions";

const button = "rounded border-2 border-gray-900 bg-gray-900 px-4 py-2 font-semibold text-white disabled:opacity-50";
const secondary = "rounded border-2 border-gray-900 px-4 py-2 font-semibold";

function DuplicateChoice() {
  return (
    <fieldset className="space-y-1">
      <legend className="font-semibold">When a row matches an inspection already recorded and differs from it</legend>
      <label className="flex items-center gap-2">
        <input type="radio" name="duplicates" value="" defaultChecked /> ask me: show the differences and write nothing yet
      </label>
      <label className="flex items-center gap-2">
        <input type="radio" name="duplicates" value="update" /> update the recorded inspection
      </label>
      <label className="flex items-center gap-2">
        <input type="radio" name="duplicates" value="skip" /> skip the row, keeping what is recorded
      </label>
    </fieldset>
  );
}

export function ImportForms() {
  const [previewState, preview, previewing] = useActionState(previewImportAction, { step: "start" } as ImportStep);
  const [applyState, apply, applying] = useActionState(applyImportAction, { step: "start" } as ImportStep);
  const done = applyState.step === "done" ? applyState : null;
  const refusal = applyState.step === "start" ? applyState.message : previewState.step === "start" ? previewState.message : undefined;

  return (
    <div className="space-y-8">
      {refusal && (
        <div role="alert" className="border-l-8 border-red-700 bg-red-50 p-4">
          <h2 className="font-bold">Nothing was imported</h2>
          <p>{refusal}</p>
        </div>
      )}
      {done && (
        <div role="status" className="border-l-8 border-green-800 bg-green-50 p-4">
          <h2 className="font-bold">Import complete</h2>
          <p>{done.message}</p>
          <p>
            <Link href="/admin">See the inspections</Link>: new inspections are drafts until you embargo or publish them.
          </p>
        </div>
      )}

      <section aria-labelledby="bulk" className="space-y-3">
        <h2 id="bulk" className="text-xl font-bold">Import a spreadsheet</h2>
        <p>
          A CSV or JSON file in the import format (<a href="/import-template.csv" download>download the template</a>), or the
          Data to Insight ratings file as it is. Up to 5 MB. Nothing is written until you confirm the preview.
        </p>
        <form action={preview} className="space-y-3">
          <input type="hidden" name="kind" value="file" />
          <label className="block">
            <span className="block font-semibold">File</span>
            <input type="file" name="file" accept=".csv,.json,text/csv,application/json" required className="mt-1 block" />
          </label>
          <DuplicateChoice />
          <button type="submit" className={button} disabled={previewing}>
            {previewing ? "Reading…" : "Preview the import"}
          </button>
        </form>
      </section>

      <section aria-labelledby="report" className="space-y-3">
        <h2 id="report" className="text-xl font-bold">Read a published report</h2>
        <p>Paste the report&apos;s text or choose its PDF. The reader fills a draft and lists every field it could not read; it guesses nothing.</p>
        <form action={preview} className="space-y-3">
          <input type="hidden" name="kind" value="report" />
          <label className="block">
            <span className="block font-semibold">Report PDF (up to 20 MB)</span>
            <input type="file" name="file" accept=".pdf,application/pdf,.txt,text/plain" className="mt-1 block" />
          </label>
          <label className="block">
            <span className="block font-semibold">Or paste the report&apos;s text</span>
            <textarea name="reportText" rows={6} className="mt-1 block w-full border-2 border-gray-700 p-2" />
          </label>
          <DuplicateChoice />
          <button type="submit" className={button} disabled={previewing}>
            {previewing ? "Reading…" : "Read the report"}
          </button>
        </form>
      </section>

      {previewState.step === "preview" && !done && (
        <section aria-labelledby="preview" className="space-y-3 border-2 border-gray-800 p-4">
          <h2 id="preview" className="text-xl font-bold">Preview: {previewState.fileName}</h2>
          <ul className="flex flex-wrap gap-x-6">
            <li>{previewState.counts.add} to add</li>
            <li>{previewState.counts.update} to update</li>
            <li>{previewState.counts.unchanged} unchanged</li>
            <li>{previewState.counts.rejected} refused</li>
            {previewState.needsDecision > 0 && <li>{previewState.needsDecision} waiting for update or skip</li>}
          </ul>
          {previewState.unread.length > 0 && (
            <div>
              <h3 className="font-semibold">Not read from the report (left unrecorded)</h3>
              <ul className="list-disc pl-6">
                {previewState.unread.map((u) => (
                  <li key={u}>{u}</li>
                ))}
              </ul>
            </div>
          )}
          <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap bg-gray-50 p-3 text-sm" tabIndex={0} aria-label="The preview, row by row">
            {previewState.previewText}
          </pre>
          {previewState.canApply ? (
            <form action={apply}>
              <input type="hidden" name="kind" value={previewState.kind} />
              <input type="hidden" name="payload" value={previewState.payload} />
              <input type="hidden" name="fingerprint" value={previewState.fingerprint} />
              <input type="hidden" name="fileName" value={previewState.fileName} />
              <input type="hidden" name="duplicates" value={previewState.duplicates} />
              <button type="submit" className={button} disabled={applying}>
                {applying ? "Importing…" : "Confirm: write all of this in one go"}
              </button>
            </form>
          ) : (
            <p className="font-semibold">
              This cannot be imported as it stands: correct the rows listed above{previewState.needsDecision > 0 ? ", or choose update or skip for rows that match recorded inspections," : ""} and preview again.
            </p>
          )}
          <p>
            <button type="button" className={secondary} onClick={() => window.location.reload()}>
              Start again
            </button>
          </p>
        </section>
      )}
    </div>
  );
}
