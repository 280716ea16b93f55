// Dev tool: reads the Carlito TTFs (Debian's fonts-crosextra-carlito, Calibri's metric twin) and writes
// assets/fonts/carlito-metrics.json: advance widths per code point, so the layout stage can measure
// text without parsing a font at run time. Run: node dist/scripts/make-font-metrics.js [FONT_DIR]
import { readFileSync, writeFileSync } from "node:fs";
import opentype from "opentype.js";

const FONT_DIR = process.argv[2] ?? "/usr/share/fonts/truetype/crosextra";
const RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e], [0xa0, 0x24f], [0x370, 0x3ff], [0x400, 0x4ff], [0x2000, 0x206f], [0x20a0, 0x20cf],
  [0x2100, 0x215f], [0x2190, 0x21ff], [0x2212, 0x2212], [0x25a0, 0x25ff],
];

function widthsOf(file: string): { unitsPerEm: number; lineHeightEm: number; widths: Record<string, number> } {
  const bytes = readFileSync(file);
  const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
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

const regular = widthsOf(`${FONT_DIR}/Carlito-Regular.ttf`);
const bold = widthsOf(`${FONT_DIR}/Carlito-Bold.ttf`);
const out = {
  family: "Carlito (metric-compatible with Calibri)",
  unitsPerEm: regular.unitsPerEm,
  lineHeightEm: Number(regular.lineHeightEm.toFixed(4)),
  regular: regular.widths,
  bold: bold.widths,
};
writeFileSync("assets/fonts/carlito-metrics.json", JSON.stringify(out) + "\n");
console.log(`wrote assets/fonts/carlito-metrics.json: ${Object.keys(regular.widths).length} glyphs`);
