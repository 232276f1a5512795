import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p>There is no page at this address. If you typed it, check it; if you followed a link, the service may have a different name now.</p>
      <p>
        <Link href="/">See the list of every youth justice service</Link>
      </p>
    </div>
  );
}
