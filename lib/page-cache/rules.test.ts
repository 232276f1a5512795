import { describe, expect, it } from "vitest";
import { cacheKey, kindOfKey, NEXT_DYNAMIC_CACHE_CONTROL, renderFailed, unstorableReason } from "./rules";

const get = (url: string, headers: Record<string, string> = {}, method = "GET") => cacheKey({ method, url, headers: { host: "example.org", ...headers }, https: false });
const html = { "content-type": "text/html; charset=utf-8", "cache-control": NEXT_DYNAMIC_CACHE_CONTROL, "content-security-policy": "script-src 'nonce-x'" };

describe("cacheKey", () => {
  it("keys anonymous GET and HEAD of public pages by scheme, host, path and query", () => {
    expect(get("/services/wiltshire")).toBe("http://example.org/services/wiltshire");
    expect(get("/services?region=London", {}, "HEAD")).toBe("http://example.org/services?region=London");
    expect(get("/standards/1.1")).toBe("http://example.org/standards/1.1");
    expect(cacheKey({ method: "GET", url: "/", headers: { host: "example.org" }, https: true })).toBe("https://example.org/");
  });
  it("sends everything that could be personal, a write, a file or an RSC payload to Next.js", () => {
    expect(get("/", {}, "POST")).toBeNull();
    for (const path of ["/admin", "/admin/inspections/1", "/sign-in", "/api/auth/get-session", "/_next/static/x.js", "/robots.txt", "/favicon.ico", "/sitemap.xml", "/bench-floor/home.html"]) expect(get(path)).toBeNull();
    expect(get("/", { cookie: "yjs.session_token=abc" })).toBeNull();
    expect(get("/", { cookie: "anything=1" })).toBeNull();
    expect(get("/", { authorization: "Bearer x" })).toBeNull();
    expect(get("/", { rsc: "1" })).toBeNull();
    expect(get("/", { "next-router-prefetch": "1" })).toBeNull();
    expect(get("/?_rsc=abc")).toBeNull();
  });
  it("keys the public JSON endpoints by path, query and whether Accept asks for CSV (the API then answers CSV), as JSON", () => {
    const rows = get("/heatmap/rows", { accept: "*/*" });
    expect(rows).toBe("http://example.org/heatmap/rows\njson");
    expect(kindOfKey(rows!)).toBe("json");
    expect(get("/heatmap/rows?inspection=12")).toBe("http://example.org/heatmap/rows?inspection=12\njson");
    // No Accept, */*, JSON or a browser's list: one JSON answer, one key.
    const json = get("/api/v1/inspections?service=wiltshire", { accept: "application/json" });
    for (const accept of [undefined, "*/*", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"]) {
      expect(get("/api/v1/inspections?service=wiltshire", accept ? { accept } : {}), accept).toBe(json);
    }
    const csv = get("/api/v1/inspections?service=wiltshire", { accept: "text/csv" });
    expect(csv).toBe("http://example.org/api/v1/inspections?service=wiltshire\ntext/csv");
    expect(get("/api/v1/inspections?service=wiltshire", { accept: "text/csv;q=0.5, application/json" })).not.toBe(json);
    expect(kindOfKey(get("/services/wiltshire")!)).toBe("page");
    // Never with credentials; never another API route as JSON; never the auth API.
    expect(get("/api/v1/inspections", { cookie: "yjs.session_token=abc" })).toBeNull();
    expect(get("/heatmap/rows", { authorization: "Bearer x" })).toBeNull();
    expect(get("/api/auth/get-session")).toBeNull();
    expect(kindOfKey(get("/api/v1/services")!)).toBe("page"); // stored only if it were HTML: it never is
  });
});

describe("unstorableReason", () => {
  it("stores a 200 HTML page with Next.js's dynamic cache-control", () => {
    expect(unstorableReason(200, html)).toBeNull();
  });
  it("refuses other statuses, cookies, explicit private/no-store, non-HTML and pages without a policy", () => {
    expect(unstorableReason(404, html)).toBe("status 404");
    expect(unstorableReason(200, { ...html, "set-cookie": ["a=b"] })).toBe("sets a cookie");
    expect(unstorableReason(200, { ...html, "cache-control": "private, no-store" })).toMatch(/cache-control/);
    expect(unstorableReason(200, { ...html, "content-type": "application/json" })).toBe("not HTML");
    expect(unstorableReason(200, { ...html, "content-security-policy": undefined })).toBe("no content-security-policy");
  });
  it("stores public JSON whatever its cache-control says to browsers, unless private, and never a non-200, a cookie or CSV", () => {
    const json = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };
    expect(unstorableReason(200, json, "json")).toBeNull();
    expect(unstorableReason(200, { ...json, "cache-control": "public, max-age=300, stale-while-revalidate=60" }, "json")).toBeNull();
    expect(unstorableReason(200, { ...json, "cache-control": "private, no-store" }, "json")).toBe("cache-control private");
    expect(unstorableReason(404, json, "json")).toBe("status 404");
    expect(unstorableReason(304, json, "json")).toBe("status 304");
    expect(unstorableReason(200, { ...json, "set-cookie": "a=b" }, "json")).toBe("sets a cookie");
    expect(unstorableReason(200, { ...json, "content-type": "text/csv; charset=utf-8; header=present" }, "json")).toBe("not JSON");
    expect(unstorableReason(200, json)).toBe("not HTML"); // JSON under a page's key
  });
});

describe("renderFailed", () => {
  it("recognises an error boundary streamed in place of content", () => {
    expect(renderFailed(`<template data-dgst="123"></template>`)).toBe(true);
    expect(renderFailed(`<script>self.__next_f.push([1,"5:E{\\"digest\\":\\"2871\\"}\\n"])</script>`)).toBe(true);
    expect(renderFailed(`<main>Wiltshire</main>`)).toBe(false);
  });
});
