// Grouped horizontal bars of percentages, drawn on the server as SVG
// (ChartRows): one group per category (a standard), one bar per series (a
// key-question area, or a service). Every bar carries its series' short name
// and value as text, so colour is never the only key. A missing value draws no
// bar and is named in its text instead. Each category's label opens its values.
import { ChartRows, RowLabel, usePageId } from "./ChartRows";

export type Series = { key: string; label: string; short: string; colour: string };

/** Height of one bar and the gap under it, in px. */
const BAR = 16;
const STEP = BAR + 3;
/** Room right of the bars for the text of a 100% bar ("Others safe 100%"). */
const BAR_CELL_PADDING = "pr-28";

function valueText(value: number | null, unit: string): string {
  return value === null ? "not recorded" : `${value}${unit}`;
}

/** A bar's name for screen readers, e.g. "2.1 Assessment: Desistance 94%". */
export function barName(category: string, series: Series, value: number, unit: string): string {
  return `${category}: ${series.label} ${value}${unit}`;
}

function Bars({ category, series, values, unit }: { category: string; series: Series[]; values: (number | null)[]; unit: string }) {
  return (
    // The text beside a bar runs into the cell's right padding (overflow visible), as far as a bar of 100% needs.
    <svg className="block w-full overflow-visible" height={series.length * STEP} data-grouped-bars="">
      {series.map((s, i) => {
        const value = values[i] ?? null;
        const y = i * STEP;
        // Never past the end of the axis, whatever is recorded.
        const width = value === null ? 0 : Math.max(0, Math.min(100, value));
        return (
          <g key={s.key} data-series={s.key}>
            {value !== null && (
              <rect x="0" y={y + 0.5} width={`${width}%`} height={BAR} fill={s.colour} stroke="#1f2937" strokeWidth="1" className="print-exact" role="img" aria-label={barName(category, s, value, unit)}>
                <title>{barName(category, s, value, unit)}</title>
              </rect>
            )}
            <text
              x={`${width}%`}
              dx="4"
              y={y + 0.5 + BAR / 2}
              dominantBaseline="central"
              fontSize="11"
              fill="#111827"
              // A drawn bar is named by its mark; the text of a missing one is read.
              aria-hidden={value === null ? undefined : "true"}
            >
              {value === null ? `${s.short}: not recorded` : `${s.short} ${value}${unit}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function GroupedBarsChart({
  categories,
  series,
  values,
  label,
  unit = "%",
  labelWidth = 120,
}: {
  categories: string[];
  series: Series[];
  /** values[category][series]; null = not recorded (no bar). */
  values: (number | null)[][];
  label: string;
  unit?: string;
  labelWidth?: number;
}) {
  const id = usePageId("grouped-bars");
  return (
    <div className="space-y-2">
      <ul className="chart-key flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Key">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <svg width="12" height="12" aria-hidden="true" className="shrink-0">
              <rect x="0.5" y="0.5" width="11" height="11" fill={s.colour} stroke="#1f2937" className="print-exact" />
            </svg>
            {s.short === s.label ? s.label : `${s.short}: ${s.label}`}
          </li>
        ))}
      </ul>
      <ChartRows label={label} labelWidth={labelWidth} unit={unit} barPadding={BAR_CELL_PADDING}>
        {categories.map((category, c) => (
          <div key={c} className="contents" data-chart-row={category}>
            <RowLabel id={`${id}-${c}`} text={category} title={category}>
              <ul>
                {series.map((s, i) => (
                  <li key={s.key}>
                    {s.label}: {valueText(values[c]?.[i] ?? null, unit)}
                  </li>
                ))}
              </ul>
            </RowLabel>
            <div className={`py-1.5 ${BAR_CELL_PADDING}`}>
              <Bars category={category} series={series} values={values[c] ?? []} unit={unit} />
            </div>
          </div>
        ))}
      </ChartRows>
    </div>
  );
}
