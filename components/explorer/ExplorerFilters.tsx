// The explorer's search and filters: a plain GET form, so it works without
// JavaScript and every choice lands in the URL.
import { FRAMEWORKS } from "@/lib/domain/frameworks";
import { RATINGS, ratingLabel } from "@/lib/domain/rating";
import { EXPLORER_PATH, PAGE_SIZES, type ExplorerState } from "@/lib/api/explorer-url";
import { ONS_REGIONS } from "@/lib/import/dataset";

const field = "block w-full rounded border-2 border-gray-700 bg-white px-2 py-1.5";
const label = "block font-semibold";

function Select({ name, labelText, value, options }: { name: string; labelText: string; value?: string; options: [string, string][] }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className={label}>
        {labelText}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={field}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ExplorerFilters({ state }: { state: ExplorerState }) {
  return (
    <form method="get" action={EXPLORER_PATH} role="search" aria-label="Find services" className="space-y-4 rounded border border-gray-300 bg-gray-50 p-4">
      <div>
        <label htmlFor="filter-q" className={label}>
          Search by place
        </label>
        <p id="filter-q-hint" className="text-sm text-gray-700">
          A town, council or service name, in English or Welsh: for example Poole, Wrecsam or Kirklees. Parts of words work.
        </p>
        <div className="mt-1 flex flex-wrap gap-2">
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={state.q ?? ""}
            aria-describedby="filter-q-hint"
            maxLength={100}
            autoComplete="off"
            className={`${field} max-w-md flex-1`}
          />
          <button type="submit" className="rounded bg-brand px-4 py-1.5 font-semibold text-white">
            Search
          </button>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Select name="nation" labelText="Nation" value={state.nation} options={[["ENGLAND", "England"], ["WALES", "Wales"]]} />
        <Select name="region" labelText="Region (England)" value={state.region} options={ONS_REGIONS.map((r) => [r, r])} />
        <Select
          name="rating"
          labelText="Latest overall rating"
          value={state.rating}
          options={[...RATINGS.map((r): [string, string] => [r, ratingLabel(r)]), ["NOT_RECORDED", "Not recorded or not inspected"]]}
        />
        <Select name="framework" labelText="Framework of latest inspection" value={state.framework} options={FRAMEWORKS.map((f) => [f.code, f.name])} />
        <div>
          <label htmlFor="filter-since" className={label}>
            Inspected since
          </label>
          <input id="filter-since" name="since" defaultValue={state.since ?? ""} placeholder="2023 or 2023-06" aria-describedby="filter-date-hint" pattern="\d{4}(-\d{2}(-\d{2})?)?" className={field} />
        </div>
        <div>
          <label htmlFor="filter-before" className={label}>
            Inspected before
          </label>
          <input id="filter-before" name="before" defaultValue={state.before ?? ""} placeholder="2025" aria-describedby="filter-date-hint" pattern="\d{4}(-\d{2}(-\d{2})?)?" className={field} />
        </div>
        <div>
          <label htmlFor="filter-size" className={label}>
            Rows a page
          </label>
          <select id="filter-size" name="size" defaultValue={String(state.size)} className={field}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id="filter-date-hint" className="text-sm text-gray-700">
        Dates as YYYY, YYYY-MM or YYYY-MM-DD. They apply to the latest inspection: its publication date, or the start of its fieldwork when no publication date is recorded. A date known only to the month counts as the first of that month.
      </p>
      {state.sort !== "name" || state.dir !== "asc" ? (
        <>
          <input type="hidden" name="sort" value={state.sort} />
          <input type="hidden" name="dir" value={state.dir} />
        </>
      ) : null}
      {state.cols.length > 0 && <input type="hidden" name="cols" value={state.cols.join(",")} />}
      <div className="flex flex-wrap gap-4">
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
          Apply filters
        </button>
        <a href={EXPLORER_PATH} className="self-center">
          Clear search and filters
        </a>
      </div>
    </form>
  );
}
