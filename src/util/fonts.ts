// The fonts text can be measured in: each has advance-width metrics, shipped in assets/fonts/ (made by
// `npm run fonts` from a metric-compatible font) or made by a build from font files an outline brings
// in its fonts/ folder, so layout never guesses a width.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FontMetrics } from "./font-metrics.js";
import { projectRoot } from "./project-root.js";

/** Font family (as themes and templates name it) -> shipped metrics file in assets/fonts/. */
export const FONT_METRICS: Readonly<Record<string, string>> = {
  Calibri: "carlito-metrics.json", Carlito: "carlito-metrics.json",
  Cambria: "caladea-metrics.json", Caladea: "caladea-metrics.json",
  Arial: "liberation-sans-metrics.json", Helvetica: "liberation-sans-metrics.json", "Liberation Sans": "liberation-sans-metrics.json", Arimo: "liberation-sans-metrics.json",
  "Times New Roman": "liberation-serif-metrics.json", Times: "liberation-serif-metrics.json", "Liberation Serif": "liberation-serif-metrics.json", Tinos: "liberation-serif-metrics.json",
  "Courier New": "liberation-mono-metrics.json", Courier: "liberation-mono-metrics.json", "Liberation Mono": "liberation-mono-metrics.json", Cousine: "liberation-mono-metrics.json",
  "DejaVu Sans": "dejavu-sans-metrics.json",
};

/** Metrics made at run time from an outline's own font files, by family. */
const registered = new Map<string, FontMetrics>();
const shipped = new Map<string, FontMetrics>();

export function registerFontMetrics(family: string, metrics: FontMetrics): void {
  registered.set(family, metrics);
}

export function metricsFor(family: string): FontMetrics | undefined {
  const own = registered.get(family);
  if (own) return own;
  const file = FONT_METRICS[family];
  if (file === undefined || !Object.hasOwn(FONT_METRICS, family)) return undefined;
  let m = shipped.get(file);
  if (!m) {
    m = JSON.parse(readFileSync(join(projectRoot(), "assets/fonts", file), "utf8")) as FontMetrics;
    shipped.set(file, m);
  }
  return m;
}

export function hasMetrics(family: string): boolean {
  return registered.has(family) || Object.hasOwn(FONT_METRICS, family);
}

/** Every family text can be measured in, for messages. */
export function knownFamilies(): string[] {
  return [...new Set([...Object.keys(FONT_METRICS), ...registered.keys()])].sort();
}
