// The fonts text can be measured in: each has advance-width metrics in assets/fonts/ (made by
// `npm run fonts` from a metric-compatible font), so layout never guesses a width.

/** Font family (as themes and templates name it) -> metrics file in assets/fonts/. */
export const FONT_METRICS: Readonly<Record<string, string>> = {
  Calibri: "carlito-metrics.json",
  Carlito: "carlito-metrics.json",
};

export function hasMetrics(family: string): boolean {
  return Object.hasOwn(FONT_METRICS, family);
}
