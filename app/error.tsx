"use client";
// Shown in place of a page whose server render failed. In production Next.js
// hides the error's message from the browser (only a digest reaches here), so
// this page cannot tell an outage from a fault: it says the service is
// unavailable, offers a retry, and gives the digest to quote. Its HTTP status
// is whatever the render had already sent (see docs/OPERATIONS.md "Faults"):
// the 503 for a database outage comes from proxy.ts before rendering starts.
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="space-y-4" role="alert">
      <h1 className="text-3xl font-bold">The service is temporarily unavailable</h1>
      <p>This page could not be shown just now. Please try again in a minute; nothing you saved has been lost.</p>
      <p>
        <button type="button" onClick={reset} className="rounded border-2 border-current px-3 py-1 font-semibold underline-offset-2 hover:underline">
          Try again
        </button>
      </p>
      {error.digest ? <p className="text-sm">If it keeps happening, tell us this reference: {error.digest}</p> : null}
    </div>
  );
}
