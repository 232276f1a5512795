"use client";
// 100% stacked horizontal bars of ratings, one bar per row. Each segment has
// its rating's colour AND its letters (and share, where it fits); a row with
// fewer than five ratings is drawn as a hatched "too few" bar, never as a
// rating. Fixed height, so hydration does not move the page.
import { useId } from "react";
import { fitLabelWidth, useWidth } from "./use-width";
import { Bar, BarChart, LabelList, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { RATINGS, ratingAbbreviation, ratingLabel, type Rating } from "@/lib/domain/rating";
import type { RatingCounts } from "@/lib/queries/national-distribution";
import { ratingColours } from "@/components/rating/palette";
import { AXIS_HEIGHT, ratingBarsHeight } from "./chart-sizes";
import { NamedMark } from "./NamedMark";

export type RatingBarDatum = {
  label: string;
  rated: number;
  notRecorded: number;
  counts: RatingCounts;
  shares: RatingCounts | null;
};


type SegmentProps = { x?: number | string; y?: number | string; width?: number | string; height?: number | string; value?: unknown };

function segmentLabel(rating: Rating) {
  function SegmentLabel(props: SegmentProps) {
    const x = Number(props.x ?? 0);
    const y = Number(props.y ?? 0);
    const width = Number(props.width ?? 0);
    const height = Number(props.height ?? 0);
    const share = Number(props.value ?? 0);
    if (!share || width < 14) return null;
    const letters = ratingAbbreviation(rating);
    const text = width >= 64 ? `${letters} ${share}%` : letters;
    return (
      <text
        x={x + width / 2}
        y={y + height / 2}
        textAnchor="middle"
        dominantBaseline="central"
        fill={ratingColours[rating].text}
        fontSize={12}
        fontWeight={700}
        aria-hidden="true"
      >
        {text}
      </text>
    );
  }
  return SegmentLabel;
}

function TooFewLabel(props: SegmentProps) {
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  const width = Number(props.width ?? 0);
  const height = Number(props.height ?? 0);
  if (!Number(props.value)) return null;
  return (
    <text x={x + width / 2} y={y + height / 2} textAnchor="middle" dominantBaseline="central" fill="#111827" fontSize={12}>
      – fewer than 5 rated: not drawn
    </text>
  );
}

/** A segment drawn as a rectangle that screen readers can name, e.g. "1.1 Governance (n=53): Good, 34 of 53 (64%)". */
function namedSegment(rating: Rating) {
  function NamedSegment(props: BarShapeProps) {
    const datum = props.payload as RatingBarDatum | undefined;
    if (!datum?.shares) return <g />;
    const label = `${datum.label} (n=${datum.rated}): ${ratingLabel(rating)}, ${datum.counts[rating]} of ${datum.rated} (${datum.shares[rating]}%)`;
    return <NamedMark shape={props} label={label} />;
  }
  return NamedSegment;
}

type TooltipProps = { active?: boolean; payload?: readonly { payload?: unknown }[] };

function RatingTooltip({ active, payload }: TooltipProps) {
  const datum = payload?.[0]?.payload as (RatingBarDatum & Record<string, unknown>) | undefined;
  if (!active || !datum) return null;
  return (
    <div className="rounded border border-gray-700 bg-white p-2 text-xs shadow">
      <p className="font-semibold">{datum.label}</p>
      {RATINGS.map((r) => (
        <p key={r}>
          {ratingLabel(r)}: {datum.counts[r]}
          {datum.shares ? ` (${datum.shares[r]}%)` : ""}
        </p>
      ))}
      <p>
        n = {datum.rated} rated; {datum.notRecorded} not recorded
      </p>
    </div>
  );
}

export function RatingBarsChart({
  data,
  label,
  labelWidth = 150,
}: {
  data: RatingBarDatum[];
  /** What the chart shows, for screen readers (the table below has the numbers). */
  label: string;
  labelWidth?: number;
}) {
  const height = ratingBarsHeight(data.length);
  const [boxRef, boxWidth] = useWidth<HTMLDivElement>();
  const hatchId = `hatch-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const rows = data.map((d) => ({
    ...d,
    axisLabel: `${d.label} (n=${d.rated})`,
    OUTSTANDING: d.shares?.OUTSTANDING ?? 0,
    GOOD: d.shares?.GOOD ?? 0,
    REQUIRES_IMPROVEMENT: d.shares?.REQUIRES_IMPROVEMENT ?? 0,
    INADEQUATE: d.shares?.INADEQUATE ?? 0,
    tooFew: d.shares ? 0 : 100,
  }));
  return (
    <div ref={boxRef} role="group" aria-label={`${label}. The numbers are in the table below the chart.`} style={{ height }} className="w-full">
      <BarChart
        layout="vertical"
        data={rows}
        responsive
        style={{ width: "100%", height }}
        margin={{ top: 4, right: 12, bottom: 4, left: 4 }}
        barCategoryGap={6}
        accessibilityLayer={false}
      >
        <defs>
          <pattern id={hatchId} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#f9fafb" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#9ca3af" strokeWidth="4" />
          </pattern>
        </defs>
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} height={AXIS_HEIGHT} fontSize={12} />
        <YAxis type="category" dataKey="axisLabel" width={fitLabelWidth(labelWidth, boxWidth)} fontSize={12} interval={0} tickLine={false} />
        <Tooltip content={RatingTooltip} cursor={{ fill: "rgba(0,0,0,0.05)" }} isAnimationActive={false} />
        {RATINGS.map((rating) => (
          <Bar
            key={rating}
            dataKey={rating}
            name={ratingLabel(rating)}
            stackId="ratings"
            fill={ratingColours[rating].fill}
            stroke="#1f2937"
            strokeWidth={1}
            shape={namedSegment(rating)}
            isAnimationActive={false}
          >
            <LabelList dataKey={rating} content={segmentLabel(rating)} />
          </Bar>
        ))}
        <Bar dataKey="tooFew" name="Too few to draw" stackId="ratings" fill={`url(#${hatchId})`} stroke="#6b7280" isAnimationActive={false}>
          <LabelList dataKey="tooFew" content={TooFewLabel} />
        </Bar>
      </BarChart>
    </div>
  );
}
