// Layout stage: text measurement with the theme font's real advance widths (Carlito, Calibri's
// metric twin; table made by scripts/make-font-metrics.ts) and line wrapping as PowerPoint does it:
// greedy, at spaces, breaking a word only when it is wider than the line.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FONT_METRICS } from "../util/fonts.js";
import { projectRoot } from "../util/project-root.js";

interface Metrics {
  readonly unitsPerEm: number;
  readonly lineHeightEm: number;
  readonly regular: Readonly<Record<string, number>>;
  readonly bold: Readonly<Record<string, number>>;
}

let metrics: { m: Metrics; regular: Map<number, number>; bold: Map<number, number> } | undefined;

function load(): NonNullable<typeof metrics> {
  if (metrics) return metrics;
  const m = JSON.parse(readFileSync(join(projectRoot(), "assets/fonts", FONT_METRICS["Calibri"]!), "utf8")) as Metrics;
  const toMap = (w: Readonly<Record<string, number>>) => new Map(Object.entries(w).map(([k, v]) => [parseInt(k, 16), v]));
  metrics = { m, regular: toMap(m.regular), bold: toMap(m.bold) };
  return metrics;
}

/** Line height of single-spaced text, in points, for a font size in points. */
export function lineHeightPt(fontPt: number): number {
  return fontPt * load().m.lineHeightEm;
}

/**
 * Width of one line of text, in points, with `spacingPt` of letter spacing after each character.
 * Glyphs the table lacks (Arabic, CJK) are counted generously.
 */
export function textWidthPt(text: string, fontPt: number, bold = false, spacingPt = 0): number {
  const { m, regular, bold: boldMap } = load();
  const table = bold ? boldMap : regular;
  let units = 0;
  let chars = 0;
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
  return (units / m.unitsPerEm) * fontPt + chars * spacingPt;
}

/** Wraps one paragraph into lines no wider than `maxPt`. */
export function wrapLines(text: string, fontPt: number, maxPt: number, bold = false, spacingPt = 0): string[] {
  return wrap(text, fontPt, maxPt, bold, spacingPt).lines;
}

/**
 * Wraps one paragraph as PowerPoint does; `broken` when a word wider than the line had to be split
 * between letters (which never counts as fitting: layout shrinks, hyphenates or warns instead).
 */
export function wrap(text: string, fontPt: number, maxPt: number, bold = false, spacingPt = 0): { lines: string[]; broken: boolean } {
  const lines: string[] = [];
  let broken = false;
  for (const hard of text.split("\n")) {
    let line = "";
    for (const word of hard.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidthPt(candidate, fontPt, bold, spacingPt) <= maxPt) { line = candidate; continue; }
      if (line) lines.push(line);
      line = "";
      let piece = "";
      for (const ch of word) {
        if (piece && textWidthPt(piece + ch, fontPt, bold, spacingPt) > maxPt) { lines.push(piece); piece = ""; broken = true; }
        piece += ch;
      }
      line = piece;
    }
    lines.push(line);
  }
  return { lines, broken };
}
