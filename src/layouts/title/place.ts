// The title slide, placed: title, subtitle and byline on the left, the cover image to the right edge.
import type { PlacedItem, Rect } from "../../model/layout.js";
import { SPACE, stack } from "../../layout/grid.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { DeckError } from "../../errors.js";
import { fitText } from "../../layout/fit-text.js";
import { fieldText, fittedBox, titleRect, TYPE, type LayoutContext } from "../../layout/frame.js";

/** The cover's text column runs between these heights (inches from the top). */
const COVER = { topIn: 1.45, bottomIn: 6.3 } as const;
const BAR_IN = 0.08;

export function placeTitle(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  if (ctx.onTemplate) return placeTitleOnTemplate(ctx, slide);
  const { colors } = ctx.theme;
  const items: PlacedItem[] = [];
  if (slide.image) {
    const x = ctx.grid.columns(8, 8).xIn;
    items.push({ kind: "image", xIn: x, yIn: 0, wIn: Math.round((ctx.grid.wIn - x) * 1000) / 1000, hIn: ctx.grid.hIn, path: slide.image.path, alt: fieldText(slide, "cover-alt"), pos: slide.image.pos });
  }
  const to = slide.image ? 7 : 11;
  // Stacked down the text column: accent bar, kicker, the title (bottom-aligned in the room it is
  // given, so a short title sits just above its subtitle), subtitle, byline.
  const [bar, kickerBox, titleBox, subtitleBox, bylineBox] = stack(ctx.grid.rect(1, to, COVER.topIn, COVER.bottomIn - COVER.topIn), [
    { hIn: BAR_IN }, { hIn: 0.35 }, { fill: 1 }, { hIn: 1.1 }, { hIn: 0.45 },
  ], SPACE.sm) as [Rect, Rect, Rect, Rect, Rect];
  items.push({ kind: "shape", shape: "rect", ...bar, wIn: Math.min(1.2, bar.wIn), fill: colors.navy });
  const kicker = fieldText(slide, "kicker");
  if (kicker) {
    items.push(fittedBox(ctx, slide, "kicker", kickerBox, [{ text: kicker, bold: true }],
      { maxPt: TYPE.kickerPt, minPt: TYPE.kickerPt, maxLines: 1 }, colors.teal, { bold: true, charSpacingPt: 1.5 }));
  }
  items.push(fittedBox(ctx, slide, "title", titleBox, [{ text: fieldText(slide, "title"), bold: true, heading: true }],
    { maxPt: TYPE.coverTitleMaxPt, minPt: TYPE.coverTitleMinPt, maxLines: 3 }, colors.ink, { bold: true, placeholder: "title", valign: "bottom" }));
  const subtitle = fieldText(slide, "subtitle");
  if (subtitle) {
    items.push(fittedBox(ctx, slide, "subtitle", subtitleBox, [{ text: subtitle }], { maxPt: 22, minPt: 18, maxLines: 3 }, colors.slate));
  }
  items.push(fittedBox(ctx, slide, "byline", bylineBox, [{ text: fieldText(slide, "byline") }], { maxPt: 16, minPt: 16, maxLines: 1 }, colors.ink));
  const marking = fieldText(slide, "marking");
  if (marking) {
    items.push(fittedBox(ctx, slide, "marking", ctx.grid.rect(1, to, ctx.grid.zones.footer.yIn, ctx.grid.zones.footer.hIn), [{ text: marking.toLocaleUpperCase("en-GB"), bold: true }],
      { maxPt: TYPE.footerPt, minPt: TYPE.footerPt, maxLines: 1 }, colors.slate, { bold: true, charSpacingPt: 1 }));
  }
  return items;
}

/**
 * The title slide on an organisation's template: the title in its title placeholder's band, subtitle
 * and byline in its subtitle's, the marking in its footer's, and the cover image in its picture
 * placeholder (a template without one shows no cover, and the build says so).
 */
function placeTitleOnTemplate(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const z = ctx.grid.zones;
  const items: PlacedItem[] = [];
  if (slide.image && z.picture) {
    items.push({ kind: "image", ...z.picture, path: slide.image.path, alt: fieldText(slide, "cover-alt"), pos: slide.image.pos });
  } else if (slide.image) {
    ctx.warn(new DeckError({
      code: "TEMPLATE_NOTE", severity: "note", pos: slide.image.pos,
      message: "the template's title slide has no picture placeholder, so the cover image is not shown",
      hint: "add a picture placeholder to the template's Title Slide layout, or leave `cover` out",
    }));
  }
  const kicker = fieldText(slide, "kicker");
  if (kicker) {
    items.push(fittedBox(ctx, slide, "kicker", titleRect(ctx, z.kicker.yIn, z.kicker.hIn), [{ text: kicker, bold: true }],
      { maxPt: TYPE.kickerPt, minPt: TYPE.kickerPt, maxLines: 1 }, colors.kicker ?? colors.teal, { bold: true, charSpacingPt: 1.5 }));
  }
  // A title too long for the template's title box at 24 pt runs on down into the subtitle's room
  // (at most half of it), and the subtitle starts under it: the deck's title is never cut short.
  const title = fieldText(slide, "title");
  const titleW = titleRect(ctx, 0, 0).wIn;
  const needed = fitText({ paragraphs: [{ text: title, bold: true, heading: true }], wIn: titleW, hIn: 10, maxPt: 24, minPt: 24, maxLines: 3 }).heightIn + 0.05;
  const below = z.body.yIn >= z.title.yIn + z.title.hIn - 0.05;
  const grow = below ? Math.min(Math.max(0, needed - z.title.hIn), z.body.hIn / 2) : 0;
  items.push(fittedBox(ctx, slide, "title", titleRect(ctx, z.title.yIn, z.title.hIn + grow), [{ text: title, bold: true, heading: true }],
    { maxPt: TYPE.coverTitleMaxPt, minPt: 24, maxLines: 3 }, colors.title ?? colors.ink, { bold: true, placeholder: "title", valign: "bottom" }));
  const subtitle = fieldText(slide, "subtitle");
  const bodyTop = Math.max(z.body.yIn, z.title.yIn + z.title.hIn + grow + (grow > 0 ? SPACE.sm : 0));
  const [subtitleBox, bylineBox] = stack(ctx.grid.rect(1, 12, bodyTop, z.body.yIn + z.body.hIn - bodyTop), [{ fill: 1 }, { hIn: 0.45 }], SPACE.sm) as [Rect, Rect];
  if (subtitle) items.push(fittedBox(ctx, slide, "subtitle", subtitleBox, [{ text: subtitle }], { maxPt: 22, minPt: 16, maxLines: 3 }, colors.slate));
  items.push(fittedBox(ctx, slide, "byline", bylineBox, [{ text: fieldText(slide, "byline") }], { maxPt: 16, minPt: 16, maxLines: 1 }, colors.ink));
  const marking = fieldText(slide, "marking");
  if (marking) {
    items.push(fittedBox(ctx, slide, "marking", z.footer, [{ text: marking.toLocaleUpperCase("en-GB"), bold: true }],
      { maxPt: TYPE.footerPt, minPt: TYPE.footerPt, maxLines: 1 }, colors.footer ?? colors.slate, { bold: true, charSpacingPt: 1 }));
  }
  return items;
}
