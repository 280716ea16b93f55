// Package stage: XML parts through a real parser and serializer, for what cannot be edited as the
// flat, machine-written lists most parts are: an organisation's template. xmldom is loaded on first
// use, so a build on the built-in design never evaluates it.
import { createRequire } from "node:module";
import type { Document, Element } from "@xmldom/xmldom";

type Xmldom = typeof import("@xmldom/xmldom");
let xmldom: Xmldom | undefined;
const dom = (): Xmldom => (xmldom ??= createRequire(import.meta.url)("@xmldom/xmldom") as Xmldom);

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export type { Document, Element };

export function parseXml(bytes: Uint8Array | string): Document {
  return new (dom().DOMParser)().parseFromString(typeof bytes === "string" ? bytes : decoder.decode(bytes), "application/xml");
}

export function serializeXml(doc: Document): Uint8Array {
  return encoder.encode(new (dom().XMLSerializer)().serializeToString(doc));
}

export function childElements(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

export function elements(doc: Document | Element, qualifiedName: string): Element[] {
  return Array.from(doc.getElementsByTagName(qualifiedName));
}

/** Reorders `parent`'s children to follow `order` (by qualified name); unknown children keep their place at the end. */
export function reorderChildren(parent: Element, order: readonly string[]): void {
  const kids = childElements(parent);
  const rank = (e: Element) => { const i = order.indexOf(e.nodeName); return i < 0 ? order.length : i; };
  const sorted = kids.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i).map((x) => x.e);
  for (const e of sorted) parent.appendChild(e);
}

/** Edits one XML part in place, if present. */
export function editXml(parts: Map<string, Uint8Array | string>, name: string, edit: (doc: Document) => void): void {
  const bytes = parts.get(name);
  if (!bytes) return;
  const doc = parseXml(bytes);
  edit(doc);
  parts.set(name, serializeXml(doc));
}
