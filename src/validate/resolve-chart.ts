// Validate stage: a chart slide's figure ids -> ChartData (categories, series, kind). Every value
// comes from `figures`; units are checked so dollars and tons never share an axis.
import { DeckError } from "../errors.js";
import type { ChartData, ChartSeriesData } from "../model/deck.js";
import type { DataPath, SourceMap } from "../model/source-map.js";
import { baseValue, inScale, largestScale } from "../util/format.js";
import type { ChartKind, ChartSpec, FigureSpec } from "./outline-schema.js";

const DATE_LIKE = /^(?:\d{4}|(?:Q[1-4]|H[12]|[A-Z][a-z]+) \d{4}|\d{4}-\d{2}(?:-\d{2})?)$/;

export function resolveChart(spec: ChartSpec, figures: Readonly<Record<string, FigureSpec>>, path: DataPath, map: SourceMap): ChartData | DeckError[] {
  const fail = (code: DeckError["code"], at: DataPath, message: string, hint: string): DeckError[] =>
    [new DeckError({ code, pos: map.posOf(at), message, hint })];
  if (spec.figures && spec.series) {
    return fail("OUTLINE_SHAPE", path, "the chart gives both `figures` and `series`", "use `figures` for one series, or `series` with `categories` for several");
  }
  const groups = spec.series ?? (spec.figures ? [{ name: spec.title, figures: spec.figures }] : []);
  if (groups.length === 0) {
    return fail("CHART_NO_DATA", path, "the chart has no data", "list the figure ids it shows under `figures:`");
  }
  if (groups.some((g) => g.figures.some((id) => !figures[id]))) return []; // reported by checkReferences
  const categories = spec.series
    ? spec.categories
    : groups[0]!.figures.map((id) => figures[id]!.label);
  if (!categories) {
    return fail("CHART_DATA_MISMATCH", path, "a chart with `series` needs `categories`", "add `categories:` with one name per value of each series");
  }
  const series: ChartSeriesData[] = [];
  for (const [k, g] of groups.entries()) {
    const figs = g.figures.map((id) => figures[id]!);
    const at = spec.series ? [...path, "series", k, "figures"] : [...path, "figures"];
    if (figs.length !== categories.length) {
      return fail("CHART_DATA_MISMATCH", at, `series "${g.name}" has ${figs.length} values but the chart has ${categories.length} categories`,
        `give one figure per category (${categories.join(", ")}) or change the categories`);
    }
    const units = [...new Set(figs.map((f) => f.unit))];
    if (units.length > 1) {
      return fail("CHART_MIXED_UNITS", at, `series "${g.name}" mixes units (${units.join(" and ")}) on one axis`,
        "put figures of one unit in a series; a second unit goes in its own series, drawn as a combo chart");
    }
    const bad = figs.find((f) => !Number.isFinite(f.value));
    if (bad) return fail("CHART_NO_DATA", at, `series "${g.name}" has a value that is not a finite number`, "fix the figure's value");
    const scale = largestScale(figs.map((f) => f.scale));
    series.push({ name: g.name, unit: units[0]!, scale, figureIds: g.figures, values: figs.map((f) => inScale(baseValue(f), scale)) });
  }
  const units = [...new Set(series.map((s) => s.unit))];
  const kind = spec.kind ?? chooseKind(series, categories, units.length);
  if (units.length > 2 || (units.length === 2 && kind !== "combo")) {
    return fail("CHART_MIXED_UNITS", [...path, spec.kind ? "kind" : "series"],
      `the chart puts ${units.join(", ")} on one ${kind} chart`, units.length > 2
        ? "a chart can show at most two units (a combo chart with a secondary axis); split it"
        : "use `kind: combo` to draw the second unit on a secondary axis, or split the chart");
  }
  if (kind === "combo" && series.length < 2) {
    return fail("CHART_DATA_MISMATCH", [...path, "kind"], "a combo chart needs two series or more", "add a series, or choose another kind");
  }
  if ((kind === "pie" || kind === "doughnut") && series.length > 1) {
    return fail("CHART_DATA_MISMATCH", [...path, "kind"], `a ${kind} chart shows one series, not ${series.length}`, "use a column or stacked-column chart");
  }
  return { kind, categories, series };
}

/** The chart kind the data calls for (the design brief's rules). */
export function chooseKind(series: readonly ChartSeriesData[], categories: readonly string[], unitCount: number): ChartKind {
  if (unitCount === 2) return "combo";
  if (categories.length >= 4 && categories.every((c) => DATE_LIKE.test(c))) return "line";
  const only = series.length === 1 ? series[0] : undefined;
  if (only?.unit === "percent" && Math.abs(only.values.reduce((a, b) => a + b, 0) - 100) < 0.5) return "doughnut";
  const longest = Math.max(...categories.map((c) => c.length));
  return categories.length > 6 || longest > 22 ? "bar" : "column";
}
