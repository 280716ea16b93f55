// Errors: one class for every user-facing problem, with a stable code, a source position and a hint.
// Deep code only throws; src/cli.ts alone turns errors into exit codes.

/** Stable codes; tests and users match on these, never on wording. */
export type ErrorCode =
  | "FILE_NOT_FOUND" | "FILE_NOT_REGULAR" | "FILE_TOO_LARGE" | "YAML_SYNTAX" | "YAML_ALIAS_LIMIT"
  | "OUTLINE_SHAPE" | "OUTLINE_TYPE" | "OUTLINE_MISSING" | "OUTLINE_UNKNOWN_KEY" | "UNKNOWN_LAYOUT"
  | "UNKNOWN_FIGURE" | "UNKNOWN_SECTION" | "UNKNOWN_THEME" | "UNKNOWN_TAG" | "UNKNOWN_AUDIENCE" | "AUDIENCE_EMPTY" | "DUPLICATE_ID"
  | "LITERAL_AMOUNT" | "UNUSED_FIGURE" | "FIGURE_CYCLE" | "FIGURE_UNITS" | "FIGURE_ROUNDED"
  | "CHART_MIXED_UNITS" | "CHART_NO_DATA" | "CHART_DATA_MISMATCH" | "CHART_KIND" | "CHART_LABELS" | "UNKNOWN_CATEGORY"
  | "CONTENT_CUT" | "DIVIDER_BEFORE_TITLE" | "TABLE_RAGGED" | "TEMPLATE_FIELD_UNKNOWN" | "SPARSE_BODY" | "UNKNOWN_COUNTRY" | "UNKNOWN_PLACE" | "MAP_OUTSIDE" | "MAP_ROUTE" | "MAP_LABEL" | "TEMPLATE_FIELD_EMPTY" | "TEMPLATE_LIMIT" | "UNKNOWN_FONT" | "ENCODING"
  | "UNKNOWN_SOURCE" | "SOURCE_UNUSED" | "SOURCE_DEPRECATED" | "SOURCE_MISSING" | "INVALID_DATE" | "INVALID_URL"
  | "TEMPLATE_INVALID" | "TEMPLATE_LAYOUT" | "TEMPLATE_NOTE" | "TEMPLATE_CONTRAST" | "TEMPLATE_NOT_FOUND" | "TEMPLATE_SYNTAX" | "TEMPLATE_FIELD_MISSING" | "TEMPLATE_HELPER"
  | "ASSET_NOT_FOUND" | "ASSET_UNREADABLE" | "ASSET_OUTSIDE_PROJECT"
  | "TEXT_OVERFLOW" | "TEXT_CONTINUED" | "TEXT_HYPHENATED" | "WRITE_FAILED" | "TOOL_MISSING" | "EXPORT_FAILED"
  | "A11Y_TITLE" | "A11Y_READING_ORDER" | "A11Y_ALT_TEXT" | "A11Y_TEXT_SIZE" | "A11Y_CONTRAST";

/** A place in a source file; line and col are 1-based. */
export interface SourcePos {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Length of the offending span, in characters, for the caret underline. */
  readonly length?: number;
  /** false: never show the file's text (it links outside the outline's folder). */
  readonly quote?: boolean;
}

export interface DeckErrorInfo {
  readonly code: ErrorCode;
  /** One sentence: what is wrong, quoting the user's value. */
  readonly message: string;
  readonly pos?: SourcePos;
  /** How to fix it. */
  readonly hint?: string;
  /** Warnings are printed and the build carries on (fatal under --strict); notes are printed only. */
  readonly severity?: "error" | "warning" | "note";
  readonly cause?: unknown;
}

export class DeckError extends Error {
  override readonly name = "DeckError";
  constructor(readonly info: DeckErrorInfo) {
    super(info.message, { cause: info.cause });
  }
  get code(): ErrorCode { return this.info.code; }
}

/** Several user errors found together (validation collects them all before failing). */
export class DeckErrors extends Error {
  override readonly name = "DeckErrors";
  constructor(readonly errors: readonly DeckError[]) {
    super(`${errors.length} problem${errors.length === 1 ? "" : "s"} in the outline`);
  }
}

/** A bad command line: exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const EXIT = { ok: 0, input: 1, usage: 2, internal: 70 } as const;

/** At most this many problems are reported in one run. */
export const MAX_REPORTED = 50;

export function userErrorsOf(err: unknown): readonly DeckError[] | undefined {
  if (err instanceof DeckError) return [err];
  if (err instanceof DeckErrors) return err.errors;
  return undefined;
}

/**
 * gcc-style rendering: `file:line:col error CODE: message`, then the source line with a caret
 * under the span, then the hint.
 * @example
 * deck.yaml:42:17 error UNKNOWN_FIGURE: no figure has the id "imf_2024"
 *    42 |     - figure: imf_2024
 *       |               ^^^^^^^^
 *   hint: did you mean "imf_2023"?
 */
export function formatDiagnostic(err: DeckError, sourceOf: (file: string) => string | undefined): string {
  const { code, pos, severity = "error" } = err.info;
  // Quoted values may hold control characters (a NUL in a file name): shown escaped, never raw.
  const message = visible(err.info.message);
  const hint = err.info.hint === undefined ? undefined : visible(err.info.hint);
  const where = pos ? `${pos.file}:${pos.line}:${pos.col} ` : "";
  const lines = [`${where}${severity} ${code}: ${message}`];
  const text = pos && pos.quote !== false ? sourceOf(pos.file) : undefined;
  const srcLine = pos && text !== undefined ? text.split(/\r?\n/)[pos.line - 1] : undefined;
  if (pos && srcLine !== undefined) {
    // Long lines are shown as an 80-character window around the column.
    const start = pos.col > 60 ? pos.col - 40 : 1;
    const window = visible(srcLine.slice(start - 1, start - 1 + 80), true);
    const shown = `${start > 1 ? "…" : ""}${window}${srcLine.length > start - 1 + 80 ? "…" : ""}`;
    const caretAt = pos.col - start + (start > 1 ? 1 : 0);
    const span = Math.max(1, Math.min(pos.length ?? 1, window.length - (pos.col - start)));
    const gutter = String(pos.line).length + 2;
    lines.push(`${String(pos.line).padStart(gutter)} | ${shown}`);
    lines.push(`${" ".repeat(gutter)} | ${" ".repeat(Math.max(0, caretAt))}${"^".repeat(span)}`);
  }
  if (hint) lines.push(`  hint: ${hint}`);
  return lines.join("\n");
}

/** Control characters as \u escapes (a tab as one space where columns must line up). */
function visible(text: string, keepWidth = false): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, (c) => (keepWidth ? "·" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)).replace(/\t/g, " ");
}
