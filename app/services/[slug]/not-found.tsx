import Link from "next/link";
import { PlaceSearchForm } from "@/components/services/PlaceSearchForm";

/**
 * An unknown service: a real 404 that offers a search and the list of every
 * service. It reads nothing: Next.js renders this boundary into every
 * scorecard's payload, so a list of every service here made each scorecard
 * grow with the number of services (3.5 MB at 15,500).
 */
export default function ServiceNotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Service not found</h1>
      <p className="max-w-3xl">
        There is no youth justice service at this address. If you typed it, check the spelling; if you followed a link, the
        service may have changed its name. Search for it by place below, or choose it from{" "}
        <Link href="/services">the list of every youth justice service</Link>.
      </p>
      <div className="max-w-3xl rounded border border-gray-300 bg-gray-50 p-4">
        <PlaceSearchForm id="not-found-place" />
      </div>
    </div>
  );
}
