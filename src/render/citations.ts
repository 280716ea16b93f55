// Render stage: what templates may say about sources: a slide's source line (the citations of exactly
// the figures it shows and of its own `source:`), the full citations its notes end with, and the
// documents a deck cites, in full form, for the sources slide.
import type { Citation, Figure, SourceDoc } from "../model/deck.js";
import { formatDate, formatFigure } from "../util/format.js";
import { uniqueCitations } from "../validate/resolve-sources.js";

/** A source line: "Source" or "Sources", and each document's short form with its locators. */
export interface SourceLine {
  readonly label: string;
  readonly items: ReadonlyArray<{ readonly short: string; readonly locators: readonly string[] }>;
}

/** One document in full, for the sources slide and speaker notes. */
export interface FullSource {
  readonly id: string;
  /** Author and publisher: "J. Smith (IMF)", "International Energy Agency". */
  readonly by: string;
  readonly title: string;
  /** "June 2024"; empty when the document has no date. */
  readonly published: string;
  readonly url: string;
  /** "1 February 2026"; empty when not given. */
  readonly accessedOn: string;
  /** All of it on one line, as notes cite it. */
  readonly text: string;
}

export function sourceLine(citations: readonly Citation[], docs: ReadonlyMap<string, SourceDoc>): SourceLine {
  const byDoc = new Map<string, string[]>();
  for (const c of citations) {
    const list = byDoc.get(c.doc) ?? [];
    if (c.locator && !list.includes(c.locator)) list.push(c.locator);
    byDoc.set(c.doc, list);
  }
  const items = [...byDoc].map(([doc, locators]) => ({ short: docs.get(doc)!.short, locators: joinLocators(locators) }));
  return { label: items.length > 1 ? "Sources" : "Source", items };
}

/** Plurals of the words locators start with: "section A", "section B" -> "sections A and B". */
const PLURALS: Readonly<Record<string, string>> = { section: "sections", table: "tables", chapter: "chapters", figure: "figures", page: "pages", "p.": "pp.", annex: "annexes", box: "boxes" };

/** Locators of one document, those sharing a leading word merged: ["section “A”", "section “B”"] -> ["sections “A” and “B”"]. */
export function joinLocators(locators: readonly string[]): string[] {
  const groups = new Map<string, string[]>();
  const out: Array<string | { word: string }> = [];
  for (const l of locators) {
    const m = /^(\S+)\s+(.+)$/.exec(l);
    const word = m?.[1]?.toLowerCase();
    if (!m || !word || !Object.hasOwn(PLURALS, word)) { out.push(l); continue; }
    if (!groups.has(m[1]!)) { groups.set(m[1]!, []); out.push({ word: m[1]! }); }
    groups.get(m[1]!)!.push(m[2]!);
  }
  return out.map((o) => {
    if (typeof o === "string") return o;
    const rest = groups.get(o.word)!;
    if (rest.length === 1) return `${o.word} ${rest[0]}`;
    const plural = PLURALS[o.word.toLowerCase()]!;
    const word = o.word[0] === o.word[0]!.toUpperCase() ? plural[0]!.toUpperCase() + plural.slice(1) : plural;
    return `${word} ${rest.slice(0, -1).join(", ")} and ${rest[rest.length - 1]}`;
  });
}

export function fullSource(d: SourceDoc): FullSource {
  const by = d.author && d.publisher ? `${d.author} (${d.publisher})` : d.author ?? d.publisher ?? "";
  const published = d.date ? formatDate(d.date) : "";
  const accessedOn = d.accessed ? formatDate(d.accessed) : "";
  const parts = [by, d.title, published].filter(Boolean).join(", ");
  const text = `${parts}${d.url ? `, ${d.url}` : ""}${accessedOn ? ` (accessed ${accessedOn})` : ""}`;
  return { id: d.id, by, title: d.title, published, url: d.url ?? "", accessedOn, text };
}

/**
 * What the notes end with, one line per figure on the slide: its value and label, what it is
 * derived from, and where it comes from in full.
 */
export function figureSources(ids: readonly string[], figures: Readonly<Record<string, Figure>>, docs: ReadonlyMap<string, SourceDoc>): string[] {
  return ids.map((id) => {
    const f = figures[id]!;
    const where = uniqueCitations(f.citations).map((c) => `${fullSource(docs.get(c.doc)!).text}${c.locator ? `, ${c.locator}` : ""}`).join("; ");
    const derived = f.derivation ? `, the ${f.derivation.text}` : "";
    return `${formatFigure(f)} (${f.label})${derived}: ${where}.`;
  });
}

/** Citations of the figures shown (in order) and the slide's own, each once. */
export function slideCitations(figureIds: readonly string[], figures: Readonly<Record<string, Figure>>, own: readonly Citation[]): Citation[] {
  return uniqueCitations([...figureIds.flatMap((id) => figures[id]!.citations), ...own]);
}
