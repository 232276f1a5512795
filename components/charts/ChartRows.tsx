// The frame shared by the horizontal bar charts, drawn on the server: a grid of
// rows, each a label (a button opening the row's numbers in a native popover)
// beside its bars, and a 0–100% axis under them. Bars are SVG with percentage
// x and width, so the chart fits any width without measuring it in the browser;
// no chart code is shipped, nothing hydrates, and it prints and works without
// JavaScript. The label column takes at most 40% of the width, and on a narrow
// chart (under 480 px) each label goes above its bars.
import { useId } from "react";

/** An id unique on the page, usable in `id` and `popovertarget` (React's ids hold «» or colons). */
export function usePageId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
}

export function ChartRows({
  label,
  labelWidth,
  unit,
  barPadding = "",
  children,
}: {
  /** What the chart shows, for screen readers. */
  label: string;
  /** The label column's width at most, in px (never more than 40% of the chart). */
  labelWidth: number;
  unit: string;
  /** Classes of the axis cell, matching the bar cells' horizontal padding. */
  barPadding?: string;
  children: React.ReactNode;
}) {
  return (
    // The wrapper is a size container: below 480 px the labels go above their bars (app/globals.css).
    <div className="chart-frame">
      <div
        role="group"
        aria-label={`${label}. The numbers are in the table below the chart.`}
        className="chart-rows grid w-full items-center gap-x-2 text-xs"
        // The label column's width, a custom property in a style attribute (the CSP allows inline styles: style-src 'unsafe-inline').
        style={{ "--chart-label-width": `${labelWidth}px` } as React.CSSProperties}
      >
        {children}
        <span aria-hidden="true" />
        <div className={`chart-bar ${barPadding}`}>
          <PercentAxis unit={unit} />
        </div>
      </div>
    </div>
  );
}

const TICKS = [0, 25, 50, 75, 100];

function PercentAxis({ unit }: { unit: string }) {
  return (
    <svg className="chart-axis block h-6 w-full overflow-visible" aria-hidden="true" data-chart-axis="">
      <line x1="0" x2="100%" y1="0.5" y2="0.5" stroke="#4b5563" />
      {TICKS.map((t) => (
        // 0 and 100 always; 50 from 120 px, 25 and 75 from 240 px, so that tick labels never overlap.
        <g key={t} data-fit-from={t === 50 ? 120 : t === 25 || t === 75 ? 240 : undefined}>
          <line x1={`${t}%`} x2={`${t}%`} y1="0" y2="5" stroke="#4b5563" />
          <text x={`${t}%`} y="17" fontSize="12" fill="#374151" textAnchor={t === 0 ? "start" : t === 100 ? "end" : "middle"}>
            {t}
            {unit}
          </text>
        </g>
      ))}
    </svg>
  );
}

/**
 * A row's label: a button that opens the row's numbers in a native popover
 * (as the glossary's rating badges do: no script of ours, within the CSP).
 * This is the chart's hover/focus detail, reachable by keyboard and touch.
 */
export function RowLabel({ id, text, title, children }: { id: string; text: string; title: string; children: React.ReactNode }) {
  return (
    <>
      <button
        type="button"
        popoverTarget={id}
        className="chart-row-label glossary-trigger py-1 text-right leading-tight text-gray-900 underline decoration-dotted underline-offset-2"
      >
        {text}
      </button>
      <div id={id} popover="auto" role="dialog" aria-labelledby={`${id}-title`} className="glossary-popover chart-detail">
        <p id={`${id}-title`} className="font-bold">
          {title}
        </p>
        {children}
        <p className="text-right">
          <button type="button" popoverTarget={id} popoverTargetAction="hide" className="rounded border border-gray-800 px-2 py-0.5">
            Close
          </button>
        </p>
      </div>
    </>
  );
}
