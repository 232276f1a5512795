// The same data as the CSV format, as JSON: a list of inspection records (or
// { "inspections": [...] }) in the shape of the seed dataset
// (prisma/data/hmip-yjs-inspections.json), so that file can be imported as it is.
import type { KeyQuestionArea } from "../db/generated/enums";
import {
  parseDateCell,
  parseFrameworkCell,
  parseInstantCell,
  parseKindCell,
  parsePercentCell,
  parseRatingCell,
  parseScoreCell,
  parseTextCell,
  parseUrlList,
  parseVisibilityCell,
  parseWholeNumberCell,
} from "./cell-values";
import { standardColumns, inferFramework } from "./csv-format";
import { issueAt, type ImportIssue, type SourceLocation } from "./issues";
import { checkRowShape, RowBuilder, sortRows, type ImportRow, type RejectedRow } from "./import-row";
import type { JsonEntry, JsonNode } from "./json-positions";

const AREAS: Record<string, KeyQuestionArea> = {
  desistance: "DESISTANCE",
  safetyOfChild: "SAFETY_OF_CHILD",
  safetyOfOthers: "SAFETY_OF_OTHERS",
  DESISTANCE: "DESISTANCE",
  SAFETY_OF_CHILD: "SAFETY_OF_CHILD",
  SAFETY_OF_OTHERS: "SAFETY_OF_OTHERS",
};

/** Keys of the seed dataset that an import does not need: the service's own record holds them. */
const SERVICE_KEYS = new Set(["localAuthorities", "nation", "region"]);

const MAX_TEXT = 4000;

export type JsonFormatResult = { ok: true; rows: ImportRow[]; rejected: RejectedRow[] } | { ok: false; issues: ImportIssue[] };

const typeName = (node: JsonNode) => (node.kind === "null" ? "null" : node.kind === "array" ? "a list" : node.kind === "object" ? "an object" : `a ${node.kind}`);

export function readImportJson(root: JsonNode): JsonFormatResult {
  let list: JsonNode = root;
  if (root.kind === "object") {
    const inspections = root.entries.find((e) => e.key === "inspections");
    if (!inspections) {
      return { ok: false, issues: [issueAt({ line: root.line, column: root.column, columnName: null }, null, 'Expected a list of inspection records, or an object with an "inspections" list.')] };
    }
    list = inspections.value;
  }
  if (list.kind !== "array") {
    return { ok: false, issues: [issueAt({ line: list.line, column: list.column, columnName: null }, null, `Expected a list of inspection records, found ${typeName(list)}.`)] };
  }
  if (list.items.length === 0) {
    return { ok: false, issues: [issueAt({ line: list.line, column: list.column, columnName: null }, null, "The list of inspections is empty.")] };
  }
  return { ok: true, ...sortRows(list.items.map((node, i) => readRecord(node, i + 1))) };
}

function stringOf(node: JsonNode, b: RowBuilder, where: SourceLocation, field: string): string | undefined {
  if (node.kind === "null") return undefined;
  if (node.kind === "string") return node.value;
  if (node.kind === "number") return String(node.value);
  b.problem(where, field, `Expected text, found ${typeName(node)}.`);
  return undefined;
}

function readRecord(node: JsonNode, index: number) {
  const b = new RowBuilder(index, node.line, `record ${index} (line ${node.line})`);
  if (node.kind !== "object") {
    b.row.serviceName = "(not a record)";
    b.problem({ line: node.line, column: node.column, columnName: null }, null, `Record ${index} is ${typeName(node)}, not an object of fields.`);
    return b.result();
  }
  const at = (entry: JsonEntry, path = entry.key): SourceLocation => ({ line: entry.value.line, column: entry.value.column, columnName: path });
  const service = node.entries.find((e) => e.key === "service");
  const serviceKey = node.entries.find((e) => e.key === "serviceKey");
  if (service?.value.kind === "string") b.row.serviceName = service.value.value.trim();
  if (serviceKey?.value.kind === "string" && serviceKey.value.value.trim()) {
    b.row.serviceKey = serviceKey.value.value.trim();
    if (!b.row.serviceName) b.row.serviceName = b.row.serviceKey;
  }

  for (const entry of node.entries) {
    const where = at(entry);
    const value = entry.value;
    const text = () => stringOf(value, b, where, entry.key) ?? "";
    switch (entry.key) {
      case "service":
      case "serviceKey":
        if (value.kind !== "string" && value.kind !== "null") b.problem(where, "service", `Expected the service's name as text, found ${typeName(value)}.`);
        else b.row.locations.service ??= where;
        break;
      case "published":
        b.set("publishedOn", b.take(where, "publishedOn", parseDateCell(text())), where);
        break;
      case "fieldworkStart":
        b.set("fieldworkStart", b.take(where, "fieldworkStart", parseDateCell(text())), where);
        break;
      case "framework": {
        const f = b.take(where, "frameworkCode", parseFrameworkCell(text()));
        if (f) {
          b.set("frameworkCode", f.code, where);
          b.row.frameworkConfirmed = f.confirmed;
        }
        break;
      }
      case "inspectionType":
        b.set("kind", b.take(where, "kind", parseKindCell(text())), where);
        break;
      case "overallRating":
        if (value.kind === "number") b.problem(where, "overallRating", `Expected a rating word, found the number ${value.value}.`);
        else b.set("overallRating", b.take(where, "overallRating", parseRatingCell(text())), where);
        break;
      case "score": {
        const s = b.take(where, "score", parseScoreCell(text()));
        if (s) {
          b.set("score", s.score, where);
          if (s.scoreMax !== null) b.set("scoreMax", s.scoreMax, where);
        }
        break;
      }
      case "scoreMax":
        b.set("scoreMax", b.take(where, "scoreMax", parseWholeNumberCell(text(), "a maximum score", 1, 36)), where);
        break;
      case "ratings":
        readRatings(entry, b);
        break;
      case "keyQuestions":
        readKeyQuestions(entry, b);
        break;
      case "recommendations":
      case "sources":
      case "sourceUrls": {
        const items = stringList(entry, b);
        if (items === undefined) break;
        if (entry.key === "recommendations") b.set("recommendations", items.map((t) => t.trim()).filter(Boolean), where);
        else b.set("sourceUrls", b.take(where, "sourceUrls", parseUrlList(items)), where);
        break;
      }
      case "notes":
        b.set("notes", b.take(where, "notes", parseTextCell(text(), MAX_TEXT)), where);
        break;
      case "discrepancyNote":
        b.set("discrepancyNote", b.take(where, "discrepancyNote", parseTextCell(text(), MAX_TEXT)), where);
        break;
      case "visibility":
        b.set("visibility", b.take(where, "visibility", parseVisibilityCell(text())), where);
        break;
      case "embargoUntil":
        b.set("embargoUntil", b.take(where, "embargoUntil", parseInstantCell(text())), where);
        break;
      default:
        if (SERVICE_KEYS.has(entry.key)) {
          b.row.warnings.push(issueAt(where, null, `"${entry.key}" is not used: the service's own record holds it.`));
        } else {
          b.problem(where, null, `"${entry.key}" is not a field of the import format (see docs/IMPORT.md).`);
        }
    }
  }
  inferFramework(b);
  checkRowShape(b);
  return b.result();
}

function stringList(entry: JsonEntry, b: RowBuilder): string[] | undefined {
  const where: SourceLocation = { line: entry.value.line, column: entry.value.column, columnName: entry.key };
  if (entry.value.kind === "null") return undefined;
  if (entry.value.kind !== "array" || entry.value.items.some((i) => i.kind !== "string")) {
    b.problem(where, entry.key, `Expected a list of texts, found ${typeName(entry.value)}${entry.value.kind === "array" ? " holding something else" : ""}.`);
    return undefined;
  }
  return entry.value.items.map((i) => (i.kind === "string" ? i.value : ""));
}

const KNOWN_CODES = new Set(standardColumns().map((s) => s.code));
const CASE_BASED = new Set(standardColumns().filter((s) => s.caseBased).map((s) => s.code));

function readRatings(entry: JsonEntry, b: RowBuilder): void {
  if (entry.value.kind === "null") return;
  if (entry.value.kind !== "object") {
    b.problem({ line: entry.value.line, column: entry.value.column, columnName: "ratings" }, "ratings", `Expected an object of standard code → rating, found ${typeName(entry.value)}.`);
    return;
  }
  for (const r of entry.value.entries) {
    const path = `ratings.${r.key}`;
    const where: SourceLocation = { line: r.value.line, column: r.value.column, columnName: path };
    if (!KNOWN_CODES.has(r.key)) {
      b.problem(where, path, `There is no standard "${r.key}" in any framework.`);
      continue;
    }
    if (r.value.kind !== "string" && r.value.kind !== "null") {
      b.problem(where, path, `Expected a rating word, found ${typeName(r.value)}.`);
      continue;
    }
    b.setRating(r.key, b.take(where, path, parseRatingCell(r.value.kind === "string" ? r.value.value : "")), where);
  }
}

function readKeyQuestions(entry: JsonEntry, b: RowBuilder): void {
  if (entry.value.kind === "null") return;
  if (entry.value.kind !== "object") {
    b.problem({ line: entry.value.line, column: entry.value.column, columnName: "keyQuestions" }, "keyQuestions", `Expected an object of standard code → figures, found ${typeName(entry.value)}.`);
    return;
  }
  for (const s of entry.value.entries) {
    const path = `keyQuestions.${s.key}`;
    const where: SourceLocation = { line: s.value.line, column: s.value.column, columnName: path };
    if (!CASE_BASED.has(s.key)) {
      b.problem(where, path, KNOWN_CODES.has(s.key) ? `Standard ${s.key} is not case-based, so it has no key-question figures.` : `There is no standard "${s.key}" in any framework.`);
      continue;
    }
    if (s.value.kind === "null") continue;
    if (s.value.kind !== "object") {
      b.problem(where, path, `Expected an object of desistance, safetyOfChild and safetyOfOthers percentages, found ${typeName(s.value)}.`);
      continue;
    }
    for (const a of s.value.entries) {
      const area = AREAS[a.key];
      const areaPath = `${path}.${a.key}`;
      const at: SourceLocation = { line: a.value.line, column: a.value.column, columnName: areaPath };
      if (!area) {
        b.problem(at, areaPath, `"${a.key}" is not a key-question area: use desistance, safetyOfChild or safetyOfOthers.`);
        continue;
      }
      if (a.value.kind !== "number" && a.value.kind !== "string" && a.value.kind !== "null") {
        b.problem(at, `keyQuestions.${s.key}.${area}`, `Expected a percentage, found ${typeName(a.value)}.`);
        continue;
      }
      const text = a.value.kind === "null" ? "" : String(a.value.value);
      b.setKeyQuestion(s.key, area, b.take(at, `keyQuestions.${s.key}.${area}`, parsePercentCell(text)), at);
    }
  }
}
