// Layout stage: ChartData -> PlacedChart, the chart as it will be drawn: series colours (the accent
// on a highlighted category or series, the rest muted), each series' number format and label texts,
// a waterfall's hidden base, and the placement of plot, axes, legend and labels.
import { DeckError } from "../errors.js";
import type { ChartData, ChartSeriesData } from "../model/deck.js";
import type { Hex, PlacedChart, Rect } from "../model/layout.js";
import type { Theme } from "../model/theme.js";
import { excelFormat, formatQuantity, type NumberStyle } from "../util/number-format.js";
import { planCartesian, type DrawnSeries } from "./chart-cartesian.js";
import { CHART_KIND_PLANS } from "./chart-kinds.js";
import { HOLE_SIZE_PCT, planRound } from "./chart-round.js";

export interface ChartPlanRequest {
  readonly data: ChartData;
  readonly frame: Rect;
  readonly fontPt: number;
  readonly theme: Theme;
  readonly alt: string;
  /** False when the slide draws one legend for several charts (cartesian charts only). */
  readonly legend?: boolean;
  /** Told about labels that could not be placed; the chart is still drawn. */
  readonly warn: (e: Omit<ConstructorParameters<typeof DeckError>[0], "pos">) => void;
}

export function planChart(req: ChartPlanRequest): PlacedChart {
  const { data, frame, fontPt, theme } = req;
  const base = { kind: "chart" as const, ...frame, data, alt: req.alt, fontPt };
  if (CHART_KIND_PLANS[data.kind].family === "round") {
    const s = data.series[0]!;
    const colors = data.categories.map((_, i) => pointColor(data, theme, 0, i) ?? theme.chartColors[i % theme.chartColors.length]!);
    const round = planRound({
      data, texts: s.values.map((v) => formatQuantity(v, s.style, "chart")), format: excelFormat(s.style), colors,
      wIn: frame.wIn, hIn: frame.hIn, fontPt, theme, ...(annotationTexts(data, 0) ? { customTexts: annotationTexts(data, 0)! } : {}),
    });
    if (!round.labelled) {
      req.warn({
        code: "CHART_LABELS", severity: "warning", message: `the ${data.kind} chart's values do not fit on or beside its slices, so they are not labelled`,
        hint: "use a bar chart for many or small shares; the values stay in the chart's data and alt text",
      });
    }
    return { ...base, series: round.series, axes: [], plot: round.plot, legend: round.legend, labelBoxes: round.labelBoxes, ...(data.kind === "doughnut" ? { holeSizePct: HOLE_SIZE_PCT } : {}) };
  }
  const drawn = data.kind === "waterfall" ? waterfallSeries(data, theme) : data.series.map((s, k) => drawnSeries(data, s, k, theme));
  const legend = req.legend === false ? [] : drawn.filter((s) => !s.invisible && s.values.some((v) => v !== null)).map((s) => s.name);
  const plan = planCartesian({ data, series: drawn, wIn: frame.wIn, hIn: frame.hIn, fontPt, theme, legend });
  if (plan.categoryOverflow) {
    req.warn({
      code: "TEXT_OVERFLOW", severity: "warning", message: `a category label of the chart does not fit beside its ${data.kind.includes("bar") ? "bar" : "column"} without breaking a word`,
      hint: data.kind === "column" ? "shorten the labels, or draw it as `kind: bar`" : "shorten the category labels",
    });
  } else if (plan.problems > 0) {
    req.warn({
      code: "CHART_LABELS", severity: "warning", message: "an annotation on the chart could not be placed clear of the other marks",
      hint: "shorten the annotation, or put the remark in the takeaway",
    });
  }
  return {
    ...base, series: plan.series, axes: plan.axes, plot: plan.plot, labelBoxes: plan.labelBoxes,
    ...(plan.legend ? { legend: plan.legend } : {}), ...(plan.bars ? { bars: plan.bars } : {}), ...(plan.lineGrouping ? { lineGrouping: plan.lineGrouping } : {}),
  };
}

/** The fill of one point when emphasis sets it: the highlighted category in its series colour, the rest muted. */
function pointColor(data: ChartData, theme: Theme, k: number, i: number): Hex | undefined {
  const h = data.highlight;
  if (!h) return undefined;
  if ("category" in h) return i === h.category ? (data.series.length === 1 ? theme.chartColors[0]! : theme.chartColors[k % theme.chartColors.length]!) : theme.colors.muted;
  return k === h.series ? theme.chartColors[0]! : theme.colors.muted;
}

function annotationTexts(data: ChartData, k: number): Array<string | undefined> | undefined {
  const a = data.annotation;
  if (!a || a.series !== k) return undefined;
  const s = data.series[k]!;
  return data.categories.map((_, i) => (i === a.category ? `${formatQuantity(s.values[i]!, s.style, "chart")} · ${a.text}` : undefined));
}

function drawnSeries(data: ChartData, s: ChartSeriesData, k: number, theme: Theme): DrawnSeries {
  const planned = CHART_KIND_PLANS[data.kind].series;
  // A combo draws its first unit as bars and the second (or, with one unit, the later series) as lines.
  const type = data.kind === "combo" ? (s.axis === "secondary" || (k > 0 && data.series.every((x) => x.axis === "primary")) ? "line" : "bar")
    : planned === "pie" || planned === "doughnut" ? "bar" : planned;
  const seriesHighlight = data.highlight && "series" in data.highlight;
  const color = seriesHighlight ? pointColor(data, theme, k, 0)! : theme.chartColors[k % theme.chartColors.length]!;
  const points = data.highlight && "category" in data.highlight ? data.categories.map((_, i) => pointColor(data, theme, k, i)!) : undefined;
  const custom = data.kind === "scatter" ? data.categories.map((c, i) => (data.annotation?.category === i && data.annotation.series === k ? `${c} · ${data.annotation.text}` : c)) : annotationTexts(data, k);
  return {
    name: s.name, values: s.values, ...(s.x ? { x: s.x.values, xFormat: excelFormat(s.x.style) } : {}), type, axis: s.axis, style: s.style, format: excelFormat(s.style), color,
    ...(points ? { pointColors: points } : {}),
    texts: s.values.map((v) => formatQuantity(v, s.style, "chart")),
    ...(custom ? { customTexts: custom } : {}),
  };
}

/**
 * A waterfall as stacked columns: an invisible base lifts each step to where the running total
 * stands; increases, decreases and totals are three series, so each keeps its colour and its
 * signed number format ("+$2.0 bn", "-$1.5 bn"), and the workbook shows the same columns.
 */
function waterfallSeries(data: ChartData, theme: Theme): DrawnSeries[] {
  const s = data.series[0]!;
  const totals = data.totals ?? [];
  const n = s.values.length;
  const baseVals: Array<number | null> = []; const up: Array<number | null> = []; const down: Array<number | null> = []; const tot: Array<number | null> = [];
  const tops: number[] = []; const labels: string[] = [];
  let running = 0;
  for (let i = 0; i < n; i++) {
    const v = s.values[i]!;
    const text = formatQuantity(Math.abs(v), s.style, "chart");
    if (totals[i]) { baseVals.push(null); up.push(null); down.push(null); tot.push(v); running = v; tops.push(v); labels.push(formatQuantity(v, s.style, "chart")); continue; }
    tot.push(null);
    if (v >= 0) { baseVals.push(clean(running)); up.push(v); down.push(null); tops.push(clean(running + v)); labels.push(`+${text}`); }
    else { baseVals.push(clean(running + v)); up.push(null); down.push(clean(-v)); tops.push(running); labels.push(`-${text}`); }
    running = clean(running + v);
  }
  const signed = (style: NumberStyle, sign: "+" | "-") => {
    const positive = excelFormat(style).split(";")[0]!;
    return `"${sign}"${positive};-${positive}`;
  };
  // A step's other series hold 0 there, not a blank: Apache POI 4.0.1 reads a chart cache by position,
  // so a cache that leaves points out (as Excel may) is misread or throws. A zero segment draws nothing.
  const make = (name: string, values: Array<number | null>, color: Hex, format: string, text: (v: number) => string, invisible = false): DrawnSeries => ({
    name, values: values.map((v) => v ?? 0), type: "bar", axis: "primary", style: s.style, format, color, ...(invisible ? { invisible: true } : {}),
    texts: values.map((v) => (v === null ? undefined : text(v))),
  });
  // The labels ride on an invisible line along the bar tops, so each step is labelled above its bar
  // whatever its size; the workbook names that column for what it is.
  const carrier: DrawnSeries = {
    name: "Label position (hidden)", values: tops, type: "line", axis: "primary", style: s.style, format: excelFormat(s.style),
    color: theme.colors.ink, invisible: true, texts: labels, customTexts: labels,
  };
  return [
    make("Base (hidden)", baseVals, theme.colors.white, excelFormat(s.style), (v) => formatQuantity(v, s.style, "chart"), true),
    make("Increase", up, theme.colors.green, signed(s.style, "+"), (v) => `+${formatQuantity(v, s.style, "chart")}`),
    make("Decrease", down, theme.colors.red, signed(s.style, "-"), (v) => `-${formatQuantity(v, s.style, "chart")}`),
    make("Total", tot, theme.chartColors[0]!, excelFormat(s.style), (v) => formatQuantity(v, s.style, "chart")),
    carrier,
  ];
}

function clean(v: number): number {
  return Number(v.toPrecision(12));
}
