// Layout stage: text measurement with the real advance widths of the theme's fonts (a metric-compatible
// font's table: Carlito for Calibri, Liberation Sans for Arial…, made by `npm run fonts`, or from font
// files an outline brings) and line wrapping as PowerPoint does it: greedy, at spaces, breaking a word
// only when it is wider than the line. Headings and body text may be set in different fonts.
import { metricsFor } from "../util/fonts.js";
import type { FontMetrics } from "../util/font-metrics.js";

/** Which of the theme's two fonts a text is set in. */
export type FontRole = "body" | "heading";

interface Loaded { readonly m: FontMetrics; readonly regular: Map<number, number>; readonly bold: Map<number, number> }

const loaded = new Map<string, Loaded>();

function load(family: string): Loaded {
  let l = loaded.get(family);
  if (!l) {
    const m = metricsFor(family);
    if (!m) throw new Error(`no metrics for the font "${family}" (validation should have refused it)`);
    const toMap = (w: Readonly<Record<string, number>>) => new Map(Object.entries(w).map(([k, v]) => [parseInt(k, 16), v]));
    l = { m, regular: toMap(m.regular), bold: toMap(m.bold) };
    loaded.set(family, l);
  }
  return l;
}

/** The fonts text is measured in: the theme's, while `withFonts` runs; Calibri otherwise. */
let active: { readonly heading: string; readonly body: string } = { heading: "Calibri", body: "Calibri" };

/** Runs `fn` measuring headings and body text in these fonts (the layout stage, for one theme). */
export function withFonts<T>(fonts: { readonly heading: string; readonly body: string }, fn: () => T): T {
  const before = active;
  active = fonts;
  try { return fn(); } finally { active = before; }
}

/** Line height of single-spaced text, in points, for a font size in points. */
export function lineHeightPt(fontPt: number, role: FontRole = "body"): number {
  return fontPt * load(active[role]).m.lineHeightEm;
}

/**
 * Width of one line of text, in points, with `spacingPt` of letter spacing after each character.
 * Glyphs the table lacks (Arabic, CJK) are counted generously.
 */
export function textWidthPt(text: string, fontPt: number, bold = false, spacingPt = 0, role: FontRole = "body"): number {
  const w = widthIn(role, bold);
  const [units, chars] = w.add(0, 0, text);
  return w.points(units, chars, fontPt, spacingPt);
}

/**
 * Widths in a font's units, added glyph by glyph from a running total: a line's width is then its
 * total, extended by each word, with the very additions textWidthPt makes over the whole line.
 */
interface Widths {
  add(units: number, chars: number, text: string): [number, number];
  points(units: number, chars: number, fontPt: number, spacingPt: number): number;
}

function widthIn(role: FontRole, bold: boolean): Widths {
  const { m, regular, bold: boldMap } = load(active[role]);
  const table = bold ? boldMap : regular;
  return {
    add(units, chars, text) {
      for (const ch of text) {
        chars++;
        // A no-break space (between a number and its scale word) is as wide as a space.
        const cp = ch === "\u00A0" ? 0x20 : ch.codePointAt(0)!;
        const w = table.get(cp);
        if (w !== undefined) units += w;
        else if (cp < 0x20 || (cp >= 0x300 && cp < 0x370) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) units += 0;
        else if (cp >= 0x2e80) units += m.unitsPerEm * 1.05;
        else units += m.unitsPerEm * 0.62;
      }
      return [units, chars];
    },
    points: (units, chars, fontPt, spacingPt) => (units / m.unitsPerEm) * fontPt + chars * spacingPt,
  };
}

/** Wraps one paragraph into lines no wider than `maxPt`. */
export function wrapLines(text: string, fontPt: number, maxPt: number, bold = false, spacingPt = 0, role: FontRole = "body"): string[] {
  return wrap(text, fontPt, maxPt, bold, spacingPt, role).lines;
}

/** A line may break after a dash between two letters or digits ("Pakistan–Russia", "2022–23"), as renderers break. */
const DASH_BREAK = /(?<=[\p{L}\p{N}][-\u2010\u2013\u2014])(?=[\p{L}\p{N}])/u;

/**
 * Wraps one paragraph as PowerPoint does: at spaces, and after a dash inside a compound word; `broken`
 * when a word wider than the line had to be split between letters (which never counts as fitting:
 * layout shrinks, hyphenates or warns instead).
 */
export function wrap(text: string, fontPt: number, maxPt: number, bold = false, spacingPt = 0, role: FontRole = "body"): { lines: string[]; broken: boolean } {
  const lines: string[] = [];
  let broken = false;
  const w = widthIn(role, bold);
  const fits = (units: number, chars: number) => w.points(units, chars, fontPt, spacingPt) <= maxPt;
  for (const hard of text.split("\n")) {
    // The line so far, and its width as running totals (each candidate extends them, never re-measures).
    let line = "";
    let units = 0;
    let chars = 0;
    for (const word of hard.split(/ +/)) {
      // A compound word's parts join without a space, and the line may end after any of them.
      word.split(DASH_BREAK).forEach((part, k) => {
        const glue = k === 0 && line ? " " : "";
        const [u, c] = w.add(...w.add(units, chars, glue), part);
        if (fits(u, c)) { line = `${line}${glue}${part}`; units = u; chars = c; return; }
        if (line) lines.push(line);
        line = "";
        let piece = "";
        let [pu, pc] = [0, 0];
        for (const ch of part) {
          const [nu, nc] = w.add(pu, pc, ch);
          if (piece && !fits(nu, nc)) { lines.push(piece); piece = ""; broken = true; [pu, pc] = w.add(0, 0, ch); } else [pu, pc] = [nu, nc];
          piece += ch;
        }
        line = piece;
        [units, chars] = [pu, pc];
      });
    }
    lines.push(line);
  }
  return { lines, broken };
}
