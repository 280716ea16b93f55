// Render stage: what chart templates may say about a chart (kind name, axis title, points).
import type { ChartData, FigureSpec } from "../model/deck.js";
import { currencySymbol, formatFigure } from "../util/format.js";

const KIND_NAMES = {
  column: "Column", bar: "Bar", "stacked-column": "Stacked column", line: "Line", pie: "Pie",
  doughnut: "Doughnut", combo: "Combination",
} as const;

export interface ChartContext {
  readonly kind: string;
  readonly kindName: string;
  readonly axisTitles: readonly string[];
  readonly multiSeries: boolean;
  readonly points: ReadonlyArray<{ category: string; values: ReadonlyArray<{ series: string; text: string }> }>;
  readonly sourceIds: readonly string[];
}

/** "US$ billion", "thousand metric tons", "%". */
export function axisTitle(unit: string, scale: FigureSpec["scale"]): string {
  const symbol = currencySymbol(unit);
  if (symbol !== undefined) return `${unit === "USD" ? "US$" : symbol.trim()}${scale ? ` ${scale}` : ""}`;
  if (unit === "percent") return "%";
  return scale ? `${scale} ${unit}` : unit;
}

export function chartContext(chart: ChartData, figures: Readonly<Record<string, FigureSpec>>): ChartContext {
  return {
    kind: chart.kind,
    kindName: KIND_NAMES[chart.kind],
    axisTitles: [...new Set(chart.series.map((s) => axisTitle(s.unit, s.scale)))],
    multiSeries: chart.series.length > 1,
    points: chart.categories.map((category, i) => ({
      category,
      values: chart.series.map((s) => ({ series: s.name, text: formatFigure(figures[s.figureIds[i]!]!) })),
    })),
    sourceIds: chart.series.flatMap((s) => s.figureIds.map((id) => figures[id]!.source)),
  };
}
