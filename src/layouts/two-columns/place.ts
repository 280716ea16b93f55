// The two-columns layout, placed: two headed lists at one type size, so they read as a pair.
import type { PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { bulletBox, bulletFits, bulletParas, clampedBullets, INDENT_PT } from "../../layout/bullets.js";
import { fitText, lineWidthPt } from "../../layout/fit-text.js";
import { contentFrame, fieldList, fittedBox, hyphenateWide, overflow, textBox, TYPE, type LayoutContext } from "../../layout/frame.js";

export function placeTwoColumns(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const sides = [{ side: "left", from: 1, to: 6 }, { side: "right", from: 7, to: 12 }] as const;
  const headH = 0.5;
  const bodies = sides.map(({ side, from, to }) => ({
    side, from, to,
    fields: hyphenateWide(ctx, slide, "columns", fieldList(slide, "bullet", (f) => f.attrs["side"] === side),
      (f) => lineWidthPt(ctx.grid.rect(from, to, 0, 0), { indentPt: INDENT_PT[f.attrs["level"] === 2 ? 1 : 0] }), TYPE.bodyMinPt),
  }));
  // One size for both columns, so they read as a pair.
  const fits = bodies.map((b) => fitText({
    paragraphs: bulletFits(b.fields), wIn: ctx.grid.rect(b.from, b.to, 0, 0).wIn, hIn: BODY.hIn - headH - 0.15,
    maxPt: TYPE.bodyMaxPt, minPt: TYPE.bodyMinPt, floorPt: TYPE.bodyMinPt,
  }));
  const size = Math.min(...fits.map((f) => f.fontPt));
  if (fits.some((f) => !f.fits)) overflow(ctx, slide, "columns");
  for (const b of bodies) {
    const heading = fieldList(slide, "heading", (f) => f.attrs["side"] === b.side)[0]?.text ?? "";
    items.push(fittedBox(ctx, slide, `heading-${b.side}`, ctx.grid.rect(b.from, b.to, BODY.yIn, headH - 0.08), [{ text: heading, bold: true }],
      { maxPt: 20, minPt: 16, maxLines: 1 }, colors.teal, { bold: true, valign: "bottom" }));
    items.push({ kind: "shape", shape: "line", ...ctx.grid.rect(b.from, b.to, BODY.yIn + headH, 0), line: { color: colors.teal, widthPt: 1.5 } });
    const area = ctx.grid.rect(b.from, b.to, BODY.yIn + headH + 0.15, BODY.hIn - headH - 0.15);
    items.push(bulletBox(ctx, `bullets-${b.side}`, area, b.fields) && fits.every((f) => f.fits)
      ? textBox(`bullets-${b.side}`, area, bulletParas(b.fields, ctx, size), size, colors.ink)
      : { ...clampedBullets(ctx, area, b.fields), role: `bullets-${b.side}` });
  }
  return items;
}
