// The two-columns layout, placed: two headed lists at one type size, so they read as a pair.
import type { PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { bulletBoxAt, bulletSetting, clampedBullets, INDENT_PT, spreadAt } from "../../layout/bullets.js";
import { lineWidthPt } from "../../layout/fit-text.js";
import { contentFrame, fieldList, fittedBox, hyphenateWide, overflow, TYPE, type LayoutContext } from "../../layout/frame.js";
import { SPACE } from "../../layout/grid.js";

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
  const areaOf = (b: (typeof bodies)[number]) => ctx.grid.rect(b.from, b.to, BODY.yIn + headH + SPACE.sm, BODY.hIn - headH - SPACE.sm);
  // One size for both columns, so they read as a pair (a short pair sized up); each spread down its column.
  const settings = bodies.map((b) => bulletSetting(areaOf(b), b.fields, true));
  const fits = settings.every((x) => x !== undefined);
  if (!fits) overflow(ctx, slide, "columns");
  const size = Math.min(...settings.map((x) => x?.fontPt ?? TYPE.bodyMinPt));
  for (const b of bodies) {
    const heading = fieldList(slide, "heading", (f) => f.attrs["side"] === b.side)[0]?.text ?? "";
    items.push(fittedBox(ctx, slide, `heading-${b.side}`, ctx.grid.rect(b.from, b.to, BODY.yIn, headH - 0.08), [{ text: heading, bold: true }],
      { maxPt: 20, minPt: 16, maxLines: 1 }, colors.teal, { bold: true, valign: "bottom" }));
    items.push({ kind: "shape", shape: "line", ...ctx.grid.rect(b.from, b.to, BODY.yIn + headH, 0), line: { color: colors.teal, widthPt: 1.5 } });
    const area = areaOf(b);
    const spread = fits ? spreadAt(area, b.fields, size) : undefined;
    items.push(spread
      ? bulletBoxAt(ctx, `bullets-${b.side}`, area, b.fields, { fontPt: size, spaceEm: spread.spaceEm })
      : { ...clampedBullets(ctx, area, b.fields), role: `bullets-${b.side}` });
  }
  return items;
}
