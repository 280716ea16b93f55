// The two-charts layout, placed: a chart on each half of the grid. When both draw the same series (by
// name, two or more), neither draws its own legend: one legend runs beneath both.
import type { ChartData } from "../../model/deck.js";
import type { PlacedChart, PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { chartBlock } from "../../layout/chart-block.js";
import { CHART_KIND_PLANS } from "../../layout/chart-kinds.js";
import { contentFrame, para, textBox, TYPE, type LayoutContext } from "../../layout/frame.js";
import { SPACE } from "../../layout/grid.js";
import { lineHeightPt, textWidthPt } from "../../layout/measure-text.js";

const SWATCH_IN = 0.16;

export function placeTwoCharts(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { items, body } = contentFrame(ctx, slide);
  const charts = slide.charts ?? [];
  const shared = sharesSeries(charts);
  const legendH = shared ? lineHeightPt(TYPE.chartPt) / 72 + SPACE.md : 0;
  const halves = [ctx.grid.rect(1, 6, body.yIn, body.hIn - legendH), ctx.grid.rect(7, 12, body.yIn, body.hIn - legendH)];
  charts.forEach((chart, i) => items.push(...chartBlock(ctx, slide, chart, halves[i]!, { index: i, legend: !shared })));
  if (shared) {
    const placed = items.find((it): it is PlacedChart => it.kind === "chart")!;
    const entries = placed.series.filter((s) => !s.invisible).map((s) => ({ name: s.name, color: s.color }));
    items.push(...legendRow(ctx, entries, body.yIn + body.hIn - legendH + SPACE.sm));
  }
  return items;
}

/** Both charts draw the same two or more series, in the same order, on axes (a pie's legend is its categories). */
function sharesSeries(charts: readonly ChartData[]): boolean {
  if (charts.length !== 2) return false;
  const [a, b] = charts as [ChartData, ChartData];
  const names = (c: ChartData) => c.series.map((s) => s.name).join("\u0000");
  return a.series.length >= 2 && names(a) === names(b)
    && CHART_KIND_PLANS[a.kind].family === "cartesian" && CHART_KIND_PLANS[b.kind].family === "cartesian" && a.kind !== "waterfall" && b.kind !== "waterfall";
}

/** A legend centred across the grid: a swatch and a name per series. */
function legendRow(ctx: LayoutContext, entries: ReadonlyArray<{ name: string; color: string }>, yIn: number): PlacedItem[] {
  const lineH = lineHeightPt(TYPE.chartPt) / 72;
  const widths = entries.map((e) => SWATCH_IN + SPACE.sm + textWidthPt(e.name, TYPE.chartPt) / 72 / 0.96);
  const total = widths.reduce((a, b) => a + b, 0) + SPACE.lg * (entries.length - 1);
  const span = ctx.grid.columns(1, 12);
  let x = span.xIn + Math.max(0, (span.wIn - total) / 2);
  const items: PlacedItem[] = [];
  entries.forEach((e, i) => {
    items.push({ kind: "shape", shape: "rect", xIn: x, yIn: yIn + (lineH - SWATCH_IN) / 2, wIn: SWATCH_IN, hIn: SWATCH_IN, fill: e.color });
    items.push(textBox("chart-legend", { xIn: x + SWATCH_IN + SPACE.sm, yIn, wIn: widths[i]! - SWATCH_IN - SPACE.sm, hIn: lineH }, [para(e.name)], TYPE.chartPt, ctx.theme.colors.ink, { valign: "middle" }));
    x += widths[i]! + SPACE.lg;
  });
  return items;
}
