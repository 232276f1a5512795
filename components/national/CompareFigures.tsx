// The parts of /compare: scores side by side, the standards grid, and the
// key-question figures as grouped bars (one chart per key question).
import Link from "next/link";
import { ChartFigure, type ChartTable } from "@/components/charts/ChartFigure";
import { GroupedBarsChart, type Series } from "@/components/charts/GroupedBarsChart";
import { RatingBadge } from "@/components/rating/RatingBadge";
import { KEY_QUESTION_AREAS, keyQuestionAreaLabel, type KeyQuestionArea } from "@/lib/domain/frameworks";
import { inspectionKindLabel, nationLabel, type InspectionKind } from "@/lib/domain/inspection-kind";
import type { ComparedService, Comparison } from "@/lib/queries/compare";
import { SERVICE_COLOURS } from "./key-question-series";
import { shortStandardLabel, standardLabel } from "./standard-label";

const LETTERS = ["A", "B", "C", "D", "E", "F"];

function frameworkNote(s: ComparedService): string {
  if (!s.standards) return "no inspection under the 2018/2021 standards";
  return `${s.standards.published ?? "date not recorded"}, ${s.standards.frameworkCode} standards`;
}

export function ScoresTable({ c }: { c: Comparison }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-compare="scores">
        <caption className="sr-only">Latest published inspection of each compared service</caption>
        <thead>
          <tr className="border-b-2 border-gray-800">
            <th scope="col" className="py-2 pr-3">Service</th>
            <th scope="col" className="py-2 pr-3">Area</th>
            <th scope="col" className="py-2 pr-3">Latest inspection</th>
            <th scope="col" className="py-2 pr-3">Overall rating</th>
            <th scope="col" className="py-2 pr-3">Score</th>
          </tr>
        </thead>
        <tbody>
          {c.services.map((s, i) => (
            <tr key={s.slug} className="border-b border-gray-200 align-top" data-service={s.slug}>
              <th scope="row" className="py-2 pr-3 font-normal">
                <span className="mr-1 font-mono font-bold" aria-hidden="true">
                  {LETTERS[i]}
                </span>
                <Link href={`/services/${s.slug}`}>{s.name}</Link>
              </th>
              <td className="py-2 pr-3">
                {nationLabel(s.nation)}
                {s.region ? `, ${s.region}` : ""}
              </td>
              <td className="py-2 pr-3">
                {s.latest ? (
                  <>
                    {s.latest.published ?? "date not recorded"}
                    <br />
                    <span className="text-gray-700">
                      {inspectionKindLabel(s.latest.kind as InspectionKind)}, {s.latest.frameworkCode}
                    </span>
                  </>
                ) : (
                  "No published inspection in our records"
                )}
              </td>
              <td className="py-2 pr-3">{s.latest ? <RatingBadge rating={s.latest.overall} size="sm" /> : "–"}</td>
              <td className="py-2 pr-3 tabular-nums">
                {s.latest?.score != null ? (
                  `${s.latest.score} / ${s.latest.scoreMax ?? 36}`
                ) : s.latest?.programme === "PROGRAMME_2025" ? (
                  "not scored (2025 programme)"
                ) : s.latest ? (
                  <span className="text-gray-700">not recorded</span>
                ) : (
                  "–"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StandardsGrid({ c }: { c: Comparison }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-compare="standards">
        <caption className="sr-only">Each standard&apos;s rating for each compared service, side by side</caption>
        <thead>
          <tr className="border-b-2 border-gray-800 align-bottom">
            <th scope="col" className="py-2 pr-3">Standard</th>
            {c.services.map((s, i) => (
              <th key={s.slug} scope="col" className="py-2 pr-3">
                <span className="font-mono" aria-hidden="true">
                  {LETTERS[i]}{" "}
                </span>
                {s.name}
                <span className="block text-xs font-normal text-gray-700">{frameworkNote(s)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {c.columns.map((standard) => (
            <tr key={standard.code} className="border-b border-gray-200" data-standard={standard.code}>
              <th scope="row" className="py-1.5 pr-3 font-normal">
                <Link href={`/standards/${standard.code}`}>{standardLabel(standard)}</Link>
              </th>
              {c.services.map((s) => {
                const inFramework = s.standards && standard.frameworks.includes(s.standards.frameworkCode);
                return (
                  <td key={s.slug} className="py-1.5 pr-3" data-service={s.slug}>
                    {!s.standards ? (
                      <span className="text-gray-700">no 2018/2021 inspection</span>
                    ) : !inFramework ? (
                      <span className="text-gray-700">not part of the {s.standards.frameworkCode} standards</span>
                    ) : (
                      <RatingBadge rating={s.standards.ratings[standard.code] ?? null} size="sm" />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function KeyQuestionFigures({ c }: { c: Comparison }) {
  const caseBased = c.columns.filter((s) => s.caseBased);
  const series: Series[] = c.services.map((s, i) => ({
    key: s.slug,
    label: s.name,
    short: LETTERS[i]!,
    colour: SERVICE_COLOURS[i]!,
  }));
  const figure = (s: ComparedService, code: string, area: KeyQuestionArea) => s.standards?.figures[code]?.[area] ?? null;
  const withFigures = c.services.filter((s) => s.standards && Object.keys(s.standards.figures).length > 0);
  return (
    <div className="space-y-4">
      <p>
        {withFigures.length === 0
          ? "None of these services has key-question figures recorded for its latest inspection under the 2018/2021 standards, so there are no bars to draw; the tables say “not recorded”."
          : `${withFigures.length} of ${c.services.length} services have key-question figures recorded (${withFigures.map((s) => s.name).join(", ")}). Each bar is labelled with the service's letter; a missing bar is a figure not recorded.`}
      </p>
      {KEY_QUESTION_AREAS.map((area) => {
        const values = caseBased.map((standard) => c.services.map((s) => figure(s, standard.code, area)));
        const table: ChartTable = {
          header: ["Standard", ...c.services.map((s, i) => `${LETTERS[i]}: ${s.name}`)],
          rows: caseBased.map((standard, r) => [shortStandardLabel(standard), ...values[r]!.map((v) => (v === null ? null : `${v}%`))]),
          csvHeader: ["standard", ...c.services.map((s) => s.slug)],
          csvRows: caseBased.map((standard, r) => [standard.code, ...values[r]!]),
        };
        const recorded = values.flat().filter((v): v is number => v !== null);
        const best = (() => {
          if (recorded.length === 0) return null;
          const means = c.services.map((s, i) => {
            const own = values.map((row) => row[i]).filter((v): v is number => v !== null);
            return { name: s.name, n: own.length, mean: own.length ? own.reduce((a, b) => a + b, 0) / own.length : null };
          });
          return means.filter((m) => m.mean !== null).sort((a, b) => b.mean! - a.mean!);
        })();
        const headline =
          best === null
            ? `${keyQuestionAreaLabel(area)}: no figures recorded for these services.`
            : best.length === 1
              ? `${keyQuestionAreaLabel(area)}: only ${best[0]!.name} has figures recorded (${best[0]!.n} of ${caseBased.length} standards), averaging ${Math.round(best[0]!.mean!)}% of cases answered “Yes”.`
              : `${keyQuestionAreaLabel(area)}: ${best[0]!.name} has the highest average share of cases answered “Yes” (${Math.round(best[0]!.mean!)}% over ${best[0]!.n} standards), ${best[best.length - 1]!.name} the lowest (${Math.round(best[best.length - 1]!.mean!)}% over ${best[best.length - 1]!.n}).`;
        return (
          <ChartFigure
            key={area}
            id={`compare-${area.toLowerCase()}`}
            headline={headline}
            subtitle={`Share of inspected cases answered “Yes” to the ${keyQuestionAreaLabel(area).toLowerCase()} key question of each case-based standard, at each service's latest inspection under the 2018/2021 standards.`}
            table={table}
            csvName={`compare-${area.toLowerCase()}`}
          >
            <GroupedBarsChart
              categories={caseBased.map((s) => shortStandardLabel(s))}
              series={series}
              values={values}
              label={`${keyQuestionAreaLabel(area)} figures by standard and service, as grouped bars`}
              labelWidth={170}
            />
          </ChartFigure>
        );
      })}
    </div>
  );
}
