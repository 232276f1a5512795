"use client";
// The only part of the services explorer that runs in the browser: the rows
// ticked for comparison. The table is drawn on the server (ExplorerTable); its
// checkboxes are plain form fields (name="services") of the GET form below, so
// without JavaScript "Compare the ticked services" opens /compare with them.
// With JavaScript this reads the ticked boxes from the page (no copy of the rows
// is sent to the browser), counts them, links to the comparison and clears them.
import Link from "next/link";
import { useSyncExternalStore } from "react";

export const COMPARE_FORM_ID = "explorer-compare";

/** Services selected for comparison open /compare with at most this many. */
const MAX_COMPARE = 10;

const listeners = new Set<() => void>();

function boxes(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="services"][form="${COMPARE_FORM_ID}"]`)];
}

function subscribe(changed: () => void): () => void {
  const onChange = (event: Event) => {
    if ((event.target as HTMLInputElement | null)?.form?.id === COMPARE_FORM_ID) changed();
  };
  document.addEventListener("change", onChange);
  listeners.add(changed);
  return () => {
    document.removeEventListener("change", onChange);
    listeners.delete(changed);
  };
}

/** "total|slug,slug": a string, so that React sees an unchanged selection as unchanged. */
function snapshot(): string {
  const all = boxes();
  return `${all.length}|${all
    .filter((b) => b.checked)
    .map((b) => b.value)
    .join(",")}`;
}

/** null until the page has hydrated (on the server, and without JavaScript). */
function useSelection(): { total: number; selected: string[] } | null {
  const value = useSyncExternalStore(subscribe, snapshot, () => null);
  if (value === null) return null;
  const [total, list] = value.split("|");
  return { total: Number(total), selected: list ? list.split(",") : [] };
}

function setAll(checked: boolean) {
  for (const box of boxes()) box.checked = checked;
  for (const changed of listeners) changed();
}

export function CompareBar() {
  const selection = useSelection();
  const selected = selection?.selected ?? [];
  return (
    <form id={COMPARE_FORM_ID} action="/compare" method="get" className="flex flex-wrap items-center gap-3" aria-live="polite">
      {selection !== null && selected.length >= 2 ? (
        <Link href={`/compare?services=${selected.slice(0, MAX_COMPARE).join(",")}`} className="rounded bg-brand px-3 py-2 font-semibold text-white no-underline">
          Compare {Math.min(selected.length, MAX_COMPARE)} selected services
        </Link>
      ) : (
        <span className="text-gray-700">Tick two or more services to compare them.</span>
      )}
      {selected.length > MAX_COMPARE && <span>Only the first {MAX_COMPARE} are compared.</span>}
      {selected.length > 0 && (
        <button type="button" className="underline" onClick={() => setAll(false)}>
          Clear selection ({selected.length})
        </button>
      )}
      <noscript>
        <button type="submit" className="rounded border-2 border-gray-800 px-3 py-1 font-semibold">
          Compare the ticked services
        </button>
      </noscript>
    </form>
  );
}

/** The header's "select every row" box: only with JavaScript (it ticks the others). */
export function SelectAllBox() {
  const selection = useSelection();
  if (selection === null) return null;
  const all = selection.total > 0 && selection.selected.length === selection.total;
  const some = selection.selected.length > 0 && !all;
  return (
    <input
      type="checkbox"
      aria-label="Select every service on this page to compare"
      className="h-4 w-4"
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = some;
      }}
      onChange={(e) => setAll(e.target.checked)}
    />
  );
}
