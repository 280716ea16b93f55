// The quote layout, placed: the statement on a panel with an accent bar, who said it, and context below.
import type { PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { contentFrame, fieldText, fittedBox, TYPE, type LayoutContext } from "../../layout/frame.js";

export function placeQuote(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const panel = ctx.grid.rect(1, 12, BODY.yIn, 3.1);
  items.push(
    { kind: "shape", shape: "rect", ...panel, fill: colors.mist },
    { kind: "shape", shape: "rect", xIn: panel.xIn, yIn: panel.yIn, wIn: 0.08, hIn: panel.hIn, fill: colors.teal },
  );
  const attribution = fieldText(slide, "attribution");
  const quoteH = attribution ? 2.1 : 2.6;
  items.push(fittedBox(ctx, slide, "quote", ctx.grid.rect(2, 12, panel.yIn + 0.3, quoteH), [{ text: fieldText(slide, "quote") }],
    { maxPt: 30, minPt: 20 }, colors.navy, { valign: "middle" }));
  if (attribution) {
    items.push(fittedBox(ctx, slide, "attribution", ctx.grid.rect(2, 12, panel.yIn + 0.35 + quoteH, 0.45), [{ text: attribution }],
      { maxPt: 16, minPt: 16, maxLines: 1 }, colors.slate));
  }
  const context = fieldText(slide, "context");
  if (context) {
    items.push(fittedBox(ctx, slide, "context", ctx.grid.rect(1, 12, panel.yIn + panel.hIn + 0.3, BODY.hIn - panel.hIn - 0.35), [{ text: context }],
      { maxPt: TYPE.bodyMaxPt, minPt: TYPE.bodyMinPt }, colors.ink));
  }
  return items;
}
