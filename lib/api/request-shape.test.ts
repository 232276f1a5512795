// What proxy.ts refuses before Next.js sees it (lib/api/request-shape.ts).
import { describe, expect, it } from "vitest";
import { malformedRequest } from "./request-shape";

const post = (path: string, headers: Record<string, string>, body: string) =>
  new Request(`http://127.0.0.1:3000${path}`, { method: "POST", headers, body });

describe("malformedRequest", () => {
  it("lets ordinary requests through", async () => {
    expect(await malformedRequest(new Request("http://127.0.0.1:3000/services/wiltshire?q=caf%C3%A9"))).toBeNull();
    expect(await malformedRequest(post("/standards/3.1", { "next-action": "abc", "content-type": "text/plain" }, '[{"id":1}]'))).toBeNull();
    expect(await malformedRequest(post("/admin/import", { "content-type": "multipart/form-data; boundary=----x" }, "------x--"))).toBeNull();
    expect(await malformedRequest(post("/api/auth/sign-in/email", { "content-type": "application/json" }, "{"))).toBeNull(); // better-auth answers that itself
  });

  it("refuses a NUL byte or a malformed escape in the address, saying which", async () => {
    expect(await malformedRequest(new Request("http://127.0.0.1:3000/compare?services=wilt%00shire"))).toMatchObject({ status: 400, message: expect.stringMatching(/NUL/) });
    expect(await malformedRequest(new Request("http://127.0.0.1:3000/services/%E0%A4%A"))).toMatchObject({ status: 400, message: expect.stringMatching(/%-escape/) });
  });

  it("refuses a POST to a file with 405 and the methods allowed", async () => {
    expect(await malformedRequest(post("/import-template.csv", { "content-type": "application/json" }, "{}"))).toEqual({
      status: 405,
      message: "/import-template.csv is a file to download: only GET and HEAD are allowed.",
      allow: "GET, HEAD",
    });
  });

  it("refuses multipart data with no boundary", async () => {
    expect(await malformedRequest(post("/", { "content-type": "multipart/form-data" }, "x"))).toMatchObject({ status: 400, message: expect.stringMatching(/no boundary/) });
  });

  it("refuses server action arguments that are not a JSON list, or far larger than the site's forms send", async () => {
    const action = (body: string) => malformedRequest(post("/admin", { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }, body));
    expect(await action("{not json")).toMatchObject({ status: 400, message: expect.stringMatching(/not JSON/) });
    expect(await action("")).toMatchObject({ status: 400 });
    expect(await action('{"a":1}')).toMatchObject({ status: 400, message: expect.stringMatching(/JSON list/) });
    expect(await action(JSON.stringify([Array(10_001).fill(1)]))).toMatchObject({ status: 400, message: expect.stringMatching(/10,000 list items/) });
    expect(await action("[".repeat(100) + "]".repeat(100))).toMatchObject({ status: 400, message: expect.stringMatching(/64 levels/) });
    expect(await action(JSON.stringify([{ values: { ratings: { "1.1": "GOOD" } } }]))).toBeNull();
  });
});
