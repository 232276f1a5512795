// The three key-question areas as chart series: Okabe–Ito colours (safe for
// colour-blind readers) and a short word on every bar, so colour is never the
// only key. These are categories, not ratings, so they do not use the rating palette.
import type { KeyQuestionArea } from "@/lib/domain/frameworks";
import { keyQuestionAreaLabel } from "@/lib/domain/frameworks";
import type { Series } from "@/components/charts/GroupedBarsChart";

const AREA_STYLE: Record<KeyQuestionArea, { short: string; colour: string }> = {
  DESISTANCE: { short: "Desistance", colour: "#0072B2" },
  SAFETY_OF_CHILD: { short: "Child safe", colour: "#E69F00" },
  SAFETY_OF_OTHERS: { short: "Others safe", colour: "#CC79A7" },
};

export const AREA_SERIES: Series[] = (["DESISTANCE", "SAFETY_OF_CHILD", "SAFETY_OF_OTHERS"] as const).map((area) => ({
  key: area,
  label: keyQuestionAreaLabel(area),
  short: AREA_STYLE[area].short,
  colour: AREA_STYLE[area].colour,
}));

/** Six distinguishable colours for up to six compared services (Okabe–Ito). */
export const SERVICE_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];
