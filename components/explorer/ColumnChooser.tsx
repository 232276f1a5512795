// Optional columns, one per standard: a GET form of check boxes.
import { explorerSearch, EXPLORER_PATH, type ExplorerState } from "@/lib/api/explorer-url";
import { EXPLORER_STANDARDS } from "@/lib/queries/explorer-columns";

export function ColumnChooser({ state }: { state: ExplorerState }) {
  const keep = [...explorerSearch({ ...state, cols: [], page: 1 }).entries()];
  return (
    <details className="rounded border border-gray-300 p-3" open={false}>
      <summary className="cursor-pointer font-semibold">
        Choose standard columns ({state.cols.length} of {EXPLORER_STANDARDS.length} shown)
      </summary>
      <form method="get" action={EXPLORER_PATH} className="mt-3 space-y-3">
        {keep.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <fieldset>
          <legend className="mb-2 text-sm text-gray-700">
            Each standard&apos;s rating in the latest inspection (2018 and 2021 standards; the 2025 programme has none in our records).
          </legend>
          <div className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
            {EXPLORER_STANDARDS.map((s) => (
              <label key={s.code} className="flex items-start gap-2">
                <input type="checkbox" name="cols" value={s.code} defaultChecked={state.cols.includes(s.code)} className="mt-1 h-4 w-4" />
                <span>
                  {s.code} {s.name}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
          Show these columns
        </button>
      </form>
    </details>
  );
}
