import { describe, expect, it } from "vitest";
import { PageStore, type StoredResponse } from "./store";

const response = (bytes: number): StoredResponse => ({ status: 200, headers: {}, body: Buffer.alloc(bytes), gzip: Buffer.alloc(0) });

describe("PageStore", () => {
  it("drops the least recently used pages once over its bound", () => {
    const store = new PageStore(24_000); // each page below counts about 5 KB
    for (const key of ["a", "b", "c", "d"]) store.set(key, response(4_000));
    expect(store.size).toBe(4);
    expect(store.get("a")).toBeDefined(); // a is now the most recently used
    store.set("e", response(4_000));
    expect(store.bytes).toBeLessThanOrEqual(24_000);
    expect(store.get("b")).toBeUndefined();
    for (const key of ["a", "c", "d", "e"]) expect(store.get(key)).toBeDefined();
  });
  it("does not store a page over a quarter of its bound", () => {
    const store = new PageStore(10_000);
    expect(store.set("big", response(3_000))).toBe(false);
    expect(store.size).toBe(0);
  });
  it("counts bytes again when a key is replaced, and clears", () => {
    const store = new PageStore(100_000);
    store.set("a", response(5_000));
    const once = store.bytes;
    store.set("a", response(5_000));
    expect(store.bytes).toBe(once);
    store.clear();
    expect(store.bytes).toBe(0);
    expect(store.get("a")).toBeUndefined();
  });
});
