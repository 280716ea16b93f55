// Build stage: native, editable charts (each with its embedded workbook) from figures. One function
// per chart kind; all share the house style (no border, data labels in the figure's format, the
// theme's series colours, a legend only for two series or more).
import type { ChartSeriesData } from "../model/deck.js";
import type { PlacedChart } from "../model/layout.js";
import type { Theme } from "../model/theme.js";
import { currencySymbol, SCALE_ABBREVIATION } from "../util/format.js";
import type { ChartData, ChartOpts, Pptx, PptxSlide } from "./pptx-lib.js";
import { xmlSafe } from "./safe-text.js";


/** Excel number format for a series' values: "$"General" bn", "#,##0", 0"%". */
export function numberFormat(s: Pick<ChartSeriesData, "unit" | "scale" | "values">): string {
  const symbol = currencySymbol(s.unit);
  // General shows 3 as "3" and 0.5 as "0.5": no invented precision, no trailing decimal point.
  const core = s.values.every((v) => Number.isInteger(v)) ? "#,##0" : "General";
  const scaled = s.scale ? `${core}" ${SCALE_ABBREVIATION[s.scale]}"` : core;
  if (symbol !== undefined) return `"${symbol.trim()}"${symbol.endsWith(" ") ? '" "' : ""}${scaled}`;
  if (s.unit === "percent") return `${core}"%"`;
  return scaled;
}

function seriesData(chart: PlacedChart, s: ChartSeriesData): ChartData {
  return { name: xmlSafe(s.name), labels: chart.data.categories.map(xmlSafe), values: [...s.values] };
}

function baseOptions(chart: PlacedChart, theme: Theme): ChartOpts {
  const { colors, fonts } = theme;
  const round = chart.data.kind === "pie" || chart.data.kind === "doughnut";
  // One colour per series (the brief: one accent per slide); pie and doughnut need one per point.
  const colorCount = round ? chart.data.categories.length : chart.data.series.length;
  return {
    x: chart.xIn, y: chart.yIn, w: chart.wIn, h: chart.hIn,
    altText: xmlSafe(chart.alt),
    showTitle: true, title: xmlSafe(chart.title), titleFontSize: 16, titleColor: colors.ink, titleFontFace: fonts.heading,
    // pptxgenjs picks colours with Math.random() when there are fewer colours than points (notes §1b).
    chartColors: Array.from({ length: colorCount }, (_, i) => chart.colors[i % chart.colors.length]!),
    showLegend: chart.data.series.length > 1, legendPos: "b", legendFontSize: chart.fontPt, legendFontFace: fonts.body, legendColor: colors.ink,
    showValue: chart.dataLabels, dataLabelFontSize: chart.fontPt, dataLabelFontFace: fonts.body, dataLabelColor: colors.ink,
    catAxisLabelColor: colors.ink, catAxisLabelFontSize: chart.fontPt, catAxisLabelFontFace: fonts.body,
    valAxisLabelColor: colors.slate, valAxisLabelFontSize: chart.fontPt, valAxisLabelFontFace: fonts.body,
    catAxisLineShow: true, catAxisLineColor: colors.rule,
    valGridLine: { style: "none" },
    plotArea: { fill: { color: colors.white } },
  };
}

function valueAxis(chart: PlacedChart, theme: Theme, series: ChartSeriesData, title: string | undefined): ChartOpts {
  return {
    valAxisLabelFormatCode: numberFormat(series), dataLabelFormatCode: numberFormat(series), dataTableFormatCode: numberFormat(series),
    ...(title ? { showValAxisTitle: true, valAxisTitle: xmlSafe(title), valAxisTitleFontSize: chart.fontPt, valAxisTitleColor: theme.colors.slate, valAxisTitleFontFace: theme.fonts.body } : {}),
  };
}

function addBarLike(pptx: Pptx, slide: PptxSlide, chart: PlacedChart, theme: Theme): void {
  const kind = chart.data.kind;
  const first = chart.data.series[0]!;
  slide.addChart(pptx.ChartType.bar, chart.data.series.map((s) => seriesData(chart, s)), {
    // Data labels carry each value in the figure's format, so the value axis would only repeat them;
    // when the labels do not fit, the axis (with its unit title and light gridlines) carries the values.
    ...baseOptions(chart, theme), ...valueAxis(chart, theme, first, chart.dataLabels ? undefined : chart.axisTitles[0]),
    valAxisHidden: chart.dataLabels,
    ...(chart.dataLabels ? {} : { valGridLine: { color: theme.colors.rule, size: 0.75 } }),
    barDir: kind === "bar" ? "bar" : "col", barGrouping: kind === "stacked-column" ? "stacked" : "clustered", barGapWidthPct: 80,
    dataLabelPosition: kind === "stacked-column" ? "ctr" : "outEnd",
    // Horizontal bars list categories top-down in the outline's order, and the value axis stays at
    // the bottom by crossing at the last category (pptxgenjs's types omit both values).
    ...(kind === "bar" ? ({ catAxisOrientation: "maxMin", catAxisCrossesAt: "max", valAxisLabelPos: "high" } as unknown as ChartOpts) : {}),
  });
}

function addLine(pptx: Pptx, slide: PptxSlide, chart: PlacedChart, theme: Theme): void {
  slide.addChart(pptx.ChartType.line, chart.data.series.map((s) => seriesData(chart, s)), {
    ...baseOptions(chart, theme), ...valueAxis(chart, theme, chart.data.series[0]!, chart.axisTitles[0]),
    lineSize: 2.5, lineDataSymbol: "circle", lineDataSymbolSize: 8, dataLabelPosition: "t",
  });
}

function addRound(pptx: Pptx, slide: PptxSlide, chart: PlacedChart, theme: Theme): void {
  const s = chart.data.series[0]!;
  slide.addChart(chart.data.kind === "pie" ? pptx.ChartType.pie : pptx.ChartType.doughnut, [seriesData(chart, s)], {
    ...baseOptions(chart, theme), showLegend: true, legendPos: "r", showPercent: false, showValue: chart.dataLabels,
    dataLabelFormatCode: numberFormat(s), dataLabelPosition: chart.data.kind === "pie" ? "bestFit" : undefined,
    dataLabelColor: theme.colors.white, ...(chart.data.kind === "doughnut" ? { holeSize: 55 } : {}),
  });
}

function addCombo(pptx: Pptx, slide: PptxSlide, chart: PlacedChart, theme: Theme): void {
  const [first, ...rest] = chart.data.series;
  const secondUnit = rest.find((s) => s.unit !== first!.unit) ?? rest[0]!;
  const onSecondary = (s: ChartSeriesData) => s.unit !== first!.unit;
  const bars = chart.data.series.filter((s) => !onSecondary(s));
  const lines = chart.data.series.filter(onSecondary);
  const base = baseOptions(chart, theme);
  // pptxgenjs takes a combo chart's options as its second argument; its types do not say so.
  const addMulti = slide.addChart.bind(slide) as unknown as (types: unknown[], options: ChartOpts) => void;
  addMulti([
    { type: pptx.ChartType.bar, data: bars.map((s) => seriesData(chart, s)), options: { barDir: "col", barGrouping: "clustered", chartColors: theme.chartColors.slice(0, bars.length) } },
    { type: pptx.ChartType.line, data: lines.map((s) => seriesData(chart, s)), options: { secondaryValAxis: true, secondaryCatAxis: true, chartColors: theme.chartColors.slice(bars.length, bars.length + lines.length) } },
  ], {
    ...base, dataLabelFormatCode: numberFormat(first!),
    valAxes: [
      { showValAxisTitle: true, valAxisTitle: xmlSafe(chart.axisTitles[0] ?? ""), valAxisLabelFormatCode: numberFormat(first!), valGridLine: { style: "none" } },
      { showValAxisTitle: true, valAxisTitle: xmlSafe(chart.axisTitles[1] ?? ""), valAxisLabelFormatCode: numberFormat(secondUnit), valGridLine: { style: "none" } },
    ],
    catAxes: [{ catAxisTitle: "" }, { catAxisHidden: true }],
  });
}

export function addChart(pptx: Pptx, slide: PptxSlide, chart: PlacedChart, theme: Theme): void {
  switch (chart.data.kind) {
    case "column": case "bar": case "stacked-column": return addBarLike(pptx, slide, chart, theme);
    case "line": return addLine(pptx, slide, chart, theme);
    case "pie": case "doughnut": return addRound(pptx, slide, chart, theme);
    case "combo": return addCombo(pptx, slide, chart, theme);
  }
}
