import type { Metadata } from "next";
import Link from "next/link";
import { Heatmap, type HeatmapColumn } from "@/components/heatmap/Heatmap";
import { shortStandardLabel, standardLabel } from "@/components/national/standard-label";
import { heatmapView } from "@/lib/queries/heatmap";
import { parseHeatmapParams } from "@/lib/queries/heatmap-filters";
import { ENGLISH_REGIONS } from "@/lib/queries/national-filters";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Heatmap of ratings by standard" };

export default async function HeatmapPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const view = await heatmapView(parseHeatmapParams(await searchParams));
  const columns: HeatmapColumn[] = view.columns.map((c) => ({
    code: c.code,
    label: shortStandardLabel(c),
    fullLabel: standardLabel(c),
    domainNumber: c.domainNumber,
    domainName: c.domainName,
    caseBased: c.caseBased,
    frameworks: c.frameworks,
  }));
  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">Every service, standard by standard</h1>
        <p className="max-w-3xl">
          Each row is a service at its latest published inspection (or, if you choose, every inspection); each column is one
          of the standards of the 2018/2021 programme, grouped by domain. The first row counts the ratings in each column. Tick
          services to <Link href="/compare">compare them</Link>, or open a service for its scorecard and sources. Many
          standards&apos; ratings were not found in published sources: those cells are hatched and marked “not recorded”.
        </p>
      </div>
      <Heatmap
        mode={view.mode}
        rows={view.rows}
        total={view.total}
        summary={view.summary}
        columns={columns}
        pageSize={view.pageSize}
        years={view.years}
        regions={ENGLISH_REGIONS}
        inspections={view.inspections}
        rowsUrl={view.mode === "server" ? "/heatmap/rows" : null}
      />
    </div>
  );
}
