// Charts stage: writing XML text. Every value goes through `esc` (attribute-safe escaping), and
// every string through the build stage's xmlSafe first, so parts are always well-formed.
import { escapeAttr, escapeText } from "../util/xml-text.js";

/** Escapes text for element content (XML-illegal characters removed). */
export function esc(text: string | number): string {
  return escapeText(String(text));
}

/** `<name a="1">children</name>`, or self-closed when there are no children. */
export function el(name: string, attrs: Readonly<Record<string, string | number | undefined>> = {}, ...children: Array<string | false | undefined>): string {
  const a = Object.entries(attrs).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`).join("");
  const body = children.filter((c): c is string => typeof c === "string" && c.length > 0).join("");
  return body ? `<${name}${a}>${body}</${name}>` : `<${name}${a}/>`;
}

/** `<name val="v"/>`, the shape of most chart settings. */
export function val(name: string, v: string | number | boolean): string {
  return `<${name} val="${escapeAttr(String(typeof v === "boolean" ? (v ? 1 : 0) : v))}"/>`;
}

/** A number as OOXML writes it: shortest round-trip decimal, no exponent. */
export function num(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`cannot write ${v} into a chart`);
  const s = String(v);
  return /e/i.test(s) ? v.toFixed(20).replace(/\.?0+$/, "") : s;
}
