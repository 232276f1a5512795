// The stored pages of one instance: whole responses in memory, least recently
// used dropped first once their bytes pass the bound.

export type StoredResponse = {
  status: number;
  /** Headers as sent, without content-length, content-encoding and hop-by-hop ones. */
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** The same body gzip-compressed, for clients that accept it. */
  gzip: Buffer;
};

const OVERHEAD_BYTES = 1_024;

function sizeOf(response: StoredResponse): number {
  let bytes = response.body.length + response.gzip.length + OVERHEAD_BYTES;
  for (const [name, value] of Object.entries(response.headers)) bytes += name.length + String(value).length;
  return bytes;
}

export class PageStore<T extends StoredResponse = StoredResponse> {
  private readonly entries = new Map<string, { response: T; bytes: number }>();
  private usedBytes = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.usedBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: re-inserting marks it most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.response;
  }

  /** Stores `response` unless it alone is over a quarter of the bound; evicts the least recently used. */
  set(key: string, response: T): boolean {
    const bytes = sizeOf(response);
    this.delete(key);
    if (bytes > this.maxBytes / 4) return false;
    this.entries.set(key, { response, bytes });
    this.usedBytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.usedBytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.usedBytes -= entry.bytes;
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.usedBytes -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.usedBytes = 0;
  }
}
