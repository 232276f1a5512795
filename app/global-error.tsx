"use client";
// Replaces the whole document when the root layout itself fails (for example
// the database drops between the proxy's health check and the render). It
// must bring its own <html> and <body>, and uses no CSS from the app.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "40rem", margin: "3rem auto", padding: "0 1rem", lineHeight: 1.5 }}>
        <main role="alert">
          <h1>The service is temporarily unavailable</h1>
          <p>This page could not be shown just now. Please try again in a minute; nothing you saved has been lost.</p>
          <p>
            <button type="button" onClick={reset}>Try again</button>
          </p>
          {error.digest ? <p>If it keeps happening, tell us this reference: {error.digest}</p> : null}
        </main>
      </body>
    </html>
  );
}
