// Render stage: what chart templates may say about a chart (its kind, axis captions, points, and
// what derived figures are computed from), so the alt text describes exactly what is drawn.
import type { ChartData, ChartSeriesData, Figure } from "../model/deck.js";
import type { ChartKind } from "../validate/outline-schema.js";
import { formatFigure } from "../util/format.js";
import { unitCaption } from "../util/number-format.js";

const KIND_NAMES: Readonly<Record<ChartKind, string>> = {
  column: "Column", bar: "Bar", "stacked-column": "Stacked column", "stacked-bar": "Stacked bar",
  "stacked-column-100": "100% stacked column", "stacked-bar-100": "100% stacked bar", line: "Line", area: "Area",
  "stacked-area": "Stacked area", pie: "Pie", doughnut: "Doughnut", combo: "Combination", scatter: "Scatter", waterfall: "Waterfall",
};

export interface ChartContext {
  readonly kind: string;
  readonly kindName: string;
  /** Captions of the value axes in the scales the chart really uses: primary, then secondary (scatter: x, then y). */
  readonly axisTitles: readonly string[];
  readonly multiSeries: boolean;
  readonly points: ReadonlyArray<{ category: string; values: ReadonlyArray<{ series: string; text: string }> }>;
  /** "Clean-to-fossil ratio is the ratio of …", one per derived figure the chart shows. */
  readonly derivations: readonly string[];
  readonly figureIds: readonly string[];
}

export function chartContext(chart: ChartData, figures: Readonly<Record<string, Figure>>): ChartContext {
  const byAxis = (axis: ChartSeriesData["axis"]) => chart.series.filter((s) => s.axis === axis).map((s) => unitCaption(s.style));
  const figureIds = [...new Set(chart.series.flatMap((s) => [...s.figureIds, ...(s.x?.figureIds ?? [])]))];
  return {
    kind: chart.kind,
    kindName: KIND_NAMES[chart.kind],
    axisTitles: chart.kind === "scatter" && chart.series[0]?.x
      ? [unitCaption(chart.series[0].x.style), unitCaption(chart.series[0].style)]
      : [...byAxis("primary").slice(0, 1), ...byAxis("secondary").slice(0, 1)],
    multiSeries: chart.series.length > 1,
    points: chart.categories.map((category, i) => ({
      category,
      values: chart.series.map((s) => ({
        series: s.name,
        text: s.x ? `${formatFigure(figures[s.x.figureIds[i]!]!)} and ${formatFigure(figures[s.figureIds[i]!]!)}` : formatFigure(figures[s.figureIds[i]!]!),
      })),
    })),
    derivations: figureIds.flatMap((id) => (figures[id]!.derivation ? [`${figures[id]!.label} is the ${figures[id]!.derivation!.text}`] : [])),
    figureIds,
  };
}
