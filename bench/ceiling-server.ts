// The ceiling for a stored page on this machine: a bare Node `http` server that
// answers every request with one page held in memory, with the stored page's
// own headers, ready-made (one writeHead, one end, gzip chosen by
// Accept-Encoding), as the page cache does, and nothing else. bench/run.ts
// runs it on the server's core with the same load generator as the page.
//
//   node bench/ceiling-server.ts <port> <body file> <headers JSON file>
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";

const [port, bodyFile, headersFile] = process.argv.slice(2);
if (!port || !bodyFile || !headersFile) throw new Error("usage: bench/ceiling-server.ts <port> <body file> <headers JSON file>");
const body = readFileSync(bodyFile);
const gzip = gzipSync(body);
const head = JSON.parse(readFileSync(headersFile, "utf8")) as string[];
const identityHead = [...head, "content-length", String(body.length)];
const gzipHead = [...head, "content-encoding", "gzip", "content-length", String(gzip.length)];

createServer((req, res) => {
  const gzipped = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  res.writeHead(200, gzipped ? gzipHead : identityHead);
  res.end(req.method === "HEAD" ? undefined : gzipped ? gzip : body);
}).listen(Number(port), "127.0.0.1", () => console.log("ready"));
