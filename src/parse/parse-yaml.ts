// Parse stage: outline text -> plain data plus a SourceMap. The only importer of `yaml`.
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import { DeckError, DeckErrors, type SourcePos } from "../errors.js";
import type { DataPath, SourceMap } from "../model/source-map.js";

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

export function parseYaml(text: string, file: string, limits: ParseLimits = DEFAULT_LIMITS): ParsedOutline {
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
