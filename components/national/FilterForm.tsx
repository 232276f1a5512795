"use client";
// A GET form whose fields are the page's filters. Without JavaScript it submits
// as an ordinary form, so the filters are in the URL either way; with
// JavaScript each change is applied at once through the router (the back
// button steps back through the changes). Empty fields are left out of the URL.
// Render it with key={the current query string}, so that going back and forward
// resets the fields to the URL's values.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { ENGLISH_REGIONS, type AreaFilters } from "@/lib/queries/national-filters";

export function FilterForm({ action, label, children }: { action: string; label: string; children: React.ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function apply(form: HTMLFormElement) {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && value !== "") query.set(name, value);
    }
    const text = query.toString();
    startTransition(() => router.push(text ? `${action}?${text}` : action, { scroll: false }));
  }

  return (
    <form
      method="get"
      action={action}
      aria-label={label}
      className="flex flex-wrap items-end gap-3 rounded border border-gray-300 bg-gray-50 p-3"
      onChange={(event) => apply(event.currentTarget)}
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
    >
      {children}
      <button type="submit" className="rounded border border-gray-800 bg-white px-3 py-1.5 font-semibold">
        Apply filters
      </button>
      <p role="status" aria-live="polite" className="min-h-[1.5rem] text-sm text-gray-700">
        {pending ? "Updating…" : ""}
      </p>
    </form>
  );
}

/** A labelled select for a FilterForm. */
export function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
}) {
  const id = `filter-${name}`;
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className="rounded border border-gray-700 bg-white px-2 py-1.5">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The nation, region and latest-or-all fields that the overview and a standard's page share. */
export function AreaFilterFields({ filters }: { filters: AreaFilters }) {
  return (
    <>
      <FilterSelect
        name="nation"
        label="Nation"
        value={filters.region ? "" : (filters.nation?.toLowerCase() ?? "")}
        options={[
          { value: "", label: "England and Wales" },
          { value: "england", label: "England" },
          { value: "wales", label: "Wales" },
        ]}
      />
      <FilterSelect
        name="region"
        label="English region"
        value={filters.region ?? ""}
        options={[{ value: "", label: "All regions" }, ...ENGLISH_REGIONS.map((r) => ({ value: r, label: r }))]}
      />
      <FilterSelect
        name="basis"
        label="Which inspections"
        value={filters.basis === "all" ? "all" : ""}
        options={[
          { value: "", label: "Latest of each service" },
          { value: "all", label: "Every inspection" },
        ]}
      />
    </>
  );
}
