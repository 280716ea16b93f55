// Render stage: Handlebars failures -> located DeckErrors (in the .hbs file or in deck.yaml).
import { DeckError, type SourcePos } from "../errors.js";
import { HELPER_SIGNATURES, HelperError } from "./handlebars-env.js";

/** A position inside a template's text (1-based line and column). */
export type TemplateLoc = { line: number; col: number; length?: number };

/** Where a template's text lives, so a position inside it can be reported. */
export type LocateInSource = (loc: TemplateLoc) => SourcePos;

interface HandlebarsException { lineNumber?: number; column?: number; message: string }

const HELPERS = [...Object.keys(HELPER_SIGNATURES), "if", "unless", "each", "with"];

/** `{{name arg}}`: a missing name followed by arguments is a helper call, not a field. */
function calledWithArguments(text: string, line: number, column: number, name: string): boolean {
  const src = text.split("\n")[line - 1] ?? "";
  return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+[^}\\s]`).test(src.slice(column));
}

export function templateError(err: unknown, templateText: string, locate: LocateInSource, what: string): DeckError {
  if (err instanceof DeckError) return err;
  if (err instanceof HelperError) {
    const loc = err.loc ? { line: err.loc.line, col: err.loc.column + 1 } : { line: 1, col: 1 };
    return new DeckError({ code: err.code, pos: locate(loc), message: `${err.message} (in ${what})`, hint: err.hint });
  }
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return new DeckError({
      code: "TEMPLATE_LIMIT", pos: locate({ line: 1, col: 1 }), message: `${what} calls itself without end (a partial that includes itself?)`,
      hint: "make sure no partial includes itself, directly or through another", cause: err,
    });
  }
  const e = err as HandlebarsException;
  const message = String(e.message ?? err);
  const missing = /^"([^"]+)" not defined in/.exec(message);
  if (missing && e.lineNumber !== undefined && calledWithArguments(templateText, e.lineNumber, e.column ?? 0, missing[1]!)) {
    return new DeckError({
      code: "TEMPLATE_HELPER",
      pos: locate({ line: e.lineNumber, col: (e.column ?? 0) + 1, length: missing[1]!.length }),
      message: `${what} calls "${missing[1]}", which is not a helper`,
      hint: `helpers: ${HELPERS.join(", ")}`,
    });
  }
  if (missing && e.lineNumber !== undefined) {
    return new DeckError({
      code: "TEMPLATE_FIELD_MISSING",
      // Handlebars' runtime column is 0-based.
      pos: locate({ line: e.lineNumber, col: (e.column ?? 0) + 1, length: missing[1]!.length }),
      message: `${what} uses "${missing[1]}", which is not defined here`,
      hint: "check the spelling, or guard it with {{#if …}}; fields in scope: deck, section, slide, audience and the layout's own",
    });
  }
  const parse = /Parse error on line (\d+):\n(.*)\n(-*)\^/.exec(message);
  if (parse) {
    const line = Number(parse[1]);
    const snippet = parse[2]!;
    const srcLine = templateText.split("\n")[line - 1] ?? "";
    const shown = snippet.startsWith("...") ? snippet.slice(3) : snippet;
    const caret = parse[3]!.length - (snippet.startsWith("...") ? 3 : 0);
    const start = srcLine.indexOf(shown.slice(0, Math.max(0, caret)));
    const col = start >= 0 ? start + caret + 1 : 1;
    const expecting = /Expecting (.*), got '([^']*)'/.exec(message);
    return new DeckError({
      code: "TEMPLATE_SYNTAX", pos: locate({ line, col }),
      message: `template syntax error in ${what}${expecting ? `: got ${expecting[2]}` : ""}`,
      hint: "check that every {{ has its }}, and every {{#block}} its {{/block}}",
    });
  }
  if (/doesn't match|Missing helper|unknown helper/i.test(message)) {
    return new DeckError({
      code: "TEMPLATE_SYNTAX", pos: locate({ line: e.lineNumber ?? 1, col: (e.column ?? 0) + 1 }),
      message: `${message.split("\n")[0]} (in ${what})`, hint: "check the block's name and its closing tag",
    });
  }
  return new DeckError({
    code: "TEMPLATE_SYNTAX", pos: locate({ line: e.lineNumber ?? 1, col: (e.column ?? 0) + 1 }),
    message: `${message.split("\n")[0]} (in ${what})`, hint: "check the template at this position",
  });
}
