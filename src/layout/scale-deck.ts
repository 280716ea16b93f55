// Layout stage: a deck laid out on the design canvas (7.5 in high, as both built-in sizes are) scaled
// to a template's real size, as PowerPoint's Slide Size › Scale does: every length and every font
// size by the same factor, so each line breaks where it was measured to break.
import type { Paragraph, PlacedDeck, PlacedItem, PlacedSlide, Rect } from "../model/layout.js";
import type { Zones } from "./grid.js";

/** The height every type size and spacing of the design is set for. */
export const DESIGN_H_IN = 7.5;

/** Font sizes are written in hundredths of a point: rounded down, so text never grows past its measure. */
const pt = (v: number, k: number) => Math.floor(v * k * 100 + 1e-6) / 100;
const len = (v: number, k: number) => v * k;

export function scaleRect<R extends Rect>(r: R, k: number): R {
  return { ...r, xIn: len(r.xIn, k), yIn: len(r.yIn, k), wIn: len(r.wIn, k), hIn: len(r.hIn, k) };
}

const band = (b: { readonly yIn: number; readonly hIn: number }, k: number) => ({ yIn: len(b.yIn, k), hIn: len(b.hIn, k) });

export function scaleZones(z: Zones, k: number): Zones {
  return {
    kicker: band(z.kicker, k), title: band(z.title, k), body: band(z.body, k), sourceBottomIn: len(z.sourceBottomIn, k),
    ...(z.titleLimitIn !== undefined ? { titleLimitIn: len(z.titleLimitIn, k) } : {}),
    ...(z.titleSpan ? { titleSpan: { xIn: len(z.titleSpan.xIn, k), wIn: len(z.titleSpan.wIn, k) } } : {}),
    ...(z.footerRule ? { footerRule: band(z.footerRule, k) } : {}),
    footer: scaleRect(z.footer, k), number: scaleRect(z.number, k),
    ...(z.picture ? { picture: scaleRect(z.picture, k) } : {}),
  };
}

function scaleParagraph(p: Paragraph, k: number): Paragraph {
  return {
    ...p,
    ...(p.fontPt !== undefined ? { fontPt: pt(p.fontPt, k) } : {}),
    ...(p.spaceBeforePt !== undefined ? { spaceBeforePt: pt(p.spaceBeforePt, k) } : {}),
    runs: p.runs.map((r) => (r.fontPt !== undefined ? { ...r, fontPt: pt(r.fontPt, k) } : r)),
  };
}

function scaleItem(item: PlacedItem, k: number): PlacedItem {
  switch (item.kind) {
    case "text":
      return {
        ...scaleRect(item, k), fontPt: pt(item.fontPt, k), paragraphs: item.paragraphs.map((p) => scaleParagraph(p, k)),
        ...(item.charSpacingPt !== undefined ? { charSpacingPt: pt(item.charSpacingPt, k) } : {}),
      };
    case "shape":
      return { ...scaleRect(item, k), ...(item.line ? { line: { ...item.line, widthPt: item.line.widthPt * k } } : {}) };
    case "image":
      return scaleRect(item, k);
    case "table":
      return { ...scaleRect(item, k), fontPt: pt(item.fontPt, k), colWIn: item.colWIn.map((w) => len(w, k)), rowHIn: item.rowHIn.map((h) => len(h, k)) };
    case "chart":
      return {
        ...scaleRect(item, k), fontPt: pt(item.fontPt, k), plot: scaleRect(item.plot, k),
        ...(item.legend ? { legend: scaleRect(item.legend, k) } : {}),
        labelBoxes: item.labelBoxes.map((b) => scaleRect(b, k)),
      };
    case "freeform":
      return {
        ...scaleRect(item, k), path: item.path.map((c) => (c.op === "Z" ? c : c.op === "C"
          ? { ...c, x1: len(c.x1, k), y1: len(c.y1, k), x2: len(c.x2, k), y2: len(c.y2, k), x: len(c.x, k), y: len(c.y, k) }
          : { ...c, x: len(c.x, k), y: len(c.y, k) })),
        ...(item.line ? { line: { ...item.line, widthPt: item.line.widthPt * k } } : {}),
      };
  }
}

function scaleSlide(s: PlacedSlide, k: number): PlacedSlide {
  return {
    ...s,
    items: s.items.map((i) => scaleItem(i, k)),
    ...(s.backdrop ? { backdrop: s.backdrop.map((d) => scaleRect(d, k)) } : {}),
    ...(s.number ? { number: scaleRect(s.number, k) } : {}),
  };
}

/** The deck at `k` times its size; `typeScale` records `k` for the stages that add fixed sizes of their own. */
export function scaleDeck(deck: PlacedDeck, k: number): PlacedDeck {
  if (k === 1) return deck;
  return { ...deck, typeScale: k, slides: deck.slides.map((s) => scaleSlide(s, k)) };
}
