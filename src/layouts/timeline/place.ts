// The timeline layout, placed: a line across the middle of the body, a dot per milestone, and its
// date and label on alternate sides (above, below, above…), so each label has the width of two slots
// and the milestones use the whole body. One size for every label; a stem joins each date to its dot.
import type { PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { measureAt } from "../../layout/fit-text.js";
import { contentFrame, fieldList, fitOrCut, fittedBox, hyphenated, inGroup, overflow, para, textBox, TYPE, type LayoutContext } from "../../layout/frame.js";
import { SPACE } from "../../layout/grid.js";
import { lineHeightPt } from "../../layout/measure-text.js";

const DOT_IN = 0.26;
const STEM_IN = 0.3;
const DATE = { maxPt: 24, minPt: TYPE.bodyMinPt } as const;
// Labels up to a step above body size: a timeline of a few short milestones fills its body.
const LABEL = { maxPt: 24, minPt: TYPE.bodyMinPt } as const;

export function placeTimeline(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body } = contentFrame(ctx, slide);
  const dates = fieldList(slide, "date");
  const n = dates.length;
  const span = ctx.grid.columns(1, 12);
  const slotW = span.wIn / n;
  const lineY = body.yIn + body.hIn / 2;
  items.push({ kind: "shape", shape: "line", xIn: span.xIn, yIn: lineY, wIn: span.wIn, hIn: 0, line: { color: colors.rule, widthPt: 2 } });
  // Neighbours sit on the other side of the line, so a label may take two slots' width, centred on its
  // dot. At an end of the line the label runs from the span's edge inwards (a slot and a half, clear
  // of the next label on its side), aligned to that edge; its date stays centred on the dot.
  const boxOf = (i: number) => {
    const cx = span.xIn + slotW * (i + 0.5);
    const halfW = Math.min(slotW - SPACE.md / 2, cx - span.xIn, span.xIn + span.wIn - cx);
    const date = { x: cx - halfW, w: 2 * halfW };
    if (n < 3 || (i > 0 && i < n - 1)) return { cx, date, x: date.x, w: date.w, align: "center" as const };
    const w = Math.min(span.wIn, 1.5 * slotW - SPACE.md / 2);
    return { cx, date, x: i === 0 ? span.xIn : span.xIn + span.wIn - w, w, align: i === 0 ? "left" as const : "right" as const };
  };
  const labels = dates.map((_, i) => fieldList(slide, "label", inGroup(i))[0]?.text ?? "");
  const half = body.hIn / 2 - DOT_IN / 2 - STEM_IN;
  // The dates as large as the labels allow: each step down gives the labels more room. A date takes
  // one line, or two if it needs them.
  const settle = (datePt: number) => {
    const dateLines = Math.max(1, ...dates.map((d, i) => Math.min(2, measureAt({ paragraphs: [{ text: d.text, bold: true }], wIn: boxOf(i).date.w, hIn: 0, maxPt: datePt, minPt: datePt }, datePt).lines)));
    const dateH = (dateLines * lineHeightPt(datePt)) / 72 + 0.04;
    const labelH = half - dateH - SPACE.sm;
    // One size for every label; a label too long even at 16 pt is cut with "…" (and warned about).
    const fitted = labels.map((text, i) => fitOrCut([{ text }], { xIn: 0, yIn: 0, wIn: boxOf(i).w, hIn: labelH }, LABEL));
    return { datePt, dateLines, dateH, labelH, fitted };
  };
  const settings = [DATE.maxPt, 20, DATE.minPt].map(settle);
  const { datePt, dateLines, dateH, labelH, fitted } = settings.find((x) => !x.fitted.some((f) => f.cut)) ?? settings[settings.length - 1]!;
  if (fitted.some((f) => f.cut)) overflow(ctx, slide, "timeline labels");
  else if (fitted.some((f) => f.hyphenated)) hyphenated(ctx, slide, "timeline labels", Math.min(...fitted.map((f) => f.fontPt)));
  const labelPt = Math.min(...fitted.map((f) => f.fontPt));
  dates.forEach((d, i) => {
    const { cx, x, w: labelW, date, align } = boxOf(i);
    const above = i % 2 === 0;
    const label = fitted[i]!.texts[0]?.text ?? "";
    const usedH = Math.min(labelH, measureAt({ paragraphs: [{ text: label }], wIn: labelW, hIn: 0, maxPt: labelPt, minPt: labelPt }, labelPt).heightIn);
    items.push({ kind: "shape", shape: "line", xIn: cx, yIn: above ? lineY - STEM_IN - DOT_IN / 2 : lineY + DOT_IN / 2, wIn: 0, hIn: STEM_IN, line: { color: colors.rule, widthPt: 1.5 } });
    items.push({ kind: "shape", shape: "ellipse", xIn: cx - DOT_IN / 2, yIn: lineY - DOT_IN / 2, wIn: DOT_IN, hIn: DOT_IN, fill: i === n - 1 ? colors.teal : colors.navy });
    const dateY = above ? lineY - DOT_IN / 2 - STEM_IN - dateH : lineY + DOT_IN / 2 + STEM_IN;
    items.push(fittedBox(ctx, slide, "timeline-date", { xIn: date.x, yIn: dateY, wIn: date.w, hIn: dateH }, [{ text: d.text, bold: true }],
      { maxPt: datePt, minPt: DATE.minPt, maxLines: dateLines }, colors.navy, { bold: true, align: "center", valign: above ? "bottom" : "top" }));
    const labelY = above ? dateY - SPACE.sm - usedH : dateY + dateH + SPACE.sm;
    items.push(textBox("timeline-label", { xIn: x, yIn: labelY, wIn: labelW, hIn: usedH }, [para(label)], labelPt, colors.ink, { align, valign: above ? "bottom" : "top" }));
  });
  return items;
}
