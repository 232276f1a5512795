// A chart with everything it owes its reader: a headline stating the finding,
// a subtitle saying what is counted and when, the chart itself, a table of
// exactly the numbers drawn, and a CSV download of them.
import { csvDataUrl, type Cell } from "./csv";

export type ChartTable = {
  /** Column headings of the table shown on the page. */
  header: string[];
  rows: Cell[][];
  /** The CSV's own columns (numbers apart, no formatting); the table's when absent. */
  csvHeader?: string[];
  csvRows?: Cell[][];
};

export function ChartFigure({
  id,
  headline,
  subtitle,
  table,
  csvName,
  note,
  openTable = false,
  children,
}: {
  id: string;
  headline: string;
  subtitle: string;
  table: ChartTable;
  csvName: string;
  note?: React.ReactNode;
  openTable?: boolean;
  children: React.ReactNode;
}) {
  const headingId = `${id}-headline`;
  return (
    <figure aria-labelledby={headingId} className="space-y-3 rounded border border-gray-300 p-3 sm:p-4" data-chart={id}>
      <div>
        <h3 id={headingId} className="text-lg font-bold leading-snug">
          {headline}
        </h3>
        <p className="text-sm text-gray-700">{subtitle}</p>
      </div>
      {children}
      {note && <div className="text-sm text-gray-800">{note}</div>}
      <details className="chart-table" open={openTable}>
        <summary className="cursor-pointer font-semibold text-brand">Table of the numbers in this chart</summary>
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={`Table: ${headline}`}>
          <table className="w-full border-collapse text-left text-sm" data-chart-table={id}>
            <caption className="sr-only">{headline}</caption>
            <thead>
              <tr className="border-b-2 border-gray-800">
                {table.header.map((h, i) => (
                  <th key={h} scope="col" className={`py-1 pr-3 align-bottom ${i > 0 ? "text-right" : ""}`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r} className="border-b border-gray-200">
                  {row.map((cell, c) =>
                    c === 0 ? (
                      <th key={c} scope="row" className="py-1 pr-3 font-normal">
                        {cell}
                      </th>
                    ) : (
                      <td key={c} className="py-1 pr-3 text-right tabular-nums">
                        {cell === null ? (
                          <>
                            <span aria-hidden="true">–</span>
                            <span className="sr-only">not recorded</span>
                          </>
                        ) : (
                          cell
                        )}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <p>
        <a href={csvDataUrl(table.csvHeader ?? table.header, table.csvRows ?? table.rows)} download={`${csvName}.csv`} className="text-sm">
          Download these numbers (CSV)
        </a>
      </p>
    </figure>
  );
}
