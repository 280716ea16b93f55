// Advance-width metrics of a font, from its TrueType/OpenType files (opentype.js): widths per code
// point for the scripts a briefing uses, and the line height. `npm run fonts` makes the shipped
// metrics with it; a build makes them for font files an outline brings in its fonts/ folder.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type opentypeModule from "opentype.js";

/**
 * opentype.js is loaded on first use: only an outline that brings its own fonts needs it, and
 * evaluating it cost every build 5 ms at start-up.
 */
let loaded: typeof opentypeModule | undefined;
const opentype = (): typeof opentypeModule => (loaded ??= createRequire(import.meta.url)("opentype.js") as typeof opentypeModule);

export interface FontMetrics {
  readonly family: string;
  readonly unitsPerEm: number;
  readonly lineHeightEm: number;
  /** Advance widths by code point (hex), regular and bold. */
  readonly regular: Readonly<Record<string, number>>;
  readonly bold: Readonly<Record<string, number>>;
}

/** Latin, Greek, Cyrillic, punctuation, currency, arrows and shapes. */
const RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e], [0xa0, 0x24f], [0x370, 0x3ff], [0x400, 0x4ff], [0x2000, 0x206f], [0x20a0, 0x20cf],
  [0x2100, 0x215f], [0x2190, 0x21ff], [0x2212, 0x2212], [0x25a0, 0x25ff],
];

function parse(bytes: Buffer): opentypeModule.Font {
  return opentype().parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
}

function widthsOf(bytes: Buffer): { unitsPerEm: number; lineHeightEm: number; widths: Record<string, number> } {
  const font = parse(bytes);
  const widths: Record<string, number> = {};
  for (const [from, to] of RANGES) {
    for (let cp = from; cp <= to; cp++) {
      const glyph = font.charToGlyph(String.fromCodePoint(cp));
      if (glyph.index !== 0 && glyph.advanceWidth !== undefined) widths[cp.toString(16)] = glyph.advanceWidth;
    }
  }
  const os2 = font.tables.os2 as unknown as { usWinAscent: number; usWinDescent: number };
  return { unitsPerEm: font.unitsPerEm, lineHeightEm: (os2.usWinAscent + os2.usWinDescent) / font.unitsPerEm, widths };
}

/** Metrics from a regular and a bold font file (the bold falls back to the regular when absent). */
export function fontMetricsFromFiles(family: string, regularFile: string, boldFile?: string): FontMetrics {
  return metricsOf(family, readFileSync(regularFile), boldFile ? readFileSync(boldFile) : undefined);
}

function metricsOf(family: string, regularBytes: Buffer, boldBytes?: Buffer): FontMetrics {
  const regular = widthsOf(regularBytes);
  const bold = boldBytes ? widthsOf(boldBytes) : regular;
  return { family, unitsPerEm: regular.unitsPerEm, lineHeightEm: Number(regular.lineHeightEm.toFixed(4)), regular: regular.widths, bold: bold.widths };
}

/**
 * A font file's family (as documents name it), whether it is a bold face, and its metrics; with a
 * second file, that one's widths serve for bold text.
 */
export function fontMetricsFromBytes(bytes: Buffer, boldBytes?: Buffer): { family: string; bold: boolean; metrics: FontMetrics } {
  const font = parse(bytes);
  // opentype.js 2 keeps names by platform (unicode, macintosh, windows); getEnglishName looks in each.
  // The typographic family (name ID 16, "preferredFamily") groups a family's weights under one name.
  const name = (id: string): string | undefined => font.getEnglishName(id) || undefined;
  const family = name("preferredFamily") ?? name("fontFamily");
  if (!family) throw new Error("the font has no family name");
  const os2 = font.tables.os2 as unknown as { usWeightClass?: number } | undefined;
  const sub = (name("preferredSubfamily") ?? name("fontSubfamily") ?? "").toLowerCase();
  const bold = (os2?.usWeightClass ?? 400) >= 600 || /bold|black|heavy/.test(sub);
  return { family, bold, metrics: metricsOf(family, bytes, boldBytes) };
}
