import type { Metadata } from "next";
import { ATTRIBUTION, LICENCE_URL } from "@/lib/api/licence";
import { openApiDocument } from "@/lib/api/openapi";
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from "@/lib/api/parameters";

export const metadata: Metadata = {
  title: "Data API",
  description: "A free, open JSON and CSV API of youth justice inspection outcomes in England and Wales.",
};

type Parameter = { name: string; in: string; description?: string; example?: unknown; schema?: { enum?: string[] } };
type Operation = { summary: string; description?: string; parameters?: Parameter[] };

const EXAMPLES: Record<string, { href: string; says: string }[]> = {
  "/api/v1/services": [
    { href: "/api/v1/services?q=Poole", says: "the service that covers Poole (Dorset Combined)" },
    { href: "/api/v1/services?nation=WALES&rating=GOOD", says: "Welsh services whose latest rating is Good" },
    { href: "/api/v1/services?region=London&format=csv", says: "London's services as CSV" },
  ],
  "/api/v1/services/{slug}": [
    { href: "/api/v1/services/wiltshire", says: "Wiltshire with every published inspection" },
    { href: "/api/v1/services/wiltshire?format=csv", says: "its inspections as CSV, one row each" },
  ],
  "/api/v1/inspections": [
    { href: "/api/v1/inspections?publishedFrom=2024&publishedTo=2024", says: "inspections published in 2024" },
    { href: "/api/v1/inspections?rating=INADEQUATE&framework=2021", says: "Inadequate ratings under the 2021 standards" },
    { href: "/api/v1/inspections?service=wiltshire&format=csv", says: "one service's inspections as CSV" },
  ],
  "/api/v1/standards": [
    { href: "/api/v1/standards?framework=2021", says: "the thirteen standards of the 2021 framework" },
  ],
};

const code = "rounded bg-gray-100 px-1 font-mono text-sm";

export default function ApiPage() {
  const doc = openApiDocument() as { paths: Record<string, { get?: Operation }> };
  const endpoints = Object.entries(doc.paths).filter(([path, item]) => item.get && path !== "/api/v1/openapi.json");
  return (
    <div className="max-w-4xl space-y-8">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">Data API</h1>
        <p className="text-lg">
          Every published rating on this site, as JSON or CSV, free to reuse. No key, no sign-up: send a GET request from
          any program or web page.
        </p>
        <p>
          The full description, for code generators and tools such as Swagger UI, is at{" "}
          <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
        </p>
      </div>

      <section aria-labelledby="rules" className="space-y-2">
        <h2 id="rules" className="text-2xl font-bold">
          What every response follows
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>Only published inspections. Drafts, and results under embargo, never appear.</li>
          <li>
            A rating comes as its value and its label: <code className={code}>{`{"value": "REQUIRES_IMPROVEMENT", "label": "Requires improvement"}`}</code>.
          </li>
          <li>
            A date keeps the precision its source gives: <code className={code}>{`{"date": "2019-03", "precision": "MONTH"}`}</code> is a month,
            never turned into a day.
          </li>
          <li>
            Something not recorded is <code className={code}>null</code>, with the field still there. It is never 0. In CSV it is an empty cell.
          </li>
          <li>
            JSON by default. For CSV, add <code className={code}>format=csv</code> or send <code className={code}>Accept: text/csv</code>.
          </li>
          <li>
            Lists come in pages of {DEFAULT_PAGE_SIZE} (choose with <code className={code}>pageSize</code>, up to {MAX_PAGE_SIZE}) in a
            stable order; <code className={code}>pagination.next</code> and the <code className={code}>Link</code> header give the next page.
          </li>
          <li>
            A wrong parameter gets status 400 and a JSON body naming it and saying what it expects; an unknown service gets 404.
          </li>
          <li>
            Responses carry an <code className={code}>ETag</code>: send it back in <code className={code}>If-None-Match</code> and an unchanged
            answer is a short 304. Any web page may call the API (CORS is open for GET).
          </li>
        </ul>
      </section>

      <section aria-labelledby="endpoints" className="space-y-6">
        <h2 id="endpoints" className="text-2xl font-bold">
          Endpoints
        </h2>
        {endpoints.map(([path, item]) => {
          const op = item.get!;
          const params = (op.parameters ?? []).filter((p) => p.in === "query");
          return (
            <section key={path} aria-labelledby={`ep-${path}`} className="space-y-3 border-t border-gray-300 pt-4">
              <h3 id={`ep-${path}`} className="text-xl font-bold">
                <code className="font-mono">GET {path}</code>
              </h3>
              <p>
                {op.summary}. {op.description}
              </p>
              <h4 className="font-semibold">Try it</h4>
              <ul className="list-disc pl-6">
                {(EXAMPLES[path] ?? []).map((e) => (
                  <li key={e.href}>
                    <a href={e.href} className="break-all font-mono text-sm">
                      {e.href}
                    </a>{" "}
                    : {e.says}
                  </li>
                ))}
              </ul>
              {params.length > 0 && (
                <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`Query parameters of ${path}`}>
                  <table className="w-full border-collapse text-left text-sm">
                    <caption className="text-left font-semibold">Query parameters of {path}, all optional</caption>
                    <thead>
                      <tr className="border-b-2 border-gray-800">
                        <th scope="col" className="py-1 pr-3">Parameter</th>
                        <th scope="col" className="py-1 pr-3">Meaning and accepted values</th>
                      </tr>
                    </thead>
                    <tbody>
                      {params.map((p) => (
                        <tr key={p.name} className="border-b border-gray-200 align-top">
                          <th scope="row" className="py-1 pr-3 font-mono font-normal">
                            {p.name}
                          </th>
                          <td className="py-1 pr-3">{p.description}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          );
        })}
      </section>

      <section aria-labelledby="from-code" className="space-y-2">
        <h2 id="from-code" className="text-2xl font-bold">
          From the command line
        </h2>
        <pre className="overflow-x-auto rounded bg-gray-900 p-3 text-sm text-white" tabIndex={0} aria-label="Example commands">
          {`curl -H 'Accept: text/csv' 'https://this-site/api/v1/inspections?publishedFrom=2024'
curl -i 'https://this-site/api/v1/services/wiltshire'         # note the ETag
curl -i -H 'If-None-Match: "<that ETag>"' 'https://this-site/api/v1/services/wiltshire'   # 304 if unchanged`}
        </pre>
        <p>Replace this-site with the address of this dashboard.</p>
      </section>

      <section aria-labelledby="licence" className="space-y-2">
        <h2 id="licence" className="text-2xl font-bold">
          Licence
        </h2>
        <p>
          {ATTRIBUTION}: <a href={LICENCE_URL}>{LICENCE_URL}</a>. Every response says so, in its <code className={code}>meta</code> block
          and in an <code className={code}>X-Attribution</code> header. Each inspection lists the sources its figures come from; please
          keep the attribution when you reuse the data.
        </p>
      </section>
    </div>
  );
}
