import type { Metadata } from "next";
import Link from "next/link";
import { standardLabel } from "@/components/national/standard-label";
import { standardsIndex } from "@/lib/queries/standards";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Standards" };

export default async function StandardsPage() {
  const standards = await standardsIndex();
  const domains = [...new Map(standards.map((s) => [s.domainNumber, s.domainName])).entries()];
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">The standards services are inspected against</h1>
        <p className="max-w-3xl">
          From 2018 to early 2025 the inspectorate rated each youth justice service on twelve standards in three domains, and
          from 2021 on a thirteenth, resettlement, which does not count toward the overall rating. Choose a standard to see how
          services were rated on it nationally. The 2025 programme rates against new standards that our sources do not list,
          so it is not shown here.
        </p>
      </div>
      {domains.map(([number, name]) => (
        <section key={number} aria-labelledby={`domain-${number}`} className="space-y-2">
          <h2 id={`domain-${number}`} className="text-2xl font-bold">
            Domain {number}: {name}
          </h2>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">Standards of domain {number}, {name}</caption>
              <thead>
                <tr className="border-b-2 border-gray-800">
                  <th scope="col" className="py-2 pr-3">Standard</th>
                  <th scope="col" className="py-2 pr-3">How it is judged</th>
                  <th scope="col" className="py-2 pr-3">Counts toward the overall rating</th>
                  <th scope="col" className="py-2 pr-3 text-right">Inspections with a rating</th>
                </tr>
              </thead>
              <tbody>
                {standards
                  .filter((s) => s.domainNumber === number)
                  .map((s) => (
                    <tr key={s.code} className="border-b border-gray-200 align-top" data-standard={s.code}>
                      <th scope="row" className="py-2 pr-3 font-normal">
                        <Link href={`/standards/${s.code}`}>{standardLabel(s)}</Link>
                      </th>
                      <td className="py-2 pr-3">{s.caseBased ? "From a sample of cases, with key questions" : "From the organisation's evidence"}</td>
                      <td className="py-2 pr-3">{s.countsTowardOverall ? "Yes" : "No, rated separately"}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">
                        {s.rated} of {s.inspections}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <p className="text-sm text-gray-700">
        “Inspections with a rating” counts every published inspection under the 2018, 2021 or not-confirmed 2018/2021 standards
        whose framework has the standard; the rest did not have that rating recorded in our sources.
      </p>
    </div>
  );
}
