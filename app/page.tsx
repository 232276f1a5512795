import { ServiceListTable } from "@/components/services/ServiceListTable";
import { serviceList } from "@/lib/queries/service-list";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const rows = await serviceList();
  const inspected = rows.filter((r) => r.latest).length;
  const current = rows.filter((r) => r.current).length;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">Youth justice inspection outcomes in England and Wales</h1>
        <p className="max-w-3xl text-lg">
          HM Inspectorate of Probation inspects every youth justice service and rates it Outstanding, Good, Requires
          improvement or Inadequate. This site shows the latest published rating of each service and where it comes from.
        </p>
      </div>
      <section aria-labelledby="all-services" className="space-y-3">
        <h2 id="all-services" className="text-2xl font-bold">
          All services
        </h2>
        <p>
          {current} current services{rows.length > current ? ` and ${rows.length - current} former service` : ""};{" "}
          {inspected} have a published inspection in our records.
        </p>
        <ServiceListTable rows={rows} />
      </section>
    </div>
  );
}
