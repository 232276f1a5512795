import Link from "next/link";
import { pageHref, type ExplorerState } from "@/lib/api/explorer-url";

export function ExplorerPagination({ state, pageCount }: { state: ExplorerState; pageCount: number }) {
  if (pageCount <= 1) return null;
  const page = state.page;
  return (
    <nav aria-label="Pages of services" className="flex flex-wrap items-center gap-4">
      {page > 1 ? <Link href={pageHref(state, Math.min(page - 1, pageCount))} rel="prev">Previous page</Link> : <span className="text-gray-600">Previous page</span>}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={pageHref(state, page + 1)} rel="next">Next page</Link> : <span className="text-gray-600">Next page</span>}
    </nav>
  );
}
