// A section divider, placed: the number large, a rule, the name and its gist on the dark background.
import type { PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { fieldText, fittedBox, footer, para, textBox, type LayoutContext } from "../../layout/frame.js";

export function placeSection(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const items: PlacedItem[] = [
    textBox("section-number", ctx.grid.rect(1, 4, 1.9, 1.1), [para(fieldText(slide, "number"))], 66, colors.accentOnNavy, { bold: true, valign: "bottom" }),
    { kind: "shape", shape: "rect", ...ctx.grid.rect(1, 1, 3.15, 0.06), wIn: 1.2, fill: colors.accentOnNavy },
    fittedBox(ctx, slide, "title", ctx.grid.rect(1, 11, 3.35, 1.5), [{ text: fieldText(slide, "title"), bold: true }],
      { maxPt: 40, minPt: 28, maxLines: 2 }, colors.white, { bold: true, placeholder: "title" }),
  ];
  const gist = fieldText(slide, "gist");
  if (gist) items.push(fittedBox(ctx, slide, "gist", ctx.grid.rect(1, 10, 4.95, 1.2), [{ text: gist }], { maxPt: 22, minPt: 18, maxLines: 2 }, colors.onNavy));
  return [...items, ...footer(ctx, slide, colors.onNavy)];
}
