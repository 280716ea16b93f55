// The house style for figures and dates in slide text. Numbers themselves are formatted by
// number-format.ts, which charts and workbooks share.
import type { Figure } from "../model/deck.js";
import { formatQuantity, NBSP } from "./number-format.js";

const MONTHS = [
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December",
];

/** A figure in the house format, qualifier kept: "over $500 million", "100,000 metric tons", "ninth". */
export function formatFigure(f: Figure): string {
  const body = formatQuantity(f.amount, f.style, "long");
  return f.qualifier ? `${f.qualifier}${NBSP}${body}` : body;
}

/** A figure split for big-number display: qualifier, number (with currency and scale), counted unit. */
export function figureParts(f: Figure): { qualifier: string; value: string; unit: string } {
  const full = formatQuantity(f.amount, f.style, "long");
  const counted = f.unit !== "ordinal" && full.endsWith(`${NBSP}${f.unit}`);
  return { qualifier: f.qualifier ?? "", value: counted ? full.slice(0, -f.unit.length - 1) : full, unit: counted ? f.unit : "" };
}

/**
 * A key figure's parts for a card whose caption follows the number: the unit is left out where the
 * caption already begins with it ("1.4 million" over "homes passed", not "homes homes passed").
 */
export function cardParts(f: Figure, caption: string): { qualifier: string; value: string; unit: string } {
  const parts = figureParts(f);
  const repeats = parts.unit !== "" && caption.trim().toLowerCase().startsWith(parts.unit.toLowerCase())
    && !/[\p{L}\p{N}]/u.test(caption.trim().charAt(parts.unit.length));
  return repeats ? { ...parts, unit: "" } : parts;
}

/** Whether `text` is a real calendar date in one of the forms `formatDate` reads (YYYY, YYYY-MM, YYYY-MM-DD). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}

/** "2024-09" -> "September 2024"; "2026-11-28" -> "28 November 2026"; other text is kept. */
export function formatDate(text: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text.trim());
  if (!m || !isIsoDate(text.trim())) return text;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** "a", "a and b", "a, b and c". */
export function inWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
