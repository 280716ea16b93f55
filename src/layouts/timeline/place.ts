// The timeline layout, placed: dots on a line, dates above, labels below, one size for every label.
import type { PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { contentFrame, fieldList, fitOrCut, fittedBox, hyphenated, inGroup, overflow, para, textBox, TYPE, type LayoutContext } from "../../layout/frame.js";

export function placeTimeline(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const dates = fieldList(slide, "date");
  const n = dates.length;
  const lineY = BODY.yIn + 1.75;
  const span = ctx.grid.columns(1, 12);
  const slotW = span.wIn / n;
  items.push({ kind: "shape", shape: "line", xIn: span.xIn, yIn: lineY, wIn: span.wIn, hIn: 0, line: { color: colors.rule, widthPt: 2 } });
  const labelW = slotW - 0.25;
  const labelH = BODY.yIn + BODY.hIn - (lineY + 0.4);
  const sizes = { maxPt: 18, minPt: TYPE.bodyMinPt };
  // One size for every label; a label too long even at 16 pt is cut with "…" (and warned about).
  const fitted = dates.map((_, i) => fitOrCut([{ text: fieldList(slide, "label", inGroup(i))[0]?.text ?? "" }], { xIn: 0, yIn: 0, wIn: labelW, hIn: labelH }, sizes));
  if (fitted.some((f) => f.cut)) overflow(ctx, slide, "timeline labels");
  else if (fitted.some((f) => f.hyphenated)) hyphenated(ctx, slide, "timeline labels", Math.min(...fitted.map((f) => f.fontPt)));
  const labels = fitted.map((f) => f.texts[0]?.text ?? "");
  const fit = Math.min(...fitted.map((f) => f.fontPt));
  dates.forEach((d, i) => {
    const cx = span.xIn + slotW * (i + 0.5);
    const x = cx - labelW / 2;
    items.push({ kind: "shape", shape: "ellipse", xIn: cx - 0.13, yIn: lineY - 0.13, wIn: 0.26, hIn: 0.26, fill: i === n - 1 ? colors.teal : colors.navy });
    items.push(fittedBox(ctx, slide, "timeline-date", { xIn: x, yIn: lineY - 1.0, wIn: labelW, hIn: 0.75 }, [{ text: d.text, bold: true }],
      { maxPt: 20, minPt: TYPE.bodyMinPt, maxLines: 2 }, colors.navy, { bold: true, align: "center", valign: "bottom" }));
    items.push(textBox("timeline-label", { xIn: x, yIn: lineY + 0.4, wIn: labelW, hIn: labelH }, [para(labels[i]!)], fit, colors.ink, { align: "center" }));
  });
  return items;
}
