// The quote layout, placed: the statement on a panel with an accent bar, who said it, and context below.
import type { PlacedItem, Rect } from "../../model/layout.js";
import { SPACE, stack } from "../../layout/grid.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { contentFrame, fieldText, fittedBox, TYPE, type LayoutContext } from "../../layout/frame.js";

const ACCENT_IN = 0.08;

export function placeQuote(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const context = fieldText(slide, "context");
  // The panel takes three fifths of the body when context follows it, else all of it.
  const [panel, below] = stack(ctx.grid.rect(1, 12, BODY.yIn, BODY.hIn), context ? [{ fill: 3 }, { fill: 2 }] : [{ fill: 1 }], SPACE.lg) as [Rect, Rect | undefined];
  items.push(
    { kind: "shape", shape: "rect", ...panel, fill: colors.mist },
    { kind: "shape", shape: "rect", xIn: panel.xIn, yIn: panel.yIn, wIn: ACCENT_IN, hIn: panel.hIn, fill: colors.teal },
  );
  const attribution = fieldText(slide, "attribution");
  // Padding inside the panel: generous on a roomy body, tighter on a small one (a template's).
  const pad = panel.hIn >= 2.5 ? SPACE.lg : SPACE.sm;
  const inner = { ...ctx.grid.columns(2, 12), yIn: panel.yIn + pad, hIn: panel.hIn - 2 * pad };
  const [quoteBox, attributionBox] = stack(inner, attribution ? [{ fill: 1 }, { hIn: 0.45 }] : [{ fill: 1 }], SPACE.xs) as [Rect, Rect | undefined];
  items.push(fittedBox(ctx, slide, "quote", quoteBox, [{ text: fieldText(slide, "quote") }], { maxPt: 30, minPt: TYPE.bodyMinPt }, colors.navy, { valign: "middle" }));
  if (attribution && attributionBox) {
    items.push(fittedBox(ctx, slide, "attribution", attributionBox, [{ text: attribution }], { maxPt: 16, minPt: 16, maxLines: 1 }, colors.slate));
  }
  if (context && below) {
    items.push(fittedBox(ctx, slide, "context", below, [{ text: context }], { maxPt: TYPE.bodyMaxPt, minPt: TYPE.bodyMinPt }, colors.ink));
  }
  return items;
}
