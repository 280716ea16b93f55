// Assets stage: fonts an outline brings. Each .ttf or .otf in the outline's fonts/ folder (a regular
// file, really inside the folder) is read for its family name and advance widths, so a theme or a
// template may use a font briefdeck does not ship metrics for. Font files are data: only their tables
// are read.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DeckError } from "../errors.js";
import { readRegularFile } from "../parse/read-source.js";
import { fontMetricsFromBytes } from "../util/font-metrics.js";
import { registerFontMetrics } from "../util/fonts.js";
import { isInside } from "../util/inside-folder.js";

const MAX_FONT_BYTES = 32 * 1024 * 1024;

/** Registers the metrics of every font in `<baseDir>/fonts/`; returns the families found. */
export function loadOutlineFonts(baseDir: string, allowOutside: boolean): string[] {
  const dir = join(baseDir, "fonts");
  let names: string[];
  try { names = readdirSync(dir).filter((n) => /\.(ttf|otf)$/i.test(n)).sort(); } catch { return []; }
  const byFamily = new Map<string, { regular?: Buffer; bold?: Buffer }>();
  for (const name of names) {
    const file = join(dir, name);
    const pos = { file, line: 1, col: 1, quote: false };
    if (!allowOutside && !isInside(file, [baseDir])) {
      throw new DeckError({ code: "ASSET_OUTSIDE_PROJECT", pos, message: `the font "${file}" links outside the outline's folder`, hint: "copy the font file into fonts/ instead of linking to it, or pass --allow-outside" });
    }
    let info: ReturnType<typeof fontMetricsFromBytes>;
    const bytes = readRegularFile(file, "font", MAX_FONT_BYTES);
    try { info = fontMetricsFromBytes(bytes); } catch (cause) {
      throw new DeckError({ code: "ASSET_UNREADABLE", pos, message: `the font "${file}" cannot be read: ${(cause as Error).message}`, hint: "use a TrueType (.ttf) or OpenType (.otf) font file", cause });
    }
    const entry = byFamily.get(info.family) ?? {};
    if (info.bold) entry.bold ??= bytes; else entry.regular ??= bytes;
    byFamily.set(info.family, entry);
  }
  for (const [family, files] of byFamily) {
    const regular = files.regular ?? files.bold!;
    registerFontMetrics(family, fontMetricsFromBytes(regular, files.bold).metrics);
  }
  return [...byFamily.keys()];
}
