import { standardGlossaryId } from "./glossary-ids";

/**
 * A standard's code ("2.1") that explains itself: a button opening the
 * standard's glossary popover (rendered once per page by GlossaryPopovers).
 */
export function StandardCode({ code, className = "" }: { code: string; className?: string }) {
  return (
    <button type="button" popoverTarget={standardGlossaryId(code)} data-glossary="standard" className={`glossary-trigger font-semibold ${className}`}>
      {code}
    </button>
  );
}
