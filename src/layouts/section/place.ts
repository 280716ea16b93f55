// A section divider, placed: the number large, a rule, the name and its gist on the dark background.
import type { PlacedItem, Rect } from "../../model/layout.js";
import { SPACE, stack } from "../../layout/grid.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { fieldText, fittedBox, footer, para, textBox, type LayoutContext } from "../../layout/frame.js";

const BAR_IN = 0.06;

export function placeSection(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  // Stacked from the top of the body zone: the number, an accent bar, the section's name, its gist.
  const [number, bar, title, gistBox] = stack(ctx.grid.rect(1, 11, ctx.grid.zones.body.yIn, ctx.grid.zones.body.hIn), [
    { hIn: 1.1 }, { hIn: BAR_IN }, { hIn: 1.5 }, { hIn: 1.2 },
  ], SPACE.md / 2 + SPACE.xs) as [Rect, Rect, Rect, Rect];
  const items: PlacedItem[] = [
    textBox("section-number", { ...number, wIn: ctx.grid.columns(1, 4).wIn }, [para(fieldText(slide, "number"))], 66, colors.accentOnNavy, { bold: true, valign: "bottom" }),
    { kind: "shape", shape: "rect", ...bar, wIn: Math.min(1.2, bar.wIn), fill: colors.accentOnNavy },
    fittedBox(ctx, slide, "title", title, [{ text: fieldText(slide, "title"), bold: true, heading: true }],
      { maxPt: 40, minPt: 28, maxLines: 2 }, colors.white, { bold: true, placeholder: "title" }),
  ];
  const gist = fieldText(slide, "gist");
  if (gist) items.push(fittedBox(ctx, slide, "gist", { ...gistBox, wIn: ctx.grid.columns(1, 10).wIn }, [{ text: gist }], { maxPt: 22, minPt: 18, maxLines: 2 }, colors.onNavy));
  return [...items, ...footer(ctx, slide, colors.onNavy)];
}
