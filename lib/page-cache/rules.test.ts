import { describe, expect, it } from "vitest";
import { cacheKey, NEXT_DYNAMIC_CACHE_CONTROL, renderFailed, unstorableReason } from "./rules";

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
});

describe("renderFailed", () => {
  it("recognises an error boundary streamed in place of content", () => {
    expect(renderFailed(`<template data-dgst="123"></template>`)).toBe(true);
    expect(renderFailed(`<script>self.__next_f.push([1,"5:E{\\"digest\\":\\"2871\\"}\\n"])</script>`)).toBe(true);
    expect(renderFailed(`<main>Wiltshire</main>`)).toBe(false);
  });
});
