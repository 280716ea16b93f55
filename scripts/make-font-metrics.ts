// Dev tool: reads metric-compatible TrueType fonts (Debian's fonts-crosextra-carlito and -caladea,
// fonts-liberation2, fonts-dejavu) and writes assets/fonts/<name>-metrics.json for each: advance
// widths per code point, so the layout stage measures text without parsing a font at run time.
// Run: npm run fonts (node dist/scripts/make-font-metrics.js [FONT_ROOT]).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fontMetricsFromFiles } from "../src/util/font-metrics.js";

const ROOT = process.argv[2] ?? "/usr/share/fonts/truetype";

/** Metrics file -> the regular and bold font files it is made from, and what it stands in for. */
const SETS: ReadonlyArray<{ name: string; family: string; regular: string; bold: string }> = [
  { name: "carlito", family: "Carlito (metric-compatible with Calibri)", regular: "crosextra/Carlito-Regular.ttf", bold: "crosextra/Carlito-Bold.ttf" },
  { name: "caladea", family: "Caladea (metric-compatible with Cambria)", regular: "crosextra/Caladea-Regular.ttf", bold: "crosextra/Caladea-Bold.ttf" },
  { name: "liberation-sans", family: "Liberation Sans (metric-compatible with Arial and Helvetica)", regular: "liberation2/LiberationSans-Regular.ttf", bold: "liberation2/LiberationSans-Bold.ttf" },
  { name: "liberation-serif", family: "Liberation Serif (metric-compatible with Times New Roman)", regular: "liberation2/LiberationSerif-Regular.ttf", bold: "liberation2/LiberationSerif-Bold.ttf" },
  { name: "liberation-mono", family: "Liberation Mono (metric-compatible with Courier New)", regular: "liberation2/LiberationMono-Regular.ttf", bold: "liberation2/LiberationMono-Bold.ttf" },
  { name: "dejavu-sans", family: "DejaVu Sans", regular: "dejavu/DejaVuSans.ttf", bold: "dejavu/DejaVuSans-Bold.ttf" },
];

for (const set of SETS) {
  const metrics = fontMetricsFromFiles(set.family, join(ROOT, set.regular), join(ROOT, set.bold));
  const file = `assets/fonts/${set.name}-metrics.json`;
  writeFileSync(file, JSON.stringify(metrics) + "\n");
  console.log(`wrote ${file}: ${Object.keys(metrics.regular).length} glyphs`);
}
