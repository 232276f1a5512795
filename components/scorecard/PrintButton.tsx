"use client";

/** Opens the browser's print dialogue; the print stylesheet lays the scorecard out for A4. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded border-2 border-gray-900 bg-white px-3 py-1.5 font-semibold text-gray-900 hover:bg-gray-100"
    >
      Print this scorecard
    </button>
  );
}
