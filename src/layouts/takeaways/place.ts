// The takeaways layout, placed: numbered rows, each a bold point over a line of support.
import type { PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { measureAt } from "../../layout/fit-text.js";
import { contentFrame, fieldList, fittedBox, overflow, para, textBox, TYPE, type LayoutContext } from "../../layout/frame.js";

/** Space between a takeaway's point and its support line, and the most space between rows. */
const TAKEAWAY_INNER_IN = 0.06;
const TAKEAWAY_MAX_GAP_IN = 0.55;

/**
 * Takeaways: numbered rows, each a bold point over a line of support. Every row is measured at one
 * size for points and one for supports (the largest at which all rows fit); the space left is shared
 * between the rows, so the list fills the slide without cutting a word.
 */
export function placeTakeaways(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const points = fieldList(slide, "point");
  const textW = ctx.grid.rect(2, 12, 0, 0).wIn;
  const rows = points.map((point, i) => ({
    point: point.text,
    support: fieldList(slide, "support", (f) => f.attrs["group"] === i)[0]?.text ?? "",
    number: fieldList(slide, "number", (f) => f.attrs["group"] === i)[0]?.text ?? String(i + 1),
  }));
  const heightOf = (text: string, pt: number, bold: boolean) => measureAt({ paragraphs: [{ text, bold }], wIn: textW, hIn: 0, maxPt: 0, minPt: 0 }, pt).heightIn;
  const minGap = 0.22;
  const total = (pointPt: number, supportPt: number) => rows.reduce((h, r) => h + heightOf(r.point, pointPt, true) + TAKEAWAY_INNER_IN + heightOf(r.support, supportPt, false), 0) + minGap * (rows.length - 1);
  let pointPt: number = TYPE.bodyMaxPt;
  let supportPt = 18;
  while (total(pointPt, supportPt) > BODY.hIn && (pointPt > TYPE.bodyMinPt || supportPt > TYPE.bodyMinPt)) {
    if (supportPt > TYPE.bodyMinPt && supportPt >= pointPt - 2) supportPt--; else pointPt--;
  }
  const used = total(pointPt, supportPt);
  const gap = rows.length > 1 ? Math.min(TAKEAWAY_MAX_GAP_IN, minGap + Math.max(0, BODY.hIn - used) / (rows.length - 1)) : 0;
  const fits = used <= BODY.hIn + 1e-9;
  // Too long even at 16 pt: each row keeps its share of the body, its point at most 3/5 of it, and
  // what does not fit is cut with a warning; nothing runs past the body.
  const rowRoom = (BODY.hIn - minGap * (rows.length - 1)) / rows.length;
  let y = BODY.yIn;
  rows.forEach((row, i) => {
    const pointH = fits ? heightOf(row.point, pointPt, true) : Math.min(heightOf(row.point, pointPt, true), rowRoom * 0.6);
    const supportH = fits ? heightOf(row.support, supportPt, false) : Math.max(0, rowRoom - pointH - TAKEAWAY_INNER_IN);
    if (i > 0) items.push({ kind: "shape", shape: "line", ...ctx.grid.rect(1, 12, y - gap / 2, 0), line: { color: colors.rule, widthPt: 0.75 } });
    items.push(textBox("takeaway-number", ctx.grid.rect(1, 1, y - 0.04, Math.min(0.55, Math.max(pointH, 0.5))), [para(row.number)], 28, colors.teal, { bold: true }));
    items.push(fittedBox(ctx, slide, "takeaway-point", ctx.grid.rect(2, 12, y, pointH + 0.02), [{ text: row.point, bold: true }], { maxPt: pointPt, minPt: pointPt, maxLines: 3 }, colors.ink, { bold: true }));
    y += pointH + TAKEAWAY_INNER_IN;
    if (supportH > 0.05) items.push(fittedBox(ctx, slide, "takeaway-support", ctx.grid.rect(2, 12, y, supportH + 0.02), [{ text: row.support }], { maxPt: supportPt, minPt: supportPt }, colors.slate));
    else if (row.support) overflow(ctx, slide, "takeaway-support");
    y += supportH + gap;
  });
  return items;
}
