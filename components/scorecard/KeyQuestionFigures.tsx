import { StandardCode } from "@/components/glossary/StandardCode";
import { RatingBadge } from "@/components/rating/RatingBadge";
import { KEY_QUESTION_AREAS, keyQuestionAreaLabel } from "@/lib/domain/frameworks";
import { ratingAbbreviation, ratingLabel } from "@/lib/domain/rating";
import type { KeyQuestionFigure, KeyQuestionStandard, LatestInspection } from "@/lib/queries/scorecard";
import { keyQuestionHeadline, plural, publishedPhrase } from "./scorecard-text";

function FigureCell({
  figure,
  isLowest,
  thresholds,
}: {
  figure: KeyQuestionFigure | undefined;
  isLowest: boolean;
  thresholds: LatestInspection["framework"]["keyQuestionThresholds"];
}) {
  if (!figure || figure.percent === null) {
    return (
      <td role="cell" className="py-1 pr-3 max-sm:block max-sm:py-0.5">
        <span className="sm:hidden">{figure?.label ?? ""}: </span>
        <span className="not-recorded inline-block rounded px-1.5 text-gray-700">
          <span aria-hidden="true">– </span>not recorded
        </span>
      </td>
    );
  }
  const median = figure.nationalMedian;
  return (
    <td role="cell" className="py-1 pr-3 max-sm:block max-sm:py-0.5" data-area={figure.area}>
      <div className="flex items-center gap-2">
        <span className="w-28 shrink-0 sm:hidden">{figure.label}</span>
        <div className="kq-track relative h-3.5 min-w-12 flex-1 rounded-sm border border-gray-600 bg-gray-50" aria-hidden="true">
          <div className="print-exact h-full bg-brand" style={{ width: `${figure.percent}%` }} />
          {median !== null && <div className="absolute -top-1 -bottom-1 w-0.5 bg-black" style={{ left: `${median}%` }} />}
          {thresholds.map((t) => (
            <div key={t.rating} className="absolute top-0 bottom-0 border-l border-dashed border-gray-900" style={{ left: `${t.minPercent}%` }}>
              <span className="absolute -top-3 -translate-x-1/2 text-[0.6rem]">{ratingAbbreviation(t.rating)}</span>
            </div>
          ))}
        </div>
        <span className={`w-[4.5rem] shrink-0 tabular-nums ${isLowest ? "font-bold" : ""}`}>
          {figure.percent}%{isLowest && <span className="text-xs"> lowest</span>}
        </span>
      </div>
      {median !== null && (
        <p className="text-xs text-gray-700">
          National median {median}% (n = {figure.nationalN})
        </p>
      )}
    </td>
  );
}

function StandardRow({ s, thresholds }: { s: KeyQuestionStandard; thresholds: LatestInspection["framework"]["keyQuestionThresholds"] }) {
  return (
    <tr role="row" className="border-b border-gray-200 align-top max-sm:block max-sm:py-2" data-standard={s.code}>
        <th role="rowheader" scope="row" className="py-1 pr-3 text-left font-normal max-sm:block">
          <StandardCode code={s.code} /> {s.name} <RatingBadge rating={s.rating} size="sm" />
          {s.differsFromBand && s.band && s.rating && (
            <span className="mt-1 block text-xs">
              <strong>Rating differs from the figure band:</strong> the lowest figure, {s.lowest}%, is in the{" "}
              {ratingLabel(s.band)} band; the inspectorate awarded {ratingLabel(s.rating)}.
            </span>
          )}
        </th>
        {KEY_QUESTION_AREAS.map((area) => {
          const figure = s.figures.find((f) => f.area === area);
          return (
            <FigureCell
              key={area}
              figure={figure}
              isLowest={figure?.percent != null && figure.percent === s.lowest}
              thresholds={thresholds}
            />
          );
        })}
    </tr>
  );
}

/**
 * For each case-based standard, its three key-question figures as bars, with
 * the national median as a marker where one is drawn, and the framework's band
 * thresholds only where they are recorded. The table holds every number drawn.
 */
export function KeyQuestionFigures({
  latest,
  nation,
  csvHref,
  minimum,
}: {
  latest: LatestInspection;
  nation: string;
  csvHref: string;
  minimum: number;
}) {
  const standards = latest.keyQuestions;
  if (standards.length === 0) return null;
  const thresholds = latest.framework.keyQuestionThresholds;
  const figures = standards.flatMap((s) => s.figures);
  const anyMedian = figures.some((f) => f.nationalMedian !== null);
  const mostWithFigures = Math.max(0, ...figures.map((f) => f.nationalN));
  const domains = [...new Set(standards.map((s) => s.domainName))];
  return (
    <section aria-labelledby="key-questions-heading" className="space-y-3" id="key-questions">
      <h2 id="key-questions-heading" className="text-2xl font-bold">
        Key questions: cases done well enough
      </h2>
      {!latest.hasKeyQuestionFigures ? (
        <p>
          The key-question figures of this inspection (the % of inspected cases done well enough, for each of the{" "}
          {standards.length} case-based standards) are not recorded in our data. The inspection report publishes them.
        </p>
      ) : (
        <>
          <p className="font-semibold">{keyQuestionHeadline(standards)}</p>
          <p className="text-sm text-gray-700">
            Each bar is the % of inspected cases in which inspectors judged the work good enough on that key question, in
            the latest inspection ({publishedPhrase(latest)}). The inspectorate says a standard&apos;s rating is driven by
            its lowest figure, placed in a rating band.{" "}
            {thresholds.length > 0
              ? `The band thresholds recorded for the ${latest.framework.name} are drawn as dashed lines: ${thresholds
                  .map((t) => `${ratingLabel(t.rating)} from ${t.minPercent}%`)
                  .join(", ")} (source: ${thresholds[0]!.source}).`
              : "Where those bands start is not confirmed in our sources, so none is drawn; the rating shown is the one the inspectorate awarded."}{" "}
            {anyMedian
              ? "The black line is the national median for the same key question and framework."
              : `No national median is drawn: only ${plural(mostWithFigures, "inspection")} in ${nation} under the ${latest.framework.name} ${
                  mostWithFigures === 1 ? "has" : "have"
                } these figures recorded, and a median needs at least ${minimum}.`}
          </p>
          <table role="table" className="w-full border-collapse text-left text-sm max-sm:block">
            <caption className="sr-only">
              Key-question figures of each case-based standard: % of inspected cases answered yes
            </caption>
            <thead role="rowgroup" className="max-sm:sr-only">
              <tr role="row" className="border-b-2 border-gray-800">
                <th role="columnheader" scope="col" className="w-[36%] py-1 pr-3">
                  Standard and rating
                </th>
                {KEY_QUESTION_AREAS.map((area) => (
                  <th role="columnheader" key={area} scope="col" className="py-1 pr-3">
                    {keyQuestionAreaLabel(area)}
                  </th>
                ))}
              </tr>
            </thead>
            {domains.map((domain) => (
              <tbody role="rowgroup" key={domain} className="max-sm:block">
                <tr role="row" className="max-sm:block">
                  <th role="rowheader" scope="rowgroup" colSpan={4} className="pt-2 pb-0.5 text-left font-bold max-sm:block">
                    {domain}
                  </th>
                </tr>
                {standards
                  .filter((s) => s.domainName === domain)
                  .map((s) => (
                    <StandardRow key={s.code} s={s} thresholds={thresholds} />
                  ))}
              </tbody>
            ))}
          </table>
          <p className="print-hide text-sm">
            <a href={csvHref} download>
              Download these figures (CSV)
            </a>
          </p>
        </>
      )}
    </section>
  );
}
