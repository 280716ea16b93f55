// Layout stage: a chart with its title and unit line, planned into a rectangle (chart layouts share it).
import { DeckError } from "../errors.js";
import type { ChartData } from "../model/deck.js";
import type { PlacedChart, PlacedItem, Rect } from "../model/layout.js";
import type { RenderedSlide } from "../model/rendered.js";
import { isCurrency, isScalable, unitCaption } from "../util/number-format.js";
import { planChart } from "./chart-plan.js";
import { measureAt } from "./fit-text.js";
import { fieldList, fittedBox, TYPE, type LayoutContext } from "./frame.js";

/**
 * A chart with its title above it (a fitted text box, so a long title never runs into the plot) and,
 * where its labels alone would not say the unit (a counted noun with no axis shown), a unit line.
 */
export function chartBlock(ctx: LayoutContext, slide: RenderedSlide, chart: ChartData, area: Rect, opts: { index?: number; legend?: boolean } = {}): PlacedItem[] {
  const { colors } = ctx.theme;
  const items: PlacedItem[] = [];
  let y = area.yIn;
  // A slide with several charts writes each one's fields with `chart=@index`; one chart needs no index.
  const index = opts.index ?? 0;
  const own = (name: string) => fieldList(slide, name, (f) => (f.attrs["chart"] ?? 0) === index);
  const title = own("chart-title")[0]?.text ?? "";
  if (title) {
    const t = fittedBox(ctx, slide, "chart-title", { ...area, hIn: 0.62 }, [{ text: title, bold: true }], { maxPt: 16, minPt: 14, maxLines: 2 }, colors.ink, { bold: true });
    const used = measureAt({ paragraphs: [{ text: t.paragraphs[0]?.runs[0]?.text ?? title, bold: true }], wIn: area.wIn, hIn: 0, maxPt: 0, minPt: 0 }, t.fontPt).heightIn;
    items.push({ ...t, hIn: Math.min(0.62, used + 0.04) });
    y += Math.min(0.62, used + 0.04) + 0.06;
  }
  const frame = { xIn: area.xIn, yIn: y, wIn: area.wIn, hIn: area.yIn + area.hIn - y };
  const plan = (f: Rect) => planChart({
    data: chart, frame: f, fontPt: TYPE.chartPt, theme: ctx.theme, alt: own("alt")[0]?.text ?? "", legend: opts.legend ?? true,
    warn: (e) => ctx.warn(new DeckError({ ...e, pos: slide.pos })),
  });
  let placed = plan(frame);
  const axisTitles = own("axis").map((f) => f.text);
  const unitLine = unitLineFor(placed, axisTitles);
  if (unitLine) {
    items.push(fittedBox(ctx, slide, "chart-unit", { xIn: area.xIn, yIn: y, wIn: area.wIn, hIn: 0.3 }, [{ text: unitLine }], { maxPt: TYPE.chartPt, minPt: TYPE.chartPt, maxLines: 1 }, colors.slate));
    placed = plan({ ...frame, yIn: frame.yIn + 0.32, hIn: frame.hIn - 0.32 });
  }
  // Axis captions come from the template (chart.axisTitles), in axis order: primary, then secondary.
  let k = 0;
  const axes = placed.axes.map((a) => (a.role === "category" ? a : { ...a, ...(axisTitles[k] !== undefined ? { title: axisTitles[k++]! } : {}) }));
  items.push({ ...placed, axes });
  return items;
}

/** The unit, in words, for a chart whose labels show bare numbers and whose value axis is hidden. */
function unitLineFor(chart: PlacedChart, axisTitles: readonly string[]): string | undefined {
  const bare = chart.data.series.filter((s) => isScalable(s.style.unit) && !isCurrency(s.style.unit));
  if (bare.length === 0 || chart.data.kind === "scatter") return undefined;
  const valueAxes = chart.axes.filter((a) => a.role === "value");
  if (valueAxes.length > 0 && valueAxes.every((a) => a.visible)) return undefined;
  const captions = [...new Set(bare.map((s) => unitCaption(s.style)))];
  return axisTitles.filter((t) => captions.includes(t)).join(" · ") || captions.join(" · ");
}
