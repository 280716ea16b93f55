// The chart layout, placed: the chart across the body, or beside a takeaway panel.
import type { PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { chartBlock } from "../../layout/chart-block.js";
import { contentFrame, fieldText, fittedBox, TYPE, type LayoutContext } from "../../layout/frame.js";

export function placeChart(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const takeaway = fieldText(slide, "takeaway");
  const area = ctx.grid.rect(1, takeaway ? 8 : 12, BODY.yIn, BODY.hIn);
  const chart = slide.charts?.[0];
  if (chart) items.push(...chartBlock(ctx, slide, chart, area));
  if (takeaway) {
    const panel = ctx.grid.rect(9, 12, BODY.yIn, area.hIn);
    items.push({ kind: "shape", shape: "rect", ...panel, fill: colors.mist });
    items.push({ kind: "shape", shape: "rect", ...panel, hIn: 0.06, fill: colors.teal });
    items.push(fittedBox(ctx, slide, "takeaway", { xIn: panel.xIn + 0.25, yIn: panel.yIn + 0.35, wIn: panel.wIn - 0.5, hIn: panel.hIn - 0.6 },
      [{ text: takeaway }], { maxPt: TYPE.bodyMaxPt, minPt: TYPE.bodyMinPt }, colors.ink));
  }
  return items;
}
