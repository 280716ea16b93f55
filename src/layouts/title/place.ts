// The title slide, placed: title, subtitle and byline on the left, the cover image to the right edge.
import type { PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { fieldText, fittedBox, TYPE, type LayoutContext } from "../../layout/frame.js";

export function placeTitle(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const items: PlacedItem[] = [];
  if (slide.image) {
    const x = ctx.grid.columns(8, 8).xIn;
    items.push({ kind: "image", xIn: x, yIn: 0, wIn: Math.round((ctx.grid.wIn - x) * 1000) / 1000, hIn: ctx.grid.hIn, path: slide.image.path, alt: fieldText(slide, "cover-alt"), pos: slide.image.pos });
  }
  const to = slide.image ? 7 : 11;
  items.push({ kind: "shape", shape: "rect", ...ctx.grid.rect(1, 1, 1.45, 0.08), wIn: 1.2, fill: colors.navy });
  const kicker = fieldText(slide, "kicker");
  if (kicker) {
    items.push(fittedBox(ctx, slide, "kicker", ctx.grid.rect(1, to, 1.65, 0.35), [{ text: kicker, bold: true }],
      { maxPt: TYPE.kickerPt, minPt: TYPE.kickerPt, maxLines: 1 }, colors.teal, { bold: true, charSpacingPt: 1.5 }));
  }
  items.push(fittedBox(ctx, slide, "title", ctx.grid.rect(1, to, 2.05, 2.2), [{ text: fieldText(slide, "title"), bold: true }],
    { maxPt: TYPE.coverTitleMaxPt, minPt: TYPE.coverTitleMinPt, maxLines: 3 }, colors.ink, { bold: true, placeholder: "title", valign: "bottom" }));
  const subtitle = fieldText(slide, "subtitle");
  if (subtitle) {
    items.push(fittedBox(ctx, slide, "subtitle", ctx.grid.rect(1, to, 4.4, 1.1), [{ text: subtitle }], { maxPt: 22, minPt: 18, maxLines: 3 }, colors.slate));
  }
  items.push(fittedBox(ctx, slide, "byline", ctx.grid.rect(1, to, 5.75, 0.45), [{ text: fieldText(slide, "byline") }], { maxPt: 16, minPt: 16, maxLines: 1 }, colors.ink));
  const marking = fieldText(slide, "marking");
  if (marking) {
    items.push(fittedBox(ctx, slide, "marking", ctx.grid.rect(1, to, 6.95, 0.3), [{ text: marking.toLocaleUpperCase("en-GB"), bold: true }],
      { maxPt: TYPE.footerPt, minPt: TYPE.footerPt, maxLines: 1 }, colors.slate, { bold: true, charSpacingPt: 1 }));
  }
  return items;
}
