// A section divider, placed: the number large, a rule, the name and its gist on the dark background.
import type { PlacedItem, Rect } from "../../model/layout.js";
import { SPACE, stack } from "../../layout/grid.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { fitText } from "../../layout/fit-text.js";
import { fieldText, fittedBox, footer, para, textBox, titleRect, type LayoutContext } from "../../layout/frame.js";

const BAR_IN = 0.06;

export function placeSection(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  if (ctx.onTemplate) return placeSectionOnTemplate(ctx, slide);
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

/**
 * A divider on an organisation's template (its Section Header layout): the number above the title
 * placeholder's band (as large as the room there allows), the name in it, the gist in its text's.
 */
function placeSectionOnTemplate(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const z = ctx.grid.zones;
  const items: PlacedItem[] = [];
  // The number above the title's band where the template leaves room; at the top of the band if the
  // band holds both; else at the head of the body, over the gist (a slim band keeps the name alone).
  const title = fieldText(slide, "title");
  const numberTop = Math.max(0.2, z.title.yIn - 1.2);
  const above = z.title.yIn - 0.1 - numberTop >= 0.5;
  const inBandH = Math.min(0.9, z.title.hIn * 0.4);
  const titleFits = (hIn: number) => fitText({ paragraphs: [{ text: title, bold: true, heading: true }], wIn: titleRect(ctx, 0, 0).wIn, hIn, maxPt: 40, minPt: 24, maxLines: 2 }).fits;
  const where = above ? "above" : titleFits(z.title.hIn - inBandH - 0.05) ? "band" : "body";
  const numberH = where === "above" ? z.title.yIn - 0.1 - numberTop : where === "band" ? inBandH : Math.min(1.0, z.body.hIn * 0.35);
  const numberY = where === "above" ? numberTop : where === "band" ? z.title.yIn : z.body.yIn;
  const numberBox = { ...(where === "body" ? ctx.grid.rect(1, 4, numberY, numberH) : titleRect(ctx, numberY, numberH)), wIn: ctx.grid.columns(1, 4).wIn };
  const titleBand = where === "band" ? { yIn: z.title.yIn + numberH + 0.05, hIn: z.title.hIn - numberH - 0.05 } : z.title;
  items.push(fittedBox(ctx, slide, "section-number", numberBox, [{ text: fieldText(slide, "number"), bold: true }], { maxPt: 66, minPt: 16, maxLines: 1 }, colors.accentOnNavy, { bold: true, valign: "bottom" }));
  items.push(fittedBox(ctx, slide, "title", titleRect(ctx, titleBand.yIn, titleBand.hIn), [{ text: title, bold: true, heading: true }],
    { maxPt: 40, minPt: 24, maxLines: 2 }, colors.title ?? colors.ink, { bold: true, placeholder: "title" }));
  const gist = fieldText(slide, "gist");
  const gistTop = where === "body" ? numberY + numberH + 0.15 : z.body.yIn;
  if (gist) items.push(fittedBox(ctx, slide, "gist", ctx.grid.rect(1, 12, gistTop, Math.min(z.body.yIn + z.body.hIn - gistTop, 1.6)), [{ text: gist }], { maxPt: 22, minPt: 16, maxLines: 3 }, colors.onNavy));
  return [...items, ...footer(ctx, slide, colors.onNavy)];
}
