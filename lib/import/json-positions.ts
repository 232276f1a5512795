// A JSON reader that keeps the line and column of every value, so that an
// import error can point at the record and key it is about. Strict JSON
// (RFC 8259); nesting is limited so that no upload can exhaust the stack.
import { issueAt, type ImportIssue } from "./issues";

type At = { line: number; column: number };
export type JsonScalar = At & { kind: "string"; value: string } | At & { kind: "number"; value: number } | At & { kind: "boolean"; value: boolean } | At & { kind: "null"; value: null };
export type JsonEntry = { key: string; keyAt: At; value: JsonNode };
export type JsonNode = JsonScalar | (At & { kind: "object"; entries: JsonEntry[] }) | (At & { kind: "array"; items: JsonNode[] });

export type JsonResult = { ok: true; root: JsonNode } | { ok: false; issue: ImportIssue };

const MAX_DEPTH = 32;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: At,
  ) {
    super(message);
  }
}

export function parseJsonWithPositions(input: string): JsonResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const here = (): At => ({ line, column: i - lineStart + 1 });
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, here());
  };
  const describeChar = () => (i >= text.length ? "the end of the file" : `"${text[i]}"`);

  const skipSpace = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === "\n") {
        line++;
        lineStart = i + 1;
      } else if (c !== " " && c !== "\t" && c !== "\r") break;
      i++;
    }
  };

  const parseString = (): string => {
    i++; // opening quote
    let out = "";
    while (true) {
      if (i >= text.length) fail("A string is never closed: the file may be cut short.");
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === "\n") fail("A string runs past the end of its line: a closing quote is missing.");
      if (c === "\\") {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail(`"\\${e ?? ""}" is not a valid escape in a JSON string.`);
        }
        continue;
      }
      out += c;
      i++;
    }
  };

  const parseValue = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail(`Values are nested more than ${MAX_DEPTH} deep.`);
    skipSpace();
    const at = here();
    const c = text[i];
    if (c === "{") {
      i++;
      const entries: JsonEntry[] = [];
      skipSpace();
      if (text[i] === "}") {
        i++;
        return { kind: "object", entries, ...at };
      }
      while (true) {
        skipSpace();
        if (text[i] !== '"') fail(`Expected a key in double quotes, found ${describeChar()}.`);
        const keyAt = here();
        const key = parseString();
        skipSpace();
        if (text[i] !== ":") fail(`Expected ":" after the key "${key}", found ${describeChar()}.`);
        i++;
        const value = parseValue(depth + 1);
        entries.push({ key, keyAt, value });
        skipSpace();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return { kind: "object", entries, ...at };
        }
        fail(`Expected "," or "}" in an object, found ${describeChar()}.`);
      }
    }
    if (c === "[") {
      i++;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[i] === "]") {
        i++;
        return { kind: "array", items, ...at };
      }
      while (true) {
        items.push(parseValue(depth + 1));
        skipSpace();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return { kind: "array", items, ...at };
        }
        fail(`Expected "," or "]" in a list, found ${describeChar()}.`);
      }
    }
    if (c === '"') return { kind: "string", value: parseString(), ...at };
    const rest = text.slice(i, i + 5);
    if (rest.startsWith("true")) {
      i += 4;
      return { kind: "boolean", value: true, ...at };
    }
    if (rest.startsWith("false")) {
      i += 5;
      return { kind: "boolean", value: false, ...at };
    }
    if (rest.startsWith("null")) {
      i += 4;
      return { kind: "null", value: null, ...at };
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (number) {
      i += number[0].length;
      return { kind: "number", value: Number(number[0]), ...at };
    }
    return fail(`Expected a value, found ${describeChar()}.`);
  };

  try {
    const root = parseValue(0);
    skipSpace();
    if (i < text.length) fail(`Unexpected ${describeChar()} after the end of the JSON value.`);
    return { ok: true, root };
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return { ok: false, issue: issueAt({ ...error.at, columnName: null }, null, `This is not valid JSON: ${error.message}`) };
    }
    throw error;
  }
}
