// Problems found in an import, each saying where (line, column) and why.

/** Where in the uploaded file something is: 1-based line and column, and the column's name when the file has a header. */
export type SourceLocation = {
  line: number | null;
  column: number | null;
  /** The header of the column (CSV), the key path (JSON) or the part of a report. */
  columnName: string | null;
};

export type ImportIssue = SourceLocation & {
  /** The inspection field concerned, e.g. "overallRating", "ratings.2.1", "keyQuestions.2.1.DESISTANCE". */
  field: string | null;
  message: string;
};

export const NOWHERE: SourceLocation = { line: null, column: null, columnName: null };

export function issueAt(where: SourceLocation, field: string | null, message: string): ImportIssue {
  return { line: where.line, column: where.column, columnName: where.columnName, field, message };
}

/** "line 5, column 9 (2.1 Assessment): …" */
export function describeLocation(where: SourceLocation): string {
  const parts: string[] = [];
  if (where.line !== null) parts.push(`line ${where.line}`);
  if (where.column !== null) parts.push(`column ${where.column}`);
  let text = parts.join(", ");
  if (where.columnName) text += text ? ` (${where.columnName})` : where.columnName;
  return text || "the file";
}

export function describeIssue(issue: ImportIssue): string {
  return `${describeLocation(issue)}: ${issue.message}`;
}

/** 1-based line and column of a character offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
