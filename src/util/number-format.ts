// The house formats for numbers: one definition each for slide text ("$757 billion"), chart labels
// ("$757 bn"), the Excel number format that draws those labels ("$"#,##0" bn"), and axis captions
// ("US$ billion"). Charts, workbooks and text all format through here, so they cannot disagree.
import { decimalOf, toPlain, type Decimal } from "./decimal.js";

export const SCALES = ["thousand", "million", "billion", "trillion"] as const;
export type Scale = (typeof SCALES)[number];
export const SCALE_EXPONENT: Readonly<Record<Scale, number>> = { thousand: 3, million: 6, billion: 9, trillion: 12 };
/** Scale words as chart labels abbreviate them. */
export const SCALE_ABBREVIATION: Readonly<Record<Scale, string>> = { thousand: "k", million: "m", billion: "bn", trillion: "tn" };

interface Currency {
  /** Written before the number: "$3 billion". */
  readonly symbol: string;
  /** Written in axis captions: "US$ billion". */
  readonly caption: string;
  /** Decimals of the minor unit ($0.20): kept whenever an unscaled amount has a fraction. */
  readonly minor: number;
}

const CURRENCIES: Readonly<Record<string, Currency>> = {
  USD: { symbol: "$", caption: "US$", minor: 2 }, EUR: { symbol: "€", caption: "€", minor: 2 },
  GBP: { symbol: "£", caption: "£", minor: 2 }, PKR: { symbol: "Rs\u00A0", caption: "Rs", minor: 2 },
  RUB: { symbol: "₽", caption: "₽", minor: 2 }, JPY: { symbol: "¥", caption: "¥", minor: 0 },
  INR: { symbol: "₹", caption: "₹", minor: 2 }, CNY: { symbol: "CN¥", caption: "CN¥", minor: 2 },
  CHF: { symbol: "CHF\u00A0", caption: "CHF", minor: 2 },
};

export const CURRENCY_CODES: readonly string[] = Object.keys(CURRENCIES);
/** Units with a meaning of their own; any other unit is a counted noun ("metric tons"). */
export const SPECIAL_UNITS = ["percent", "times", "ordinal"] as const;

/** How one figure or one chart series is shown. */
export interface NumberStyle {
  readonly unit: string;
  readonly scale?: Scale | undefined;
  /** Digits after the decimal point, always shown (3.0 with one decimal). */
  readonly decimals: number;
}

export function isCurrency(unit: string): boolean {
  return Object.hasOwn(CURRENCIES, unit);
}

/** Units that take a scale word (currencies and counted nouns; not percent, times or ordinal). */
export function isScalable(unit: string): boolean {
  return !(SPECIAL_UNITS as readonly string[]).includes(unit);
}

export function minorUnits(unit: string): number {
  return CURRENCIES[unit]?.minor ?? 0;
}

/** 1234567.5 with 2 decimals -> "1,234,567.50" (thousands separators always). */
export function groupDigits(value: Decimal | number, decimals: number): string {
  const plain = toPlain(typeof value === "number" ? decimalOf(value) : value, decimals);
  const [int, frac] = plain.split(".");
  const negative = int!.startsWith("-");
  const digits = negative ? int!.slice(1) : int!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

const ORDINAL_WORDS = [
  "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
  "nineteenth", "twentieth",
];

/** 9 -> "ninth"; 21 -> "21st". */
export function formatOrdinal(n: number, style: "word" | "number" = "word"): string {
  if (style === "word" && Number.isInteger(n) && n >= 0 && n < ORDINAL_WORDS.length) return ORDINAL_WORDS[n]!;
  const mod100 = Math.abs(n) % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? "th" : (["th", "st", "nd", "rd"][Math.abs(n) % 10] ?? "th");
  return `${n}${suffix}`;
}

/** Binds a number to the word after it, so "$315 billion" never breaks across lines. */
export const NBSP = "\u00A0";

/**
 * A quantity in the house style. `long` is slide text ("$3 billion", "100,000 metric tons", "15%",
 * "1.7×"), the number joined to its scale word and unit by no-break spaces; `chart` is a chart label,
 * the scale abbreviated and a counted noun left to the axis caption ("$3 bn", "100,000").
 */
export function formatQuantity(value: Decimal | number, style: NumberStyle, form: "long" | "chart" = "long"): string {
  const d = typeof value === "number" ? decimalOf(value) : value;
  if (style.unit === "ordinal") return formatOrdinal(Number(toPlain(d)));
  const digits = groupDigits(d, style.decimals);
  const negative = digits.startsWith("-");
  const magnitude = negative ? digits.slice(1) : digits;
  const scaleWord = style.scale ? (form === "chart" ? SCALE_ABBREVIATION[style.scale] : style.scale) : "";
  const currency = CURRENCIES[style.unit];
  let body: string;
  const gap = form === "long" ? NBSP : " ";
  if (currency) body = `${currency.symbol}${magnitude}${scaleWord ? `${gap}${scaleWord}` : ""}`;
  else if (style.unit === "percent") body = `${magnitude}%`;
  else if (style.unit === "times") body = `${magnitude}×`;
  else body = `${magnitude}${scaleWord ? `${gap}${scaleWord}` : ""}${form === "long" ? `${NBSP}${style.unit}` : ""}`;
  return negative ? `-${body}` : body;
}

/** Excel's number format drawing `formatQuantity(v, style, "chart")`, for data labels, axes and workbook cells. */
export function excelFormat(style: NumberStyle): string {
  const number = `#,##0${style.decimals > 0 ? `.${"0".repeat(style.decimals)}` : ""}`;
  const scale = style.scale ? ` ${SCALE_ABBREVIATION[style.scale]}` : "";
  const currency = CURRENCIES[style.unit];
  let positive: string;
  if (currency) positive = `${quoted(currency.symbol)}${number}${scale ? quoted(scale) : ""}`;
  else if (style.unit === "percent") positive = `${number}${quoted("%")}`;
  else if (style.unit === "times") positive = `${number}${quoted("×")}`;
  else positive = `${number}${scale ? quoted(scale) : ""}`;
  // The negative section repeats the positive one after a minus, so "-$3 bn" and not "$-3 bn".
  return `${positive};-${positive}`;
}

/** A literal inside an Excel number format. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, "")}"`;
}

/** The unit caption of a value axis or a table header: "US$ billion", "%", "million metric tons". */
export function unitCaption(style: Pick<NumberStyle, "unit" | "scale">): string {
  const currency = CURRENCIES[style.unit];
  if (currency) return `${currency.caption}${style.scale ? ` ${style.scale}` : ""}`;
  if (style.unit === "percent") return "%";
  if (style.unit === "times") return "ratio (×)";
  return style.scale ? `${style.scale} ${style.unit}` : style.unit;
}
