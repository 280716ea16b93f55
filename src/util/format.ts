// Number and figure formats of the house style. Pure functions shared by templates and charts.
import type { FigureSpec } from "../validate/outline-schema.js";

const CURRENCY_SYMBOL: Readonly<Record<string, string>> = { USD: "$", EUR: "€", GBP: "£", PKR: "Rs ", RUB: "₽" };
const SCALE_FACTOR = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 } as const;
const ORDINAL_WORDS = [
  "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
  "nineteenth", "twentieth",
];
const MONTHS = [
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December",
];

const NUMBER_FORMAT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** 100000 -> "100,000"; 0.5 -> "0.5". Always en-GB grouping, never locale-dependent. */
export function formatNumber(value: number): string {
  return NUMBER_FORMAT.format(value);
}

export function isCurrency(unit: string): boolean {
  return unit in CURRENCY_SYMBOL;
}

export function currencySymbol(unit: string): string | undefined {
  return CURRENCY_SYMBOL[unit];
}

/** 9 -> "ninth"; 21 -> "21st". */
export function formatOrdinal(n: number, style: "word" | "number" = "word"): string {
  if (style === "word" && Number.isInteger(n) && n >= 0 && n < ORDINAL_WORDS.length) return ORDINAL_WORDS[n]!;
  const mod100 = Math.abs(n) % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? "th" : (["th", "st", "nd", "rd"][Math.abs(n) % 10] ?? "th");
  return `${n}${suffix}`;
}

/** An amount with currency and scale: (3, "billion", "USD") -> "$3 billion". */
export function formatAmount(value: number, scale: string | undefined, unit: string): string {
  const scaled = `${formatNumber(value)}${scale ? ` ${scale}` : ""}`;
  const symbol = CURRENCY_SYMBOL[unit];
  return symbol !== undefined ? `${symbol}${scaled}` : unit === "percent" ? `${scaled}%` : `${scaled} ${unit}`;
}

/** A figure in the house format, qualifier kept: "over $500 million", "100,000 metric tons", "ninth". */
export function formatFigure(f: FigureSpec): string {
  const body = f.unit === "ordinal" ? formatOrdinal(f.value) : formatAmount(f.value, f.scale, f.unit);
  return f.qualifier ? `${f.qualifier} ${body}` : body;
}

/** The figure's value in base units (500 million -> 500000000). */
export function baseValue(f: Pick<FigureSpec, "value" | "scale">): number {
  return f.value * (f.scale ? SCALE_FACTOR[f.scale] : 1);
}

/** Re-expresses a base value in a scale: (5e8, "billion") -> 0.5. */
export function inScale(base: number, scale: FigureSpec["scale"]): number {
  return Number((base / (scale ? SCALE_FACTOR[scale] : 1)).toPrecision(12));
}

export function largestScale(scales: ReadonlyArray<FigureSpec["scale"]>): FigureSpec["scale"] {
  let best: FigureSpec["scale"];
  for (const s of scales) if (s && (!best || SCALE_FACTOR[s] > SCALE_FACTOR[best])) best = s;
  return best;
}

/** "2024-09" -> "September 2024"; "2026-11-28" -> "28 November 2026"; other text is kept. */
export function formatDate(text: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text.trim());
  if (!m) return text;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** Scale words as chart labels abbreviate them. */
export const SCALE_ABBREVIATION = { thousand: "k", million: "m", billion: "bn", trillion: "tn" } as const;

/** A chart data label as the chart's number format shows it: (0.5, "USD", "billion") -> "$0.5 bn". */
export function chartLabel(value: number, unit: string, scale: FigureSpec["scale"]): string {
  const symbol = CURRENCY_SYMBOL[unit] ?? "";
  return `${symbol}${formatNumber(value)}${scale ? ` ${SCALE_ABBREVIATION[scale]}` : ""}${unit === "percent" ? "%" : ""}`;
}
