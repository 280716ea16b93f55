// Validate stage: the documents a briefing draws on (`sources:`, or the one-source shorthand
// `deck.source`) and the citations of figures and slides, checked: unknown documents, URLs that are
// not URLs, dates that are not dates. The old figure form `source: <section id>` still works, with a
// located warning that shows the new one.
import { DeckError } from "../errors.js";
import type { Citation, SourceDoc } from "../model/deck.js";
import type { DataPath, SourceMap } from "../model/source-map.js";
import { suggestion } from "../util/did-you-mean.js";
import { isIsoDate } from "../util/format.js";
import type { Outline, SourceRef } from "./outline-schema.js";

/** The document the `deck.source` shorthand declares. */
export const SHORTHAND_ID = "source";

export interface SourceResolver {
  readonly docs: readonly SourceDoc[];
  /** A `source:` value as citations, or undefined when it is wrong (the error is recorded). */
  citations(ref: SourceRef, at: DataPath, opts: { figure: boolean }): Citation[] | undefined;
}

export function resolveSources(outline: Outline, map: SourceMap, errors: DeckError[], warnings: DeckError[]): SourceResolver {
  const docs: SourceDoc[] = [];
  const shorthand = outline.deck.source;
  if (outline.sources && shorthand) {
    errors.push(new DeckError({
      code: "OUTLINE_SHAPE", pos: map.posOf(["deck", "source"], "key"), message: "the outline gives both `deck.source` and `sources:`",
      hint: "move the document into `sources:` (with an `id`) and remove `deck.source`",
    }));
  }
  if (outline.sources) {
    const seen = new Set<string>();
    outline.sources.forEach((s, i) => {
      const at = ["sources", i];
      if (seen.has(s.id)) errors.push(new DeckError({ code: "DUPLICATE_ID", pos: map.posOf([...at, "id"]), message: `two sources have the id "${s.id}"`, hint: "give each document its own id" }));
      seen.add(s.id);
      checkDate(s.date, [...at, "date"], map, errors);
      checkDate(s.accessed, [...at, "accessed"], map, errors, true);
      checkUrl(s.url, [...at, "url"], map, errors);
      const by = s.publisher ?? s.author;
      docs.push({ ...s, short: s.short ?? (by ? `${by}, ${s.title}` : s.title) });
    });
  } else if (shorthand) {
    checkUrl(shorthand.url, ["deck", "source", "url"], map, errors);
    docs.push({
      id: SHORTHAND_ID, title: shorthand.title, short: shorthand.short ?? shorthand.title, wholeDeck: true,
      ...(shorthand.publication ? { publisher: shorthand.publication } : {}), ...(shorthand.date ? { date: shorthand.date } : {}), ...(shorthand.url ? { url: shorthand.url } : {}),
    });
  }
  const ids = docs.map((d) => d.id);
  const sections = new Map(outline.sections.map((s) => [s.id, s.title]));

  const unknown = (doc: string, at: DataPath): undefined => {
    errors.push(new DeckError({
      code: "UNKNOWN_SOURCE", pos: map.posOf(at), message: `no source document has the id "${doc}"`,
      hint: ids.length ? suggestion(doc, ids, "one of the sources") : "declare the document under `sources:` (id, title, publisher, date, url)",
    }));
    return undefined;
  };

  return {
    docs,
    citations(ref, at, opts) {
      if (typeof ref === "string") {
        if (opts.figure && sections.has(ref) && !ids.includes(ref)) return deprecated(ref, at);
        return ids.includes(ref) ? [{ doc: ref }] : unknown(ref, at);
      }
      const list = Array.isArray(ref) ? ref : [ref];
      const out: Citation[] = [];
      list.forEach((c, i) => {
        const cAt = Array.isArray(ref) ? [...at, i, "doc"] : [...at, "doc"];
        if (!ids.includes(c.doc)) unknown(c.doc, cAt);
        else out.push({ doc: c.doc, ...(c.locator ? { locator: c.locator } : {}) });
      });
      return out.length === list.length ? out : undefined;
    },
  };

  /** The old form: a figure named the outline section whose source text gives it. */
  function deprecated(section: string, at: DataPath): Citation[] | undefined {
    const locator = `section “${sections.get(section)}”`;
    if (docs.length !== 1) {
      errors.push(new DeckError({
        code: "UNKNOWN_SOURCE", pos: map.posOf(at), message: `"${section}" names an outline section, and the outline has ${docs.length} source documents, so it is not clear which one`,
        hint: `cite the document and where in it: source: { doc: ${ids[0] ?? "id"}, locator: "${locator}" }`,
      }));
      return undefined;
    }
    warnings.push(new DeckError({
      code: "SOURCE_DEPRECATED", severity: "warning", pos: map.posOf(at),
      message: `"source: ${section}" names an outline section; it is read as ${docs[0]!.id}, ${locator}`,
      hint: `write the citation itself: source: { doc: ${docs[0]!.id}, locator: "${locator}" }`,
    }));
    return [{ doc: docs[0]!.id, locator }];
  }
}

function checkDate(value: string | undefined, at: DataPath, map: SourceMap, errors: DeckError[], full = false): void {
  if (value === undefined) return;
  const ok = full ? /^\d{4}-\d{2}-\d{2}$/.test(value) && isIsoDate(value) : isIsoDate(value);
  if (!ok) {
    errors.push(new DeckError({
      code: "INVALID_DATE", pos: map.posOf(at), message: `"${value}" is not a real date`,
      hint: full ? "write the day it was read as YYYY-MM-DD, e.g. 2026-02-01" : "write it as YYYY, YYYY-MM or YYYY-MM-DD, with a month from 01 to 12 and a day that month has",
    }));
  }
}

function checkUrl(value: string | undefined, at: DataPath, map: SourceMap, errors: DeckError[]): void {
  if (value === undefined) return;
  let ok = false;
  try {
    const u = new URL(value);
    ok = (u.protocol === "https:" || u.protocol === "http:") && u.hostname.includes(".") && !/\s/.test(value);
  } catch { /* not a URL */ }
  if (!ok) {
    errors.push(new DeckError({
      code: "INVALID_URL", pos: map.posOf(at), message: `"${value}" is not a web address`,
      hint: "write the full address, starting with https:// (or leave `url` out)",
    }));
  }
}

/** Citations in first-seen order, each document and locator once. */
export function uniqueCitations(list: Iterable<Citation>): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const c of list) {
    const key = `${c.doc}\u0000${c.locator ?? ""}`;
    if (!seen.has(key)) { seen.add(key); out.push(c); }
  }
  return out;
}
