import Link from "next/link";

const links = [
  { href: "/", label: "Overview" },
  { href: "/services", label: "Services" },
  { href: "/heatmap", label: "Heatmap" },
  { href: "/standards", label: "Standards" },
  { href: "/api", label: "Data API" },
];

export function SiteHeader() {
  return (
    <header className="border-b-4 border-brand bg-gray-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-white! no-underline">
          Youth justice inspection outcomes
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap gap-4">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="text-white!">
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
