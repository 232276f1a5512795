// The parts of /standards/<code>: ratings by framework and by year, the
// services in each band, and for case-based standards the key-question
// distributions and the services with a figure below 50%.
import Link from "next/link";
import { ChartFigure, type ChartTable } from "@/components/charts/ChartFigure";
import { GroupedBarsChart } from "@/components/charts/GroupedBarsChart";
import { NotDrawn } from "@/components/charts/NotDrawn";
import { RatingBarsChart } from "@/components/charts/RatingBarsChart";
import { ratingBarData, ratingTable } from "@/components/charts/rating-table";
import { keyQuestionAreaLabel } from "@/lib/domain/frameworks";
import { MIN_N } from "@/lib/queries/national-distribution";
import { areaPhrase } from "@/lib/queries/national-filters";
import { LOW_FIGURE, type StandardView } from "@/lib/queries/standards";
import { frameworkHeadline, trendHeadline } from "./headlines";
import { AREA_SERIES } from "./key-question-series";
import { standardLabel } from "./standard-label";

const FRAMEWORK_LABELS: Record<string, string> = {
  "2018": "2018 standards",
  "2021": "2021 standards",
  "2018-or-2021": "2018 or 2021 (not confirmed)",
};

function basisPhrase(v: StandardView): string {
  return v.filters.basis === "latest"
    ? "each service's latest published inspection under the 2018/2021 standards"
    : "every published inspection under the 2018/2021 standards";
}

export function ByFrameworkFigure({ v }: { v: StandardView }) {
  const pooled = v.info.code !== "3.4" && v.byFramework.length > 1;
  const rows = [
    ...v.byFramework.map((f) => ({ label: FRAMEWORK_LABELS[f.frameworkCode] ?? f.frameworkCode, distribution: f.distribution })),
    ...(pooled ? [{ label: "All three together", distribution: v.overall }] : []),
  ];
  const label = standardLabel(v.info);
  return (
    <ChartFigure
      id="by-framework"
      headline={frameworkHeadline(rows.slice(0, v.byFramework.length), v.info.code)}
      subtitle={`Rating of ${label} in ${basisPhrase(v)} ${areaPhrase(v.filters)}, by framework (${v.inspections} inspections). n = inspections with this rating recorded.${
        v.info.code === "3.4" ? " Not pooled: 3.4 was Joint working under the 2018 standards and out-of-court disposal policy and provision under 2021." : ""
      }`}
      table={ratingTable(rows, "Framework")}
      csvName={`standard-${v.info.code}-by-framework`}
    >
      <RatingBarsChart data={ratingBarData(rows)} label={`Ratings of ${label} by framework, as 100% stacked bars`} labelWidth={220} />
    </ChartFigure>
  );
}

export function ByYearFigure({ v }: { v: StandardView }) {
  const rows = v.byYear.map((y) => ({ label: y.year === null ? "Date not recorded" : String(y.year), year: y.year, distribution: y.distribution }));
  const label = standardLabel(v.info);
  return (
    <ChartFigure
      id="by-year"
      headline={trendHeadline(rows, `${v.info.code} ratings that were Good or Outstanding`)}
      subtitle={`Rating of ${label} in ${basisPhrase(v)} ${areaPhrase(v.filters)}, by year of publication. n = inspections with this rating recorded.`}
      table={ratingTable(rows, "Year of publication")}
      csvName={`standard-${v.info.code}-by-year`}
    >
      <RatingBarsChart data={ratingBarData(rows)} label={`Ratings of ${label} by year, as 100% stacked bars`} labelWidth={170} />
    </ChartFigure>
  );
}

export function KeyQuestionDistributionFigure({ v }: { v: StandardView }) {
  const kq = v.keyQuestions!;
  const bands = Array.from({ length: 10 }, (_, i) => (i === 9 ? "90–100%" : `${i * 10}–${i * 10 + 9}%`));
  const drawable = kq.areas.every((a) => a.histogram !== null);
  const share = (count: number, n: number) => Math.round((100 * count) / n);
  const table: ChartTable = {
    header: ["% of cases answered Yes", ...kq.areas.map((a) => `${keyQuestionAreaLabel(a.area)} (n=${a.n})`)],
    rows: [
      ...bands.map((band, b) => [
        band,
        ...kq.areas.map((a) => (a.histogram ? `${a.histogram[b]} (${share(a.histogram[b]!, a.n)}%)` : `not drawn (n < ${MIN_N})`)),
      ]),
      ["Median", ...kq.areas.map((a) => (a.median === null ? "–" : `${a.median}%`))],
    ],
    csvHeader: ["band", ...kq.areas.flatMap((a) => [`${a.area} count`, `${a.area} % of n`]), "n"],
    csvRows: bands.map((band, b) => [
      band,
      ...kq.areas.flatMap((a) => (a.histogram ? [a.histogram[b]!, share(a.histogram[b]!, a.n)] : [null, null])),
      kq.areas.map((a) => a.n).join("/"),
    ]),
  };
  const medians = kq.areas.map((a) => a.median);
  const headline =
    drawable && medians.every((m) => m !== null)
      ? medians[1]! < medians[0]! && medians[2]! < medians[0]!
        ? `On ${v.info.code}, safety lags desistance: the median share of cases answered “Yes” is ${medians[0]}% for desistance, ${medians[1]}% for keeping the child safe and ${medians[2]}% for keeping other people safe.`
        : `On ${v.info.code}, the median share of cases answered “Yes” is ${medians[0]}% for desistance, ${medians[1]}% for keeping the child safe and ${medians[2]}% for keeping other people safe.`
      : `Key-question figures for ${v.info.code} are recorded for ${kq.inspectionsWithFigures} ${kq.inspectionsWithFigures === 1 ? "inspection" : "inspections"} here: too few to draw a distribution (at least ${MIN_N} are needed).`;
  return (
    <ChartFigure
      id="key-question-distribution"
      headline={headline}
      subtitle={`Share of inspections whose figure for each key question of ${standardLabel(v.info)} falls in each 10-point band, in ${basisPhrase(v)} ${areaPhrase(v.filters)}. n = inspections with that figure.`}
      table={table}
      csvName={`standard-${v.info.code}-key-questions`}
      openTable={!drawable}
    >
      {drawable ? (
        <GroupedBarsChart
          categories={bands}
          series={AREA_SERIES}
          values={bands.map((_, b) => kq.areas.map((a) => share(a.histogram![b]!, a.n)))}
          label={`Distribution of key-question figures for ${v.info.code}, as grouped bars`}
          labelWidth={80}
        />
      ) : (
        <NotDrawn>
          {kq.inspectionsWithFigures} {kq.inspectionsWithFigures === 1 ? "inspection has" : "inspections have"} key-question figures for this
          standard, and a distribution needs at least {MIN_N}.
        </NotDrawn>
      )}
    </ChartFigure>
  );
}

function Figure({ value }: { value: number | null }) {
  if (value === null) {
    return (
      <span className="not-recorded inline-block rounded px-1">
        <span aria-hidden="true">–</span>
        <span className="sr-only">not recorded</span>
      </span>
    );
  }
  return value < LOW_FIGURE ? (
    <strong>
      {value}%<span className="sr-only"> (below {LOW_FIGURE}%)</span>
    </strong>
  ) : (
    <>{value}%</>
  );
}

export function LowFiguresTable({ v }: { v: StandardView }) {
  const kq = v.keyQuestions!;
  if (kq.lowTotal === 0) {
    return (
      <p>
        No inspection counted here has a key-question figure below {LOW_FIGURE}% for {v.info.code} (of {kq.inspectionsWithFigures} with
        figures).
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <p>
        {kq.lowTotal} of {kq.inspectionsWithFigures} inspections with figures have at least one key question below {LOW_FIGURE}% for{" "}
        {v.info.code}, lowest first{kq.lowTotal > kq.low.length ? ` (the first ${kq.low.length} are listed)` : ""}.
      </p>
      {/* relative: the screen-reader text (absolutely placed) stays inside the scrolling box, not beyond the page's edge */}
      <div className="relative overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm" data-low-figures>
          <caption className="sr-only">Services with a key-question figure below {LOW_FIGURE}% for standard {v.info.code}</caption>
          <thead>
            <tr className="border-b-2 border-gray-800">
              <th scope="col" className="py-1 pr-3">Service</th>
              <th scope="col" className="py-1 pr-3">Published</th>
              {kq.areas.map((a) => (
                <th key={a.area} scope="col" className="py-1 pr-3 text-right">
                  {keyQuestionAreaLabel(a.area)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {kq.low.map((e) => (
              <tr key={e.inspectionId} className="border-b border-gray-200">
                <th scope="row" className="py-1 pr-3 font-normal">
                  <Link href={`/services/${e.slug}`}>{e.name}</Link>
                </th>
                <td className="py-1 pr-3">{e.published ?? "not recorded"}</td>
                {e.figures.map((f, i) => (
                  <td key={i} className="py-1 pr-3 text-right tabular-nums">
                    <Figure value={f} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
