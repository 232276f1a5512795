// A bar drawn as a rectangle with a name for screen readers ("2.1 Assessment:
// Desistance 94%"), for recharts' `shape` prop. The chart's box is a named group,
// so each mark is read on its own; the table below the chart has every number too.
import type { BarShapeProps } from "recharts";

export function NamedMark({ shape, label }: { shape: BarShapeProps; label: string }) {
  if (!(shape.width > 0)) return <g />;
  return (
    <rect
      x={shape.x}
      y={shape.y}
      width={shape.width}
      height={shape.height}
      fill={shape.fill}
      stroke={shape.stroke}
      strokeWidth={1}
      role="img"
      aria-label={label}
    />
  );
}
