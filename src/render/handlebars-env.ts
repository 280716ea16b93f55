// Render stage: the Handlebars environment (helpers for a briefing's formats). Only render/ imports
// handlebars. Templates compile with strict (a missing field is an error, never blank text) and
// noEscape (slide text is not HTML: "&" stays "&"). Every helper checks its arguments: a wrong or
// missing one is an error at its position naming the helper's signature, never "NaN" or "undefined".
import type Handlebars from "handlebars";
import runtime from "handlebars/runtime.js";
import { DeckError } from "../errors.js";
import type { Figure } from "../model/deck.js";
import type { FieldAttrs, TextField } from "../model/rendered.js";
import { decimalOf, decimalPlaces } from "../util/decimal.js";
import { suggestion } from "../util/did-you-mean.js";
import { figureParts, formatDate, formatFigure } from "../util/format.js";
import { formatOrdinal, groupDigits } from "../util/number-format.js";
import { lazyModule } from "../util/lazy-module.js";

/**
 * An environment of Handlebars' runtime: it runs precompiled templates. The compiler (parse,
 * precompile) is loaded only when a template is not in the cache of precompiled ones (compiled-cache.ts):
 * a rebuild of templates it has seen never loads it.
 */
export type HandlebarsEnv = Omit<typeof Handlebars, "parse" | "parseWithoutProcessing" | "precompile" | "compile" | "Parser" | "Compiler" | "JavaScriptCompiler" | "AST" | "Visitor">;
export type TemplateFn = Handlebars.TemplateDelegate;
export type TemplateSpecification = Parameters<HandlebarsEnv["template"]>[0];

/** Handlebars with its compiler, set up the first time a template must be compiled (util/lazy-module.ts). */
const handlebarsCompiler = lazyModule<typeof Handlebars>("handlebars", () => require("handlebars"));

/** Checks a template's syntax: throws Handlebars' parse error (with its line and column) for bad syntax. */
export function parseTemplate(text: string): void {
  handlebarsCompiler().parse(text);
}

/**
 * Handlebars adds `data: true` to the options it compiles with: these are frozen (they are part of
 * the precompiled cache's key, which must not change after a first compile) and given as a copy.
 */
export const COMPILE_OPTIONS = Object.freeze({ strict: true, noEscape: true } as const);

/** A template precompiled to the code of its specification (what `template()` runs once evaluated). */
export function precompileTemplate(text: string): string {
  return String(handlebarsCompiler().precompile(text, { ...COMPILE_OPTIONS }));
}

/** Where {{#field}} blocks put their text while a layout template runs. */
export type FieldSink = Map<string, TextField[]>;

interface HelperOptions {
  readonly hash: Record<string, unknown>;
  /** `fields`: where {{#field}} puts its text; `cited`: the figures a slide's text cites. */
  readonly data?: { fields?: FieldSink; cited?: Set<string>; templateFile?: string };
  readonly loc?: { start: { line: number; column: number } };
  readonly name?: string;
  fn?: (ctx: unknown) => string;
}

/** Thrown by helpers; render/ adds the template position. */
export class HelperError extends Error {
  constructor(readonly code: DeckError["code"], message: string, readonly hint: string, readonly loc?: { line: number; column: number }) {
    super(message);
  }
}

/** Each helper's signature, as errors and the README show it. */
export const HELPER_SIGNATURES: Readonly<Record<string, string>> = {
  fig: '{{fig "id"}}, or {{fig "id" part="value|unit|qualifier|period|label"}}',
  number: "{{number value}} (a number from the deck, such as section.count)",
  date: '{{date "2024-09"}} (YYYY, YYYY-MM or YYYY-MM-DD)',
  ordinal: '{{ordinal value}} or {{ordinal value style="number"}} (a whole number from the deck)',
  upper: "{{upper text}}",
  pad: "{{pad value width}} (width 1 to 6)",
  add: "{{add a b}}",
  lookup: "{{lookup object key}}",
  field: '{{#field "name"}}…{{/field}}',
};

/** The figures helpers read; watch mode swaps `current` so compiled templates can be reused. */
export interface FiguresRef { current: Readonly<Record<string, Figure>> }

/**
 * The work one slide's templates may do: {{#each}} repetitions and characters of text. Nested
 * loops multiply, so a template can ask for far more than any slide holds; render/ resets it per slide.
 */
export interface RenderBudget { iterations: number; chars: number }
export const MAX_ITERATIONS_PER_SLIDE = 100_000;
export const MAX_CHARS_PER_SLIDE = 1_000_000;
const budgets = new WeakMap<object, RenderBudget>();

/** Starts a fresh budget for the next slide. */
export function resetBudget(hb: HandlebarsEnv): void {
  const b = budgets.get(hb);
  if (b) { b.iterations = 0; b.chars = 0; }
}

const FIG_PARTS = ["value", "unit", "qualifier", "period", "label"] as const;

export function createEnv(figuresRef: FiguresRef): HandlebarsEnv {
  const hb = (runtime as unknown as typeof Handlebars).create() as HandlebarsEnv;
  const budget: RenderBudget = { iterations: 0, chars: 0 };
  budgets.set(hb, budget);
  const builtinEach = hb.helpers["each"] as (this: unknown, context: unknown, options: unknown) => string;
  /** Positional arguments of a helper call (Handlebars passes the options object last). */
  const argsOf = (all: IArguments | unknown[]): { args: unknown[]; options: HelperOptions } => {
    const list = Array.from(all);
    return { args: list.slice(0, -1), options: list[list.length - 1] as HelperOptions };
  };
  const wrong = (name: string, options: HelperOptions, what: string): HelperError =>
    new HelperError("TEMPLATE_HELPER", `${name} ${what}`, `write it as ${HELPER_SIGNATURES[name]}`, options.loc?.start);
  const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

  hb.registerHelper({
    /** The built-in {{#each}}, counted against the slide's budget. */
    each(this: unknown, context: unknown, options: HelperOptions) {
      const n = Array.isArray(context) ? context.length : context !== null && typeof context === "object" ? Object.keys(context).length : 0;
      budget.iterations += n;
      if (budget.iterations > MAX_ITERATIONS_PER_SLIDE) {
        throw new HelperError("TEMPLATE_LIMIT", `the template repeats more than ${MAX_ITERATIONS_PER_SLIDE.toLocaleString("en-GB")} times for one slide`,
          "check for {{#each}} blocks nested inside one another, or over the whole deck", options.loc?.start);
      }
      return builtinEach.call(this, context, options);
    },
    /** {{fig "imf_2023"}} -> "$3 billion"; {{fig "delegation" part="value"}} -> "60". */
    fig(...all: unknown[]) {
      const { args, options } = argsOf(all);
      if (args.length !== 1) throw wrong("fig", options, `takes one figure id, not ${args.length}`);
      const id = args[0];
      if (typeof id !== "string") throw wrong("fig", options, `needs a figure id in quotes, got ${describe(id)}`);
      const figures = figuresRef.current;
      const f = Object.hasOwn(figures, id) ? figures[id] : undefined;
      if (!f) {
        throw new HelperError("UNKNOWN_FIGURE", `no figure has the id "${id}"`, suggestion(id, Object.keys(figures), "one of the figure ids"), options.loc?.start);
      }
      options.data?.cited?.add(id);
      const part = options.hash["part"];
      if (part === undefined) return formatFigure(f);
      if (typeof part !== "string" || !(FIG_PARTS as readonly string[]).includes(part)) throw wrong("fig", options, `has no part ${describe(part)}`);
      if (part === "period") return f.period;
      if (part === "label") return f.label;
      return figureParts(f)[part as "value" | "unit" | "qualifier"];
    },
    /** {{number section.count}} -> "5"; 100000 -> "100,000". */
    number(...all: unknown[]) {
      const { args, options } = argsOf(all);
      if (args.length !== 1 || !isNumber(args[0])) throw wrong("number", options, args.length !== 1 ? `takes one value, not ${args.length}` : `needs a number, got ${describe(args[0])}`);
      return groupDigits(args[0], decimalPlaces(decimalOf(args[0])));
    },
    /** {{date "2024-09"}} -> "September 2024". */
    date(...all: unknown[]) {
      const { args, options } = argsOf(all);
      if (args.length !== 1 || (typeof args[0] !== "string" && !isNumber(args[0]))) throw wrong("date", options, args.length !== 1 ? `takes one date, not ${args.length}` : `needs a date, got ${describe(args[0])}`);
      return formatDate(String(args[0]));
    },
    /** {{ordinal section.number}} -> "ninth"; style="number" -> "9th". */
    ordinal(...all: unknown[]) {
      const { args, options } = argsOf(all);
      const n = args[0];
      if (args.length !== 1 || !isNumber(n) || !Number.isInteger(n) || n < 0) throw wrong("ordinal", options, `needs a whole number of zero or more, got ${args.length === 1 ? describe(n) : `${args.length} values`}`);
      const style = options.hash["style"];
      if (style !== undefined && style !== "word" && style !== "number") throw wrong("ordinal", options, `has no style ${describe(style)}`);
      return formatOrdinal(n, style === "number" ? "number" : "word");
    },
    upper(...all: unknown[]) {
      const { args, options } = argsOf(all);
      if (args.length !== 1 || (typeof args[0] !== "string" && !isNumber(args[0]))) throw wrong("upper", options, `needs one text, got ${args.length === 1 ? describe(args[0]) : `${args.length} values`}`);
      return String(args[0]).toLocaleUpperCase("en-GB");
    },
    /** {{pad 2 2}} -> "02". */
    pad(...all: unknown[]) {
      const { args, options } = argsOf(all);
      const [n, width] = args;
      if (args.length !== 2 || !isNumber(n) || !Number.isInteger(width) || (width as number) < 1 || (width as number) > 6) {
        throw wrong("pad", options, `needs a number and a width from 1 to 6, got ${args.map(describe).join(" and ") || "nothing"}`);
      }
      return String(n).padStart(width as number, "0");
    },
    add(...all: unknown[]) {
      const { args, options } = argsOf(all);
      if (args.length !== 2 || !isNumber(args[0]) || !isNumber(args[1])) throw wrong("add", options, `needs two numbers, got ${args.map(describe).join(" and ") || "nothing"}`);
      return args[0] + args[1];
    },
    /** Strict: a key the object does not have is an error, never blank text. */
    lookup(...all: unknown[]) {
      const { args, options } = argsOf(all);
      const [obj, key] = args;
      if (args.length !== 2 || obj === null || typeof obj !== "object" || (typeof key !== "string" && !isNumber(key))) throw wrong("lookup", options, `needs an object and a key, got ${args.map(describe).join(" and ") || "nothing"}`);
      if (!Object.hasOwn(obj, key)) {
        throw new HelperError("TEMPLATE_FIELD_MISSING", `lookup found no "${key}"`, suggestion(String(key), Object.keys(obj), "one of the keys"), options.loc?.start);
      }
      return (obj as Record<string | number, unknown>)[key];
    },
    /** {{#field "bullet" level=2}}…{{/field}}: names a piece of slide text for the layout stage. */
    field(this: unknown, ...all: unknown[]) {
      const { args, options } = argsOf(all);
      if (args.length !== 1 || typeof args[0] !== "string" || !options.fn) throw wrong("field", options, "names its text in quotes and wraps it");
      const sink = options.data?.fields;
      if (!sink) return "";
      const text = options.fn(this).replace(/[ \t]*\n[ \t]*/g, "\n").trim();
      budget.chars += text.length;
      if (budget.chars > MAX_CHARS_PER_SLIDE) {
        throw new HelperError("TEMPLATE_LIMIT", `the template writes more than ${MAX_CHARS_PER_SLIDE.toLocaleString("en-GB")} characters for one slide`,
          "no slide holds that much text: check the template's loops", options.loc?.start);
      }
      // Strict, never blank text: a field that renders nothing is a template (or partial) fault.
      if (!text) {
        throw new HelperError("TEMPLATE_FIELD_EMPTY", `the field "${args[0]}" renders no text`,
          "guard optional text with {{#if …}} around the field, and check the partials it uses", options.loc?.start);
      }
      const list = sink.get(args[0]) ?? [];
      let seq = 0;
      for (const l of sink.values()) seq += l.length;
      const start = options.loc?.start;
      const at = start && options.data?.templateFile ? { file: options.data.templateFile, line: start.line, col: start.column + 1 } : undefined;
      list.push({ text, attrs: { ...options.hash } as FieldAttrs, seq, ...(at ? { at } : {}) });
      sink.set(args[0], list);
      return "";
    },
  });
  return hb;
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing (a field that does not exist?)";
  if (v === null) return "an empty value";
  if (typeof v === "string") return `"${v}"`;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" ? "a mapping" : String(v);
}
