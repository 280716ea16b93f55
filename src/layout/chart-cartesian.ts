// Layout stage: charts on axes (columns, bars, stacked and 100% bars, waterfalls, lines, areas,
// combos, scatter). The plot area, the axis scales and every bar, point and label are placed here, in
// inches, so the chart is written with labels that fit and never collide: each chart tries its label
// placements in order and keeps the first that is clean, else shows value axes with gridlines.
import type { ChartData } from "../model/deck.js";
import type { AxisPlan, Hex, LabelBox, LabelPosition, Rect, SeriesPlan } from "../model/layout.js";
import type { Theme } from "../model/theme.js";
import { excelFormat, formatQuantity, unitCaption, type NumberStyle } from "../util/number-format.js";
import { box, inside, LABEL_GAP_IN, labelSize, MARKER_R_IN, overlaps, segmentCrosses, textOn } from "./chart-boxes.js";
import { assertNever } from "../util/assert-never.js";
import { CHART_KIND_PLANS } from "./chart-kinds.js";
import { niceScale, ticks, type AxisScale } from "./chart-scale.js";
import { lineHeightPt, textWidthPt, wrapLines } from "./measure-text.js";

const PAD_IN = 0.08;
const GAP_WIDTH_PCT = 80;
/** Category labels wrap to at most this many lines. */
const MAX_CATEGORY_LINES = 3;
/** Horizontal bar charts give their category labels at most this share of the width. */
const MAX_CATEGORY_SHARE = 0.38;
/** A banded combo chart keeps its bars below this share of the plot and its line in the band above. */
const BAR_BAND = 0.55;
const LINE_BAND = [0.68, 0.9] as const;

/** A series as the planner draws it: its values, type, colours and label texts. */
export interface DrawnSeries {
  readonly name: string;
  readonly values: ReadonlyArray<number | null>;
  readonly x?: readonly number[];
  readonly xFormat?: string;
  readonly type: "bar" | "line" | "area" | "scatter";
  readonly axis: "primary" | "secondary";
  readonly style: NumberStyle;
  readonly format: string;
  readonly color: Hex;
  readonly pointColors?: readonly Hex[];
  /** Drawn without fill or line and left out of the legend (a waterfall's base and label carrier). */
  readonly invisible?: boolean;
  /** Each point's label text (the value in the series' format), or undefined for no point. */
  readonly texts: ReadonlyArray<string | undefined>;
  /** Texts that replace a point's label (annotation, a scatter point's name, a waterfall step). */
  readonly customTexts?: ReadonlyArray<string | undefined>;
}

export interface CartesianRequest {
  readonly data: ChartData;
  readonly series: readonly DrawnSeries[];
  readonly wIn: number;
  readonly hIn: number;
  readonly fontPt: number;
  readonly theme: Theme;
  readonly legend: readonly string[];
}

export interface CartesianPlan {
  readonly series: SeriesPlan[];
  readonly axes: AxisPlan[];
  readonly plot: Rect;
  readonly legend?: Rect & { readonly position: "b" };
  readonly labelBoxes: LabelBox[];
  readonly bars?: { direction: "col" | "bar"; grouping: "clustered" | "stacked" | "percentStacked"; gapWidthPct: number; overlapPct: number };
  readonly lineGrouping?: "standard" | "stacked";
  /** Problems left on the chosen plan (0 when clean). */
  readonly problems: number;
  /** Category labels that cannot fit beside their bars without breaking a word. */
  readonly categoryOverflow: boolean;
}

/** Label positions for the bar series and for the line (and scatter) series of one try. */
interface Attempt { readonly bar: LabelPosition | null; readonly line: LabelPosition | null; readonly banded?: boolean }

const NONE: Attempt = { bar: null, line: null };

/** The label placements a chart kind tries, in order; the last (no value labels) always fits. */
function attemptsFor(kind: ChartData["kind"], hasLines: boolean): Attempt[] {
  switch (kind) {
    case "column": case "bar": return [{ bar: "outEnd", line: null }, NONE];
    case "stacked-column": case "stacked-bar": case "stacked-column-100": case "stacked-bar-100": return [{ bar: "ctr", line: null }, NONE];
    case "area": case "stacked-area": case "pie": case "doughnut": return [NONE];
    // A waterfall's labels ride on an invisible line along the bar tops, so every step is labelled above its bar.
    case "waterfall": return [{ bar: null, line: "t" }, NONE];
    case "line": return [{ bar: null, line: "t" }, { bar: null, line: "b" }, NONE];
    case "scatter": return [{ bar: null, line: "r" }, { bar: null, line: "t" }, NONE];
    case "combo": return hasLines
      ? [{ bar: "outEnd", line: "t", banded: true }, { bar: "inEnd", line: "t" }, { bar: "inEnd", line: null }, { bar: null, line: "t" }, NONE]
      : [NONE];
    default: return assertNever(kind, "chart kind");
  }
}

export function planCartesian(req: CartesianRequest): CartesianPlan {
  const attempts = attemptsFor(req.data.kind, req.series.some((s) => s.type === "line" && !s.invisible));
  let best: CartesianPlan | undefined;
  for (const attempt of attempts) {
    const plan = layoutAttempt(req, attempt);
    if (plan.problems === 0) return plan;
    if (!best || plan.problems < best.problems) best = plan;
  }
  return best!;
}

interface Scales { primary: AxisScale; secondary?: AxisScale; x?: AxisScale }

function layoutAttempt(req: CartesianRequest, attempt: Attempt): CartesianPlan {
  const { data, fontPt, theme } = req;
  const kind = data.kind;
  const { horizontal, percent, stacked } = CHART_KIND_PLANS[kind];
  const scatter = kind === "scatter";
  const barLike = req.series.some((s) => s.type === "bar" || s.type === "area");
  const lineH = lineHeightPt(fontPt) / 72;
  const n = data.categories.length;
  const positionOf = (s: DrawnSeries): LabelPosition | null => (s.type === "bar" ? attempt.bar : s.type === "area" ? null : attempt.line);
  const onAxis = (axis: DrawnSeries["axis"]) => req.series.filter((s) => s.axis === axis);
  // An axis is shown when something on it goes unlabelled (a waterfall's labels ride on its hidden line).
  const shown = (axis: DrawnSeries["axis"]) => scatter || (kind === "waterfall" ? attempt.line === null
    : onAxis(axis).some((s) => !s.invisible && positionOf(s) === null));
  const primaryShown = shown("primary");
  const secondarySeries = onAxis("secondary");
  const secondaryShown = secondarySeries.length > 0 && shown("secondary");

  // What each axis must show: stacks add up, 100% stacks run from 0 to 1.
  const extent = (list: readonly DrawnSeries[]): [number, number] => {
    if (percent) return [0, 1];
    const bars = list.filter((s) => s.type === "bar" && stacked);
    const rest = list.filter((s) => !(s.type === "bar" && stacked));
    let lo = Infinity; let hi = -Infinity;
    if (bars.length) {
      lo = 0; hi = 0;
      for (let c = 0; c < n; c++) {
        let pos = 0; let neg = 0;
        for (const s of bars) { const v = s.values[c] ?? 0; if (v >= 0) pos += v; else neg += v; }
        hi = Math.max(hi, pos); lo = Math.min(lo, neg);
      }
    }
    for (const v of rest.flatMap((s) => s.values.filter((x): x is number => x !== null))) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    return [lo, hi];
  };
  const primaryList = onAxis("primary");
  const [pLo, pHi] = extent(primaryList);
  const scales: Scales = { primary: percent ? { min: 0, max: 1, major: 0.25, decimals: 0 } : niceScale(pLo, pHi, { includeZero: barLike }) };
  if (secondarySeries.length) { const [lo, hi] = extent(secondarySeries); scales.secondary = niceScale(lo, hi, { includeZero: false }); }
  if (scatter) { const xs = req.series.flatMap((s) => s.x ?? []); scales.x = niceScale(Math.min(...xs), Math.max(...xs), { includeZero: false }); }

  const primaryStyle = primaryList.find((s) => !s.invisible)?.style ?? primaryList[0]!.style;
  const tickStyle = (s: NumberStyle, scale: AxisScale): NumberStyle => ({ ...s, decimals: scale.decimals });
  const tickText = (t: number, style: NumberStyle, scale: AxisScale) => (percent && style === primaryStyle ? `${Math.round(t * 100)}%` : formatQuantity(t, tickStyle(style, scale), "chart"));
  const tickWidth = (scale: AxisScale, style: NumberStyle) => Math.max(...ticks(scale).map((t) => textWidthPt(tickText(t, style, scale), fontPt))) / 72;

  // The frame: legend at the bottom, axis labels and captions around the plot.
  const legend = legendBox(req.legend, req.wIn, req.hIn, fontPt);
  let left = PAD_IN; let right = req.wIn - PAD_IN; const top = PAD_IN + lineH * 0.25;
  let bottom = req.hIn - PAD_IN - (legend ? legend.hIn + 0.1 : 0);
  let categoryOverflow = false;
  const captionW = lineH + 0.06;
  if (scatter) {
    left += tickWidth(scales.primary, primaryStyle) + 0.1 + captionW;
    bottom -= lineH + 0.08 + captionW;
    right -= Math.max(0.15, tickWidth(scales.x!, xStyleOf(req)) / 2);
  } else if (horizontal) {
    const natural = Math.max(...data.categories.map((c) => textWidthPt(c, fontPt) / 72)) + 0.06;
    const catW = Math.min(natural, req.wIn * MAX_CATEGORY_SHARE);
    left += catW + 0.1;
    const lines = Math.max(...data.categories.map((c) => wrapLines(c, fontPt, catW * 72).length));
    categoryOverflow = wordsWiderThan(data.categories, fontPt, catW);
    if (primaryShown) bottom -= lineH + 0.08 + captionW;
    right -= 0.1;
    if (lines * lineH > (bottom - top) / n + 1e-9) categoryOverflow = true;
  } else {
    if (primaryShown) left += tickWidth(scales.primary, primaryStyle) + 0.1 + captionW;
    right -= secondaryShown ? tickWidth(scales.secondary!, secondarySeries[0]!.style) + 0.1 + captionW : 0.1;
    const slotW = (right - left) / n;
    const wrapped = data.categories.map((c) => wrapLines(c, fontPt, (slotW - 0.08) * 72));
    const lines = Math.max(...wrapped.map((l) => l.length));
    categoryOverflow = wordsWiderThan(data.categories, fontPt, slotW - 0.08) || lines > MAX_CATEGORY_LINES;
    bottom -= Math.min(MAX_CATEGORY_LINES, lines) * lineH + 0.1;
  }
  const plot: Rect = { xIn: left, yIn: top, wIn: Math.max(0.5, right - left), hIn: Math.max(0.5, bottom - top) };

  // Without an axis the scale is fitted to the data, with room for labels beyond the bars.
  const roomFor = (list: readonly DrawnSeries[], scale: AxisScale, axisShown: boolean): AxisScale => {
    if (axisShown || percent) return scale;
    const positions = new Set(list.map(positionOf));
    const outside = positions.has("outEnd") || positions.has("t") || positions.has("b") || positions.has("r") || list.some((s) => s.customTexts);
    const [lo0, hi0] = extent(list);
    const pointsOnly = !list.some((s) => s.type === "bar" || s.type === "area");
    const lo = pointsOnly ? lo0 - (hi0 - lo0) * 0.05 : Math.min(0, lo0);
    const hi = pointsOnly ? hi0 + (hi0 - lo0) * 0.05 : Math.max(0, hi0);
    const widest = Math.max(0, ...list.flatMap((s) => s.texts.map((t, i) => (t ? labelSize(s.customTexts?.[i] ?? t, fontPt).wIn : 0))));
    const along = horizontal ? plot.wIn : plot.hIn;
    const need = (horizontal ? widest : lineH) + LABEL_GAP_IN + (pointsOnly ? MARKER_R_IN : 0);
    const k = outside ? need / along : pointsOnly ? (MARKER_R_IN + 0.05) / along : 0;
    const above = hi0 > 0 || pointsOnly ? k : 0;
    const below = lo0 < 0 || pointsOnly ? k : 0;
    if (above + below >= 0.9) return scale;
    const span = (hi - lo || Math.abs(hi) || 1) / (1 - above - below);
    return { ...scale, min: lo - below * span, max: hi + above * span };
  };
  scales.primary = roomFor(primaryList, scales.primary, primaryShown);
  if (scales.secondary) scales.secondary = roomFor(secondarySeries, scales.secondary, secondaryShown);
  if (attempt.banded && scales.secondary && !primaryShown && !secondaryShown) band(scales, extent(primaryList), extent(secondarySeries));

  const geometry = placeMarks(req, plot, scales, { horizontal, stacked, percent });
  const boxes: LabelBox[] = [];
  let problems = categoryOverflow ? 1 : 0;
  const frame: Rect = { xIn: 0, yIn: 0, wIn: req.wIn, hIn: req.hIn };
  const clearOf = (b: LabelBox, inFill: boolean, own: Rect): number =>
    (inside(b, frame) ? 0 : 1) + (inFill ? (inside(b, own, 0.02) ? 0 : 1) : geometry.bars.filter((r) => overlaps(b, r, 0)).length)
    + geometry.segments.filter(([a, z]) => segmentCrosses(a, z, b)).length + boxes.filter((o) => overlaps(o, b)).length;
  const seriesPlans: SeriesPlan[] = req.series.map((s, k) => {
    const position = positionOf(s);
    const custom = s.customTexts?.some((t) => t !== undefined) ?? false;
    const onlyCustom = custom && (position === null || s.invisible === true);
    const pointColors: Hex[] = [];
    let used: LabelPosition | undefined = position ?? undefined;
    if ((position !== null && !s.invisible) || custom) {
      s.texts.forEach((text, i) => {
        const shownText = s.customTexts?.[i] ?? (onlyCustom ? undefined : text);
        const value = s.values[i];
        if (shownText === undefined || value === null || value === undefined) { pointColors.push(theme.colors.ink); return; }
        const mark = geometry.marks[k]![i]!;
        const fill = s.pointColors?.[i] ?? s.color;
        // A label placed beside its value: an annotation tries the other sides before giving up.
        const tries: LabelPosition[] = onlyCustom && position === null ? (s.type === "bar" ? ["outEnd", "inEnd"] : ["t", "r", "b", "l"]) : [position ?? (s.type === "bar" ? "outEnd" : "t")];
        let placed: { b: LabelBox; cost: number; color: Hex; pos: LabelPosition } | undefined;
        for (const pos of tries) {
          const inFill = s.type === "bar" && (pos === "inEnd" || pos === "ctr" || pos === "inBase");
          const color = inFill ? textOn(fill, theme.colors.ink, theme.colors.white) : theme.colors.ink;
          const b = labelAt(shownText, fontPt, mark, pos, horizontal, value < 0 && s.type === "bar", color, inFill ? fill : theme.colors.white);
          const cost = clearOf(b, inFill, mark);
          if (!placed || cost < placed.cost) placed = { b, cost, color, pos };
          if (cost === 0) break;
        }
        problems += placed!.cost;
        boxes.push(placed!.b);
        pointColors.push(placed!.color);
        used = placed!.pos;
      });
    }
    const uniform = pointColors.every((c) => c === theme.colors.ink);
    return {
      name: s.name, values: s.values, ...(s.x ? { x: s.x, ...(s.xFormat ? { xFormat: s.xFormat } : {}) } : {}), type: s.type === "area" ? "area" : s.type, axis: s.axis, format: s.format, color: s.color,
      ...(s.pointColors ? { pointColors: s.pointColors } : {}), ...(s.invisible ? { invisible: true } : {}),
      ...(used !== undefined && (custom || position !== null) ? {
        labels: {
          position: used, color: theme.colors.ink, ...(uniform ? {} : { pointColors }),
          ...(s.customTexts ? { pointText: s.customTexts } : {}), ...(onlyCustom ? { onlyCustom: true } : {}),
        },
      } : {}),
    };
  });

  const captionOf = (style: NumberStyle) => (percent ? "%" : unitCaption(style));
  const axes: AxisPlan[] = [];
  if (scatter) {
    const xs = scales.x!;
    const xStyle = xStyleOf(req);
    axes.push({ role: "x", side: "b", visible: true, ...range(xs), format: excelFormat(tickStyle(xStyle, xs)), title: unitCaption(xStyle), gridlines: false });
    axes.push({ role: "value", side: "l", visible: true, ...range(scales.primary), format: excelFormat(tickStyle(primaryStyle, scales.primary)), title: captionOf(primaryStyle), gridlines: true });
  } else {
    axes.push({ role: "category", side: horizontal ? "l" : "b", visible: true, gridlines: false, ...(horizontal ? { reversed: true } : {}) });
    axes.push({
      role: "value", side: horizontal ? "b" : "l", visible: primaryShown, ...range(scales.primary),
      format: percent ? "0%" : excelFormat(tickStyle(primaryStyle, scales.primary)), title: captionOf(primaryStyle), gridlines: primaryShown,
    });
    if (scales.secondary) {
      const style = secondarySeries[0]!.style;
      axes.push({ role: "category", side: "b", visible: false, gridlines: false, secondary: true });
      axes.push({ role: "value", side: "r", visible: secondaryShown, ...range(scales.secondary), format: excelFormat(tickStyle(style, scales.secondary)), title: captionOf(style), gridlines: false, secondary: true });
    }
  }
  const bars = req.series.some((s) => s.type === "bar");
  return {
    series: seriesPlans, axes, plot, labelBoxes: boxes, problems, categoryOverflow,
    ...(legend ? { legend: { ...legend, position: "b" as const } } : {}),
    ...(bars ? { bars: { direction: horizontal ? "bar" : "col", grouping: percent ? "percentStacked" : stacked ? "stacked" : "clustered", gapWidthPct: GAP_WIDTH_PCT, overlapPct: stacked ? 100 : 0 } } : {}),
    ...(kind === "stacked-area" ? { lineGrouping: "stacked" as const } : {}),
  };
}

/** A banded combo: bars in the lower part of the plot, the line in a band above them. */
function band(scales: Scales, [, barHi]: [number, number], [lineLo, lineHi]: [number, number]): void {
  const p = scales.primary;
  if (barHi > 0) scales.primary = { ...p, min: Math.min(0, p.min), max: barHi / BAR_BAND };
  const spread = lineHi - lineLo || Math.abs(lineHi) || 1;
  const span = spread / (LINE_BAND[1] - LINE_BAND[0]);
  const min = lineLo - LINE_BAND[0] * span;
  scales.secondary = { ...scales.secondary!, min, max: min + span };
}

function range(s: AxisScale): { min: number; max: number; majorUnit: number } {
  return { min: s.min, max: s.max, majorUnit: s.major };
}

function xStyleOf(req: CartesianRequest): NumberStyle {
  return req.data.series[0]!.x!.style;
}

function wordsWiderThan(texts: readonly string[], fontPt: number, wIn: number): boolean {
  return texts.some((t) => t.split(/\s+/).some((w) => textWidthPt(w, fontPt) / 72 > wIn));
}

/** A bottom legend: entries laid out in rows across the frame. */
function legendBox(entries: readonly string[], wIn: number, hIn: number, fontPt: number): Rect | undefined {
  if (entries.length < 2) return undefined;
  const lineH = lineHeightPt(fontPt) / 72;
  const avail = wIn - 2 * PAD_IN;
  let rows = 1; let used = 0;
  for (const e of entries) {
    const w = 0.3 + textWidthPt(e, fontPt) / 72 + 0.3;
    if (used > 0 && used + w > avail) { rows++; used = 0; }
    used += w;
  }
  const h = rows * lineH * 1.15 + 0.08;
  return { xIn: PAD_IN, yIn: hIn - PAD_IN - h, wIn: avail, hIn: h };
}

type Point = readonly [number, number];

interface Geometry {
  /** Per series, per point: the bar (or the marker's box) the label belongs to. */
  readonly marks: Rect[][];
  /** Every visible bar, for labels outside bars to keep clear of. */
  readonly bars: Rect[];
  /** Every visible line segment, for labels to keep clear of. */
  readonly segments: Array<readonly [Point, Point]>;
}

/** Where each bar and point lands in the plot, as the renderer draws it (OOXML gap width and overlap). */
function placeMarks(req: CartesianRequest, plot: Rect, scales: Scales, opts: { horizontal: boolean; stacked: boolean; percent: boolean }): Geometry {
  const n = req.data.categories.length;
  const barSeries = req.series.filter((s) => s.type === "bar");
  const slots = opts.stacked ? 1 : Math.max(1, barSeries.length);
  const slot = (opts.horizontal ? plot.hIn : plot.wIn) / n;
  const barW = slot / (slots + GAP_WIDTH_PCT / 100);
  const coord = (v: number, scale: AxisScale) => opts.horizontal
    ? plot.xIn + ((v - scale.min) / (scale.max - scale.min)) * plot.wIn
    : plot.yIn + ((scale.max - v) / (scale.max - scale.min)) * plot.hIn;
  const totals = Array.from({ length: n }, (_, c) => barSeries.reduce((t, s) => t + Math.abs(s.values[c] ?? 0), 0));
  const posBase = new Array<number>(n).fill(0);
  const negBase = new Array<number>(n).fill(0);
  const marks: Rect[][] = [];
  const bars: Rect[] = [];
  const segments: Array<readonly [Point, Point]> = [];
  let barIndex = 0;
  for (const s of req.series) {
    const scale = s.axis === "secondary" && scales.secondary ? scales.secondary : scales.primary;
    const row: Rect[] = [];
    if (s.type === "bar") {
      const k = opts.stacked ? 0 : barIndex++;
      for (let c = 0; c < n; c++) {
        const raw = s.values[c] ?? 0;
        const v = opts.percent ? (totals[c] ? raw / totals[c]! : 0) : raw;
        const from = opts.stacked ? (v >= 0 ? posBase[c]! : negBase[c]!) : 0;
        const to = from + v;
        if (opts.stacked) { if (v >= 0) posBase[c] = to; else negBase[c] = to; }
        const across = (opts.horizontal ? plot.yIn : plot.xIn) + c * slot + (slot - slots * barW) / 2 + k * barW;
        const a = coord(from, scale); const b = coord(to, scale);
        const r: Rect = opts.horizontal
          ? { xIn: Math.min(a, b), yIn: across, wIn: Math.abs(b - a), hIn: barW }
          : { xIn: across, yIn: Math.min(a, b), wIn: barW, hIn: Math.abs(b - a) };
        row.push(r);
        if (!s.invisible && s.values[c] !== null) bars.push(r);
      }
    } else {
      let previous: Point | undefined;
      for (let c = 0; c < n; c++) {
        const v = s.values[c] ?? 0;
        const cx = s.type === "scatter" && s.x && scales.x
          ? plot.xIn + ((s.x[c]! - scales.x.min) / (scales.x.max - scales.x.min)) * plot.wIn
          : plot.xIn + (c + 0.5) * slot;
        const cy = coord(v, scale);
        row.push({ xIn: cx - MARKER_R_IN, yIn: cy - MARKER_R_IN, wIn: 2 * MARKER_R_IN, hIn: 2 * MARKER_R_IN });
        if (s.type === "line" && !s.invisible && previous) segments.push([previous, [cx, cy]]);
        previous = [cx, cy];
      }
    }
    marks.push(row);
  }
  return { marks, bars, segments };
}

/** A label's box at its position relative to its bar or marker; a negative bar's end is its other side. */
function labelAt(text: string, fontPt: number, mark: Rect, pos: LabelPosition, horizontal: boolean, negative: boolean, color: Hex, background: Hex): LabelBox {
  const cx = mark.xIn + mark.wIn / 2;
  const cy = mark.yIn + mark.hIn / 2;
  const g = LABEL_GAP_IN;
  const end = horizontal ? (negative ? mark.xIn : mark.xIn + mark.wIn) : (negative ? mark.yIn + mark.hIn : mark.yIn);
  const base = horizontal ? (negative ? mark.xIn + mark.wIn : mark.xIn) : (negative ? mark.yIn : mark.yIn + mark.hIn);
  const forward = !negative;
  switch (pos) {
    case "outEnd": return horizontal
      ? box(text, fontPt, forward ? { left: end + g, cy } : { right: end - g, cy }, color, background)
      : box(text, fontPt, forward ? { cx, bottom: end - g } : { cx, top: end + g }, color, background);
    case "inEnd": return horizontal
      ? box(text, fontPt, forward ? { right: end - g, cy } : { left: end + g, cy }, color, background)
      : box(text, fontPt, forward ? { cx, top: end + g } : { cx, bottom: end - g }, color, background);
    case "inBase": return horizontal
      ? box(text, fontPt, forward ? { left: base + g, cy } : { right: base - g, cy }, color, background)
      : box(text, fontPt, forward ? { cx, bottom: base - g } : { cx, top: base + g }, color, background);
    case "ctr": return box(text, fontPt, { cx, cy }, color, background);
    case "t": return box(text, fontPt, { cx, bottom: mark.yIn - g }, color, background);
    case "b": return box(text, fontPt, { cx, top: mark.yIn + mark.hIn + g }, color, background);
    case "r": return box(text, fontPt, { left: mark.xIn + mark.wIn + g, cy }, color, background);
    case "l": return box(text, fontPt, { right: mark.xIn - g, cy }, color, background);
    default: return assertNever(pos, "label position");
  }
}
