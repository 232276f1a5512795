// A search box that opens the services explorer (/services?q=…) at the services
// covering a place. A plain GET form: it works without JavaScript.

export function PlaceSearchForm({ id, label = "Search by place" }: { id: string; label?: string }) {
  return (
    <form method="get" action="/services" role="search" aria-label="Find a service by place" className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-gray-700">
        A town, council or service name, in English or Welsh: for example Poole, Wrecsam or Kirklees.
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          name="q"
          type="search"
          aria-describedby={`${id}-hint`}
          maxLength={100}
          autoComplete="off"
          className="block w-full max-w-md flex-1 rounded border-2 border-gray-700 bg-white px-2 py-1.5"
        />
        <button type="submit" className="rounded bg-brand px-4 py-1.5 font-semibold text-white">
          Search
        </button>
      </div>
    </form>
  );
}
