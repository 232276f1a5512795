// Reading a page from the public page cache (scripts/serve.ts). Any write to a
// public table anywhere in the run drops every stored page (the data version
// changed), so a test that needs a stored page asks until it gets one.
import type { APIRequestContext, APIResponse } from "@playwright/test";

/** GETs `path` anonymously until the answer comes from the store (x-cache: HIT), for at most 15 s; returns the last answer. */
export async function getStored(request: APIRequestContext, path: string): Promise<APIResponse> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await request.get(path);
    if (response.headers()["x-cache"] === "HIT" || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
