"use client";
// Grouped horizontal bars of percentages: one group per category (a standard),
// one bar per series (a key-question area, or a service). Every bar carries its
// series' short name and value as text, so colour is never the only key. A
// missing value draws no bar and is named in the label instead. Fixed height.
import { Bar, BarChart, LabelList, Legend, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { fitLabelWidth, useWidth } from "./use-width";
import { AXIS_HEIGHT, BAR, GROUP_GAP, LEGEND_HEIGHT, groupedBarsHeight } from "./chart-sizes";
import { NamedMark } from "./NamedMark";

export type Series = { key: string; label: string; short: string; colour: string };


type LabelProps = { x?: number | string; y?: number | string; width?: number | string; height?: number | string; value?: unknown };

function barLabel(series: Series, unit: string) {
  function BarLabel(props: LabelProps) {
    const x = Number(props.x ?? 0);
    const y = Number(props.y ?? 0);
    const width = Number(props.width ?? 0);
    const height = Number(props.height ?? 0);
    const value = props.value;
    const text = value === null || value === undefined ? `${series.short}: not recorded` : `${series.short} ${value}${unit}`;
    return (
      // A drawn bar is named by its mark (NamedMark); the text of a missing one is read.
      <text x={x + width + 4} y={y + height / 2} dominantBaseline="central" fontSize={11} fill="#111827" aria-hidden={typeof value === "number" ? "true" : undefined}>
        {text}
      </text>
    );
  }
  return BarLabel;
}

/** A bar drawn as a rectangle that screen readers can name, e.g. "2.1 Assessment: Desistance 94%". */
function namedBar(series: Series, unit: string) {
  function NamedBar(props: BarShapeProps) {
    if (typeof props.value !== "number") return <g />;
    const category = (props.payload as { category?: string } | undefined)?.category ?? "";
    return <NamedMark shape={props} label={`${category}: ${series.label} ${props.value}${unit}`} />;
  }
  return NamedBar;
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
  const height = groupedBarsHeight(categories.length, series.length);
  const [boxRef, boxWidth] = useWidth<HTMLDivElement>();
  const data = categories.map((category, c) => {
    const row: Record<string, string | number | null> = { category };
    series.forEach((s, i) => (row[s.key] = values[c]?.[i] ?? null));
    return row;
  });
  return (
    <div ref={boxRef} role="group" aria-label={`${label}. The numbers are in the table below the chart.`} style={{ height }} className="w-full">
      <BarChart
        layout="vertical"
        data={data}
        responsive
        style={{ width: "100%", height }}
        margin={{ top: 4, right: 96, bottom: 4, left: 4 }}
        barGap={2}
        barCategoryGap={GROUP_GAP / 2}
        accessibilityLayer={false}
      >
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}${unit}`} height={AXIS_HEIGHT} fontSize={12} />
        <YAxis type="category" dataKey="category" width={fitLabelWidth(labelWidth, boxWidth)} fontSize={12} interval={0} tickLine={false} />
        <Tooltip isAnimationActive={false} formatter={(value) => (value === null || value === undefined ? "not recorded" : `${value}${unit}`)} />
        <Legend
          verticalAlign="top"
          height={LEGEND_HEIGHT}
          wrapperStyle={{ fontSize: 12 }}
          itemSorter={null}
          formatter={(value: string) => <span style={{ color: "#111827" }}>{value}</span>}
        />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.short === s.label ? s.label : `${s.short}: ${s.label}`} fill={s.colour} stroke="#1f2937" strokeWidth={1} barSize={BAR} shape={namedBar(s, unit)} isAnimationActive={false}>
            <LabelList dataKey={s.key} content={barLabel(s, unit)} />
          </Bar>
        ))}
      </BarChart>
    </div>
  );
}
