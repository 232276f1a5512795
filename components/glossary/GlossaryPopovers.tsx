// Every glossary popover, once per page (in the root layout). Each is a native
// popover (`popover="auto"`): hidden until a rating badge or a standard code
// with `popovertarget` opens it; Escape, a click elsewhere or its Close button
// hides it. No script of ours is involved, so it works within the CSP and
// before the page hydrates.
import { allGlossaryEntries } from "./glossary-text";

export function GlossaryPopovers() {
  return (
    <div data-glossary-popovers="">
      {allGlossaryEntries().map((entry) => (
        // A non-modal dialog, named by its title: announced as such when Tab moves into it.
        <div key={entry.id} id={entry.id} popover="auto" role="dialog" aria-labelledby={`${entry.id}-title`} className="glossary-popover">
          <p id={`${entry.id}-title`} className="font-bold">
            {entry.title}
          </p>
          {entry.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          <p className="flex flex-wrap items-center justify-between gap-2">
            <a href={entry.more.href}>{entry.more.text}</a>
            <button type="button" popoverTarget={entry.id} popoverTargetAction="hide" className="rounded border border-gray-800 px-2 py-0.5">
              Close
            </button>
          </p>
        </div>
      ))}
    </div>
  );
}
