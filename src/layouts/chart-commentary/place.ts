// The chart-commentary layout, placed: the chart on seven columns, the commentary on the other five
// under a short accent rule, spread down the body (and set larger when it is short).
import type { PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { bulletBox, clampedBullets, INDENT_PT } from "../../layout/bullets.js";
import { chartBlock } from "../../layout/chart-block.js";
import { lineWidthPt } from "../../layout/fit-text.js";
import { contentFrame, fieldList, hyphenateWide, overflow, TYPE, type LayoutContext } from "../../layout/frame.js";
import { SPACE } from "../../layout/grid.js";

export function placeChartCommentary(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body } = contentFrame(ctx, slide);
  const chart = slide.charts?.[0];
  if (chart) items.push(...chartBlock(ctx, slide, chart, ctx.grid.rect(1, 7, body.yIn, body.hIn)));
  const column = ctx.grid.rect(8, 12, body.yIn, body.hIn);
  items.push({ kind: "shape", shape: "rect", xIn: column.xIn, yIn: column.yIn, wIn: Math.min(0.9, column.wIn), hIn: 0.06, fill: colors.teal });
  const area = { ...column, yIn: column.yIn + SPACE.md, hIn: column.hIn - SPACE.md };
  const fields = hyphenateWide(ctx, slide, "commentary", fieldList(slide, "bullet"),
    (f) => lineWidthPt(area, { indentPt: INDENT_PT[f.attrs["level"] === 2 ? 1 : 0] }), TYPE.bodyMinPt);
  const box = bulletBox(ctx, "commentary", area, fields, true) ?? (overflow(ctx, slide, "commentary"), { ...clampedBullets(ctx, area, fields), role: "commentary" });
  items.push(box);
  return items;
}
