// Parse stage: outline text -> plain data plus a SourceMap. The only importer of `yaml` and `js-yaml`.
//
// Two parsers, one result. `yaml` keeps every node's position and explains syntax errors well, but
// it is slow: 385 ms for a 1000-slide outline in a fresh process. js-yaml reads the same outline
// in 115 ms and keeps no positions. A clean outline is read by js-yaml, and its positions come
// from `yaml` only when a message needs one (an error, a warning, a note): a build that reports
// nothing never pays for them. Whatever js-yaml could read differently is left to `yaml` alone:
// anchors and aliases (their expansion is counted), directives (`%YAML 1.1` changes the schema),
// `__proto__`, and anything js-yaml refuses; both use YAML 1.2's core schema, and
// test/parse-yaml.test.ts checks that they agree.
import type * as JsYaml from "js-yaml";
import type * as Yaml from "yaml";
import type { Document, Node } from "yaml";
import { DeckError, DeckErrors, type SourcePos } from "../errors.js";
import type { DataPath, SourceMap } from "../model/source-map.js";
import { lazyModule } from "../util/lazy-module.js";

/**
 * The parsers, each set up when first needed (util/lazy-module.ts): a build whose outline and theme
 * were read before (outline-cache.ts) and that reports nothing needs neither.
 */
const jsYaml = lazyModule<typeof JsYaml>("js-yaml", () => require("js-yaml"));
const yaml = lazyModule<typeof Yaml>("yaml", () => require("yaml"));

/** Alias expansions allowed before an outline is refused as an alias bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 200;

/** Limits on the work an outline may ask for (command-line flags raise them for a real need). */
export interface ParseLimits {
  /** Values (scalars, lists, mappings) the outline may expand to once its aliases are followed. */
  readonly maxValues: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxValues: 1_000_000 };

export interface ParsedOutline {
  readonly data: unknown;
  readonly sourceMap: SourceMap;
}

/**
 * Plain data read before, by the text it was read from (parse/outline-cache.ts keeps it on disk): an
 * outline built again unchanged is not read again. Only the fast parser's results are kept.
 */
export interface PlainCache {
  /** The data read from this text, and how many values it holds; undefined when none is kept. */
  get(text: string): { readonly values: number; readonly data: unknown } | undefined;
  set(text: string, values: number, data: unknown): void;
}

export function parseYaml(text: string, file: string, limits: ParseLimits = DEFAULT_LIMITS, cache?: PlainCache): ParsedOutline {
  const data = plainData(text, limits, cache);
  if (data === undefined) return parseWithPositions(text, file, limits);
  let positioned: SourceMap | undefined;
  const full = (): SourceMap => (positioned ??= positionsOf(text, file, limits));
  const lazy = (resolve: () => SourcePos): SourcePos => lazyPos(file, resolve);
  return {
    data,
    sourceMap: {
      file, text,
      posOf: (path, part) => lazy(() => full().posOf(path, part)),
      posOfText: (path, needle, nth) => lazy(() => full().posOfText(path, needle, nth)),
    },
  };
}

/**
 * The positions of an outline the fast parser read. Should `yaml` refuse what js-yaml read (the two
 * agree on every outline the tests make, and on the 7,367 of 20,000 randomly mutated shipped outlines
 * that js-yaml read), a message that needs a position points at the top of the file rather than
 * failing while it is printed.
 */
function positionsOf(text: string, file: string, limits: ParseLimits): SourceMap {
  try {
    return parseWithPositions(text, file, limits).sourceMap;
  } catch {
    const top: SourcePos = { file, line: 1, col: 1 };
    return { file, text, posOf: () => top, posOfText: () => top };
  }
}

/**
 * YAML 1.2's core schema as `yaml` resolves it, test for test (yaml/dist/schema/core): js-yaml's own
 * differs at the edges (it reads 1e400 as text, where `yaml` reads Infinity).
 */
let core: JsYaml.Schema | undefined;
const coreSchema = (): JsYaml.Schema => (core ??= makeCore(jsYaml()));
const makeCore = (lib: typeof JsYaml): JsYaml.Schema => {
  const coreScalar = <T>(tag: string, test: RegExp, value: (source: string) => T) =>
    lib.defineScalarTag<T>(`tag:yaml.org,2002:${tag}`, { implicit: true, identify: () => false, resolve: (source) => (test.test(source) ? value(source) : lib.NOT_RESOLVED) });
  return lib.FAILSAFE_SCHEMA.withTags(
    coreScalar("null", /^(?:~|[Nn]ull|NULL)?$/, () => null),
    coreScalar("bool", /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === "t" || s[0] === "T"),
    coreScalar("int", /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (s) => (s[1] === "o" ? parseInt(s.slice(2), 8) : s[1] === "x" ? parseInt(s.slice(2), 16) : parseInt(s, 10))),
    coreScalar("float", /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/,
      (s) => (/nan$/i.test(s) ? NaN : /inf$/i.test(s) ? (s[0] === "-" ? -Infinity : Infinity) : parseFloat(s))),
  );
};

/** Text that may hold an anchor or an alias (`&name`, `*name`); plain text rarely does. */
const MAYBE_ANCHOR = /(?:^|[\s[{,])[&*][^\s[\]{},]/;

/**
 * Tabs, a carriage return on its own, and the Unicode line breaks: the two parsers disagree on where
 * they may stand (js-yaml accepts a tab that indents, where `yaml` refuses it, rightly).
 */
const ODD_WHITESPACE = /[\t\u0085\u2028\u2029]|\r(?!\n)|(?<!^)\ufeff/;

/**
 * The outline's data by the fast parser, or undefined where only the positioned one may read it:
 * see the head of this file. An empty document is left to it too (js-yaml reads none at all).
 */
export function readPlain(text: string, limits: ParseLimits = DEFAULT_LIMITS): unknown {
  return readCounted(text, limits)?.data;
}

/** The fast parser's data and its number of values, or undefined (readPlain). */
function readCounted(text: string, limits: ParseLimits): { values: number; data: unknown } | undefined {
  if (text.includes("__proto__") || MAYBE_ANCHOR.test(text) || /^%/m.test(text) || ODD_WHITESPACE.test(text)) return undefined;
  let data: unknown;
  try {
    data = jsYaml().load(text, { schema: coreSchema(), maxAliases: 0 });
  } catch {
    return undefined;
  }
  if (data === undefined || data === null) return undefined;
  const values = countValues(data, limits.maxValues);
  return values > limits.maxValues ? undefined : { values, data };
}

/** readPlain through `cache`: kept data within the limit is used as read; new data is kept. */
function plainData(text: string, limits: ParseLimits, cache: PlainCache | undefined): unknown {
  const kept = cache?.get(text);
  if (kept && kept.values <= limits.maxValues) return kept.data;
  const read = readCounted(text, limits);
  if (read && !kept) cache?.set(text, read.values, read.data);
  return read?.data;
}

/** Values in plain data (no aliases, so a tree), counted up to just past `limit`. */
function countValues(data: unknown, limit: number): number {
  let n = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0 && n <= limit) {
    const v = stack.pop();
    n++;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v !== null && typeof v === "object") for (const [, x] of Object.entries(v)) { n++; stack.push(x); }
  }
  return n;
}

/**
 * A position found only when read: line, column and length are looked up (parsing the outline with
 * positions, the first time) when a message is printed, not when a stage notes where a value is.
 */
function lazyPos(file: string, resolve: () => SourcePos): SourcePos {
  let found: SourcePos | undefined;
  const get = () => (found ??= resolve());
  return Object.defineProperties({ file } as SourcePos, {
    line: { enumerable: true, get: () => get().line },
    col: { enumerable: true, get: () => get().col },
    length: { enumerable: true, get: () => get().length },
    quote: { enumerable: true, get: () => get().quote },
  });
}

function parseWithPositions(text: string, file: string, limits: ParseLimits): ParsedOutline {
  const { LineCounter, parseDocument, visit, isScalar } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number, length = 1): SourcePos => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col, length };
  };
  if (doc.errors.length > 0) {
    throw new DeckErrors(doc.errors.map((e) => new DeckError({
      code: "YAML_SYNTAX", pos: at(e.pos[0], Math.max(1, e.pos[1] - e.pos[0])),
      message: `YAML syntax: ${firstLine(e.message)}`,
      hint: yamlHint(e.code),
    })));
  }
  // A key named __proto__ would set the object's prototype instead of adding a key: it would vanish.
  const reserved: DeckError[] = [];
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && String(pair.key.value) === "__proto__" && pair.key.range) {
        reserved.push(new DeckError({
          code: "OUTLINE_UNKNOWN_KEY", pos: at(pair.key.range[0], 9), message: "the key \"__proto__\" cannot be used: it would not be read as a key",
          hint: "rename it (ids are lower-case letters, digits, '-' and '_', starting with a letter or digit)",
        }));
      }
    },
  });
  if (reserved.length > 0) throw new DeckErrors(reserved);
  // A few aliases can stand for an enormous outline (each repeats a big part): count before expanding.
  const expanded = expandedSize(doc, limits.maxValues);
  if (expanded.size > limits.maxValues) {
    throw new DeckError({
      code: "YAML_ALIAS_LIMIT", pos: expanded.alias !== undefined ? at(expanded.alias, 1) : at(0),
      message: `the outline expands to more than ${limits.maxValues.toLocaleString("en-GB")} values once its aliases (*name) are followed`,
      hint: `write the repeated content out, or use fewer aliases; if the outline really is this large, raise the limit with --max-values`,
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount: an alias bomb.
    throw new DeckError({
      code: "YAML_ALIAS_LIMIT", pos: at(0), cause,
      message: `the outline expands YAML aliases more than ${MAX_ALIAS_COUNT} times`,
      hint: "write the repeated content out, or use fewer anchors (*alias) in the outline",
    });
  }
  return { data, sourceMap: makeSourceMap(doc, text, file, at) };
}

function makeSourceMap(doc: Document, text: string, file: string, atPos: (o: number, l?: number) => SourcePos): SourceMap {
  const { isMap, isNode, isPair, isScalar, isSeq } = yaml();
  const at = atPos;
  const map: SourceMap = {
    file, text,
    posOfText(path: DataPath, needle: string, nth = 0): SourcePos {
      const node = doc.getIn(path, true);
      const range = isNode(node) ? node.range : undefined;
      if (!range || !needle) return map.posOf(path);
      // The needle as parsed, or as written inside a double-quoted YAML string (\" and \\ escaped).
      for (const form of [needle, JSON.stringify(needle).slice(1, -1)]) {
        let at = range[0] - 1;
        for (let i = 0; i <= nth && at < range[1]; i++) {
          at = text.indexOf(form, at + 1);
          if (at < 0) break;
        }
        if (at >= range[0] && at < range[1]) return atPos(at, form.length);
      }
      return map.posOf(path);
    },
    posOf(path: DataPath, part: "key" | "value" = "value"): SourcePos {
      let node: unknown = doc.contents;
      let best: SourcePos = at(0);
      for (const step of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
          if (!pair) break;
          const keyNode = pair.key as Node;
          if (keyNode.range) best = at(keyNode.range[0], keyNode.range[1] - keyNode.range[0]);
          node = pair.value;
          if (part === "key" && step === path[path.length - 1]) return best;
        } else if (isSeq(node) && typeof step === "number") {
          node = node.items[step];
        } else break;
        if (isNode(node) && node.range) best = at(node.range[0], Math.max(1, node.range[1] - node.range[0]));
        else if (isPair(node)) break;
      }
      return best;
    },
  };
  return map;
}

/** How many values the document stands for with its aliases expanded (stops counting past `limit`). */
function expandedSize(doc: Document, limit: number): { size: number; alias?: number } {
  const { isAlias, isMap, isSeq } = yaml();
  const memo = new Map<unknown, number>();
  let firstAlias: number | undefined;
  const size = (node: unknown, depth: number): number => {
    if (depth > 200) return limit + 1;
    if (isAlias(node)) {
      firstAlias ??= node.range?.[0];
      const target = node.resolve(doc);
      if (memo.has(target)) return memo.get(target)!;
      memo.set(target, limit + 1); // an alias that reaches itself would never end
      const n = size(target, depth + 1);
      memo.set(target, n);
      return n;
    }
    if (isMap(node)) {
      let n = 1;
      for (const pair of node.items) { n += size(pair.key, depth + 1) + size(pair.value, depth + 1); if (n > limit) return n; }
      return n;
    }
    if (isSeq(node)) {
      let n = 1;
      for (const item of node.items) { n += size(item, depth + 1); if (n > limit) return n; }
      return n;
    }
    return 1;
  };
  const n = size(doc.contents, 0);
  return firstAlias === undefined ? { size: n } : { size: n, alias: firstAlias };
}

function firstLine(s: string): string {
  return (s.split("\n")[0] ?? s).replace(/ at line \d+, column \d+:?$/, "");
}

function yamlHint(code: string): string {
  switch (code) {
    case "BAD_INDENT": return "indent nested keys consistently with spaces (two per level)";
    case "TAB_AS_INDENT": return "YAML does not allow tabs for indentation; use spaces";
    case "DUPLICATE_KEY": return "each key may appear once in a mapping; remove or rename the repeat";
    case "MISSING_CHAR": return "a quote or bracket is not closed";
    case "BLOCK_AS_IMPLICIT_KEY": case "MULTILINE_IMPLICIT_KEY": return "a key must fit on one line; did you forget a colon or a quote?";
    default: return "fix the YAML at the caret; quote text that contains a colon followed by a space";
  }
}
