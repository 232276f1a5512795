import Link from "next/link";
import { serviceDirectory } from "@/lib/queries/scorecard";

/** An unknown service: a real 404 that offers every service instead. */
export default async function ServiceNotFound() {
  const services = await serviceDirectory();
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Service not found</h1>
      <p>
        There is no youth justice service at this address. If you typed it, check the spelling; if you followed a link, the
        service may have changed its name. Choose it from the list below, or search{" "}
        <Link href="/services">the list of every youth justice service</Link>.
      </p>
      <section aria-labelledby="all-services-heading" className="space-y-2">
        <h2 id="all-services-heading" className="text-xl font-bold">
          Every youth justice service ({services.length})
        </h2>
        <ul className="columns-1 gap-6 sm:columns-2 lg:columns-3">
          {services.map((s) => (
            <li key={s.slug} className="break-inside-avoid py-0.5">
              <Link href={`/services/${s.slug}`}>{s.name}</Link>
              {!s.current && <span className="text-gray-700"> (former service)</span>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
