// The national overview's charts, each a ChartFigure (headline, subtitle,
// chart, table, CSV) drawn from the NationalOverview read model.
import { ChartFigure, type ChartTable } from "@/components/charts/ChartFigure";
import { GroupedBarsChart } from "@/components/charts/GroupedBarsChart";
import { NotDrawn } from "@/components/charts/NotDrawn";
import { RatingBarsChart } from "@/components/charts/RatingBarsChart";
import { ratingBarData, ratingTable } from "@/components/charts/rating-table";
import { keyQuestionAreaLabel } from "@/lib/domain/frameworks";
import { MIN_N } from "@/lib/queries/national-distribution";
import { areaPhrase } from "@/lib/queries/national-filters";
import type { NationalOverview } from "@/lib/queries/national";
import {
  keyQuestionHeadline,
  overallHeadline,
  spreadHeadline,
  standardsHeadline,
  trendHeadline,
} from "./headlines";
import { AREA_SERIES } from "./key-question-series";
import { shortStandardLabel, standardLabel } from "./standard-label";

function basisPhrase(o: NationalOverview, programme = "under that programme"): string {
  return o.filters.basis === "latest"
    ? `each service's latest published inspection ${programme}`
    : "every published inspection";
}

function period(o: NationalOverview): string {
  const years = o.years.map((y) => y.year).filter((y): y is number => y !== null);
  if (years.length === 0) return "";
  return `, published ${Math.min(...years)}–${Math.max(...years)}`;
}

export function OverallFigure({ o }: { o: NationalOverview }) {
  const rows = o.overall.map((r) => ({ label: r.label, distribution: r.distribution }));
  const standards = o.overall[0]!.distribution;
  return (
    <ChartFigure
      id="overall"
      headline={overallHeadline(
        standards,
        o.filters.basis === "latest" ? "services at their latest inspection under the 2018/2021 standards" : "inspections under the 2018/2021 standards",
      )}
      subtitle={`Overall rating of ${basisPhrase(o)} ${areaPhrase(o.filters)}${period(o)}. The two programmes are shown apart: the 2025 programme rates against different standards. n = inspections with an overall rating.`}
      table={ratingTable(rows, "Programme")}
      csvName="overall-ratings"
    >
      <RatingBarsChart data={ratingBarData(rows)} label="Overall ratings by programme, as 100% stacked bars" labelWidth={170} />
    </ChartFigure>
  );
}

export function StandardsFigure({ o }: { o: NationalOverview }) {
  const rows = o.standards.map((s) => ({ label: shortStandardLabel(s), distribution: s.distribution }));
  const tableRows = o.standards.map((s) => ({ label: standardLabel(s), distribution: s.distribution }));
  const table = ratingTable(tableRows, "Standard");
  return (
    <ChartFigure
      id="standards"
      headline={standardsHeadline(rows)}
      subtitle={`Rating of each standard in ${basisPhrase(o, "under the 2018/2021 standards")} ${areaPhrase(o.filters)} (${o.standardsInspections} inspections). n = inspections that have a rating for the standard; the rest are not recorded. 4.1 exists only in the 2021 standards; 3.4 was Joint working in 2018.`}
      table={table}
      csvName="ratings-by-standard"
      note={
        <p>
          Of these {o.standardsInspections} inspections, {o.coverage.all} have all twelve counting standards recorded,{" "}
          {o.coverage.some} have some and {o.coverage.none} have only the overall rating.
        </p>
      }
    >
      <RatingBarsChart data={ratingBarData(rows)} label="Ratings of each standard, as 100% stacked bars" labelWidth={230} />
    </ChartFigure>
  );
}

export function KeyQuestionsFigure({ o }: { o: NationalOverview }) {
  const medians = o.keyQuestions.map((k) => ({
    code: k.code,
    label: shortStandardLabel({ ...o.standards.find((s) => s.code === k.code)!, name: k.name }),
    desistance: k.areas[0]!.median,
    child: k.areas[1]!.median,
    others: k.areas[2]!.median,
  }));
  const drawable = medians.some((m) => m.desistance !== null || m.child !== null || m.others !== null);
  const table: ChartTable = {
    header: ["Standard", "Key question", "Inspections with a figure (n)", "Median % Yes", "Lower quartile", "Upper quartile"],
    rows: o.keyQuestions.flatMap((k, i) =>
      k.areas.map((a) => [
        medians[i]!.label,
        keyQuestionAreaLabel(a.area),
        a.n,
        a.median ?? `not drawn (n < ${MIN_N})`,
        a.lowerQuartile ?? "–",
        a.upperQuartile ?? "–",
      ]),
    ),
    csvRows: o.keyQuestions.flatMap((k, i) =>
      k.areas.map((a) => [medians[i]!.label, keyQuestionAreaLabel(a.area), a.n, a.median, a.lowerQuartile, a.upperQuartile]),
    ),
  };
  return (
    <ChartFigure
      id="key-questions"
      headline={keyQuestionHeadline(medians, o.keyQuestionInspections)}
      subtitle={`Median share of inspected cases answered “Yes” to each key question of the case-based standards, in ${basisPhrase(o, "under the 2018/2021 standards")} ${areaPhrase(o.filters)}. n = inspections with that figure (${o.keyQuestionInspections} have any).`}
      table={table}
      csvName="key-questions"
      openTable={!drawable}
    >
      {drawable ? (
        <GroupedBarsChart
          categories={medians.map((m) => m.label)}
          series={AREA_SERIES}
          values={medians.map((m) => [m.desistance, m.child, m.others])}
          label="Median key-question figures by case-based standard, as grouped bars"
          labelWidth={190}
        />
      ) : (
        <NotDrawn>
          key-question figures are recorded for {o.keyQuestionInspections} {o.keyQuestionInspections === 1 ? "inspection" : "inspections"} here, and a
          median needs at least {MIN_N}.
        </NotDrawn>
      )}
    </ChartFigure>
  );
}

export function RegionsFigure({ o }: { o: NationalOverview }) {
  const rows = o.regions.map((r) => ({ label: r.label, distribution: r.distribution }));
  return (
    <ChartFigure
      id="regions"
      headline={spreadHeadline(rows, "region")}
      subtitle={`Overall rating of ${basisPhrase(o, "under the 2018/2021 standards")}, by English region and for Wales${o.filters.region || o.filters.nation ? ` (${areaPhrase(o.filters)} only)` : ""}. ${o.regionsExcluded2025} inspection${o.regionsExcluded2025 === 1 ? "" : "s"} under the 2025 programme ${o.regionsExcluded2025 === 1 ? "is" : "are"} left out.`}
      table={ratingTable(rows, "Region")}
      csvName="ratings-by-region"
    >
      <RatingBarsChart data={ratingBarData(rows)} label="Overall ratings by region, as 100% stacked bars" labelWidth={200} />
    </ChartFigure>
  );
}

export function YearsFigure({ o }: { o: NationalOverview }) {
  const rows = o.years.map((y) => ({ label: y.label, distribution: y.distribution }));
  const standardsYears = o.years.filter((y) => y.programme === "STANDARDS_2018_2021").map((y) => ({ ...y }));
  return (
    <ChartFigure
      id="years"
      headline={trendHeadline(standardsYears)}
      subtitle={`Overall rating of every published inspection ${areaPhrase(o.filters)}, by year of publication; the 2025 programme's inspections have rows of their own. Inspections whose publication date is not recorded are counted in their own row.`}
      table={ratingTable(rows, "Year of publication")}
      csvName="ratings-by-year"
    >
      <RatingBarsChart data={ratingBarData(rows)} label="Overall ratings by year of publication, as 100% stacked bars" labelWidth={210} />
    </ChartFigure>
  );
}
