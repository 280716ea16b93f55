// Render stage: the Handlebars environment (helpers for a briefing's formats). Only render/ imports
// handlebars. Templates compile with strict (a missing field is an error, never blank text) and
// noEscape (slide text is not HTML: "&" stays "&").
import Handlebars from "handlebars";
import { DeckError } from "../errors.js";
import type { FigureSpec } from "../model/deck.js";
import type { FieldAttrs, TextField } from "../model/rendered.js";
import { suggestion } from "../util/did-you-mean.js";
import { formatAmount, formatDate, formatFigure, formatNumber, formatOrdinal } from "../util/format.js";

export type HandlebarsEnv = typeof Handlebars;
export type TemplateFn = Handlebars.TemplateDelegate;
export const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

/** Where {{#field}} blocks put their text while a layout template runs. */
export type FieldSink = Map<string, TextField[]>;

interface HelperOptions {
  readonly hash: Record<string, unknown>;
  readonly data?: { fields?: FieldSink };
  readonly loc?: { start: { line: number; column: number } };
  fn?: (ctx: unknown) => string;
}

/** Thrown by helpers; render/ adds the template position. */
export class HelperError extends Error {
  constructor(readonly code: DeckError["code"], message: string, readonly hint: string, readonly loc?: { line: number; column: number }) {
    super(message);
  }
}

/** The figures helpers read; watch mode swaps `current` so compiled templates can be reused. */
export interface FiguresRef { current: Readonly<Record<string, FigureSpec>> }

export function createEnv(figuresRef: FiguresRef): HandlebarsEnv {
  const hb = Handlebars.create();
  const figure = (id: unknown, options: HelperOptions): FigureSpec => {
    const figures = figuresRef.current;
    const f = typeof id === "string" ? figures[id] : undefined;
    if (!f) {
      throw new HelperError("UNKNOWN_FIGURE", `no figure has the id "${String(id)}"`,
        suggestion(String(id), Object.keys(figures), "one of the figure ids"), options.loc?.start);
    }
    return f;
  };
  hb.registerHelper({
    /** {{fig "imf_2023"}} -> "$3 billion"; {{fig "delegation" part="value"}} -> "60". */
    fig(id: unknown, options: HelperOptions) {
      const f = figure(id, options);
      const part = options.hash["part"];
      if (part === undefined) return formatFigure(f);
      const parts = figureParts(f);
      if (part === "value" || part === "unit" || part === "qualifier") return parts[part];
      if (part === "period") return f.period;
      if (part === "label") return f.label;
      throw new HelperError("TEMPLATE_HELPER", `fig has no part "${String(part)}"`, "use part=\"value\", \"unit\", \"qualifier\", \"period\" or \"label\"", options.loc?.start);
    },
    /** {{amount 3 "billion" "USD"}} -> "$3 billion". */
    amount: (value: number, scale: unknown, unit: unknown) =>
      formatAmount(value, typeof scale === "string" && scale ? scale : undefined, typeof unit === "string" ? unit : "USD"),
    /** {{number 100000}} -> "100,000". */
    number: (value: number) => formatNumber(value),
    /** {{date "2024-09"}} -> "September 2024". */
    date: (text: unknown) => formatDate(String(text)),
    /** {{ordinal 9}} -> "ninth"; {{ordinal 21 style="number"}} -> "21st". */
    ordinal: (n: number, options: HelperOptions) => formatOrdinal(n, options.hash["style"] === "number" ? "number" : "word"),
    add: (a: number, b: number) => Number(a) + Number(b),
    upper: (text: unknown) => String(text).toLocaleUpperCase("en-GB"),
    /** {{pad 2 2}} -> "02". */
    pad: (n: unknown, width: number) => String(n).padStart(typeof width === "number" ? width : 2, "0"),
    /** {{#field "bullet" level=2}}…{{/field}}: names a piece of slide text for the layout stage. */
    field(this: unknown, name: unknown, options: HelperOptions) {
      const sink = options.data?.fields;
      if (!sink || !options.fn) return "";
      const text = options.fn(this).replace(/[ \t]*\n[ \t]*/g, "\n").trim();
      const list = sink.get(String(name)) ?? [];
      list.push({ text, attrs: { ...options.hash } as FieldAttrs });
      sink.set(String(name), list);
      return "";
    },
  });
  return hb;
}

/** A figure split for big-number display: qualifier, number (with currency and scale), counted unit. */
export function figureParts(f: FigureSpec): { qualifier: string; value: string; unit: string } {
  if (f.unit === "ordinal") return { qualifier: f.qualifier ?? "", value: formatOrdinal(f.value), unit: "" };
  const full = formatAmount(f.value, f.scale, f.unit);
  const counted = full.endsWith(` ${f.unit}`);
  return { qualifier: f.qualifier ?? "", value: counted ? full.slice(0, -f.unit.length - 1) : full, unit: counted ? f.unit : "" };
}
