// Layout stage: the figure layouts (key figures, timeline, chart, table).
import type { PlacedItem } from "../model/layout.js";
import type { RenderedSlide } from "../model/rendered.js";
import { contentFrame, fieldList, fieldText, fitOrCut, fittedBox, overflow, para, textBox, TYPE, type LayoutContext } from "./frame.js";
import { columnGroups, columns, rect } from "./grid.js";
import { lineHeightPt, textWidthPt } from "./measure-text.js";

const SOURCE_Y_IN = 6.3;

function sourceLine(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const text = fieldText(slide, "source");
  return text ? [fittedBox(ctx, slide, "source", rect(1, 12, SOURCE_Y_IN, 0.4), [{ text }], { maxPt: TYPE.sourcePt, minPt: TYPE.sourcePt }, ctx.theme.colors.slate, { valign: "bottom" })] : [];
}

const inGroup = (i: number) => (f: { attrs: Readonly<Record<string, unknown>> }) => f.attrs["group"] === i;

export function layoutKeyFigures(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const numbers = fieldList(slide, "value");
  // One figure sits centred on the middle six columns; two to four share the width.
  const groups = numbers.length === 1 ? [{ from: 4, to: 9 }] : columnGroups(Math.min(4, numbers.length));
  const panelY = BODY.yIn + 0.2;
  const panelH = SOURCE_Y_IN - 0.15 - panelY;
  // One size for every big number on the slide, the largest at which each fits one line.
  const widths = groups.map((g) => columns(g.from, g.to).wIn - 0.5);
  let bigPt: number = TYPE.keyFigureMaxPt;
  while (bigPt > TYPE.keyFigureMinPt && numbers.some((n, i) => textWidthPt(n.text, bigPt, true) > widths[i]! * 72 * 0.96)) bigPt -= 2;
  numbers.forEach((n, i) => {
    const g = groups[i]!;
    const { xIn, wIn } = columns(g.from, g.to);
    const inner = { xIn: xIn + 0.25, wIn: wIn - 0.5 };
    items.push({ kind: "shape", shape: "rect", xIn, yIn: panelY, wIn, hIn: panelH, fill: colors.mist });
    items.push({ kind: "shape", shape: "rect", xIn, yIn: panelY, wIn, hIn: 0.06, fill: colors.navy });
    let y = panelY + 0.3;
    const period = fieldList(slide, "period", inGroup(i))[0]?.text ?? "";
    items.push(fittedBox(ctx, slide, "figure-period", { ...inner, yIn: y, hIn: 0.32 }, [{ text: period.toLocaleUpperCase("en-GB"), bold: true }],
      { maxPt: 13, minPt: 13, maxLines: 1 }, colors.teal, { bold: true, charSpacingPt: 1 }));
    y += 0.4;
    const qualifier = fieldList(slide, "qualifier", inGroup(i))[0]?.text ?? "";
    items.push(fittedBox(ctx, slide, "figure-qualifier", { ...inner, yIn: y, hIn: 0.36 }, [{ text: qualifier }], { maxPt: 18, minPt: 18, maxLines: 1 }, colors.slate));
    y += 0.38;
    const bigH = lineHeightPt(bigPt) / 72;
    items.push(fittedBox(ctx, slide, "figure-number", { ...inner, yIn: y, hIn: bigH }, [{ text: n.text, bold: true }], { maxPt: bigPt, minPt: bigPt, maxLines: 1 }, colors.navy, { bold: true }));
    y += bigH + 0.1;
    const caption = fieldList(slide, "caption", inGroup(i))[0]?.text ?? "";
    items.push(fittedBox(ctx, slide, "figure-caption", { ...inner, yIn: y, hIn: panelY + panelH - 0.2 - y }, [{ text: caption }],
      { maxPt: 18, minPt: TYPE.bodyMinPt }, colors.ink));
  });
  return [...items, ...sourceLine(ctx, slide)];
}

export function layoutTimeline(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const dates = fieldList(slide, "date");
  const n = dates.length;
  const lineY = BODY.yIn + 1.75;
  const span = columns(1, 12);
  const slotW = span.wIn / n;
  items.push({ kind: "shape", shape: "line", xIn: span.xIn, yIn: lineY, wIn: span.wIn, hIn: 0, line: { color: colors.rule, widthPt: 2 } });
  const labelW = slotW - 0.25;
  const labelH = BODY.yIn + BODY.hIn - (lineY + 0.4);
  const sizes = { maxPt: 18, minPt: TYPE.bodyMinPt };
  // One size for every label; a label too long even at 16 pt is cut with "…" (and warned about).
  const fitted = dates.map((_, i) => fitOrCut([{ text: fieldList(slide, "label", inGroup(i))[0]?.text ?? "" }], { xIn: 0, yIn: 0, wIn: labelW, hIn: labelH }, sizes));
  if (fitted.some((f) => f.cut)) overflow(ctx, slide, "timeline labels");
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

export function layoutChart(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const takeaway = fieldText(slide, "takeaway");
  const chartRect = rect(1, takeaway ? 8 : 12, BODY.yIn, SOURCE_Y_IN - 0.1 - BODY.yIn);
  if (slide.chart) {
    items.push({
      kind: "chart", ...chartRect, data: slide.chart, title: fieldText(slide, "chart-title"),
      axisTitles: fieldList(slide, "axis").map((f) => f.text), alt: fieldText(slide, "alt"), colors: ctx.theme.chartColors, fontPt: TYPE.chartPt,
    });
  }
  if (takeaway) {
    const panel = rect(9, 12, BODY.yIn, chartRect.hIn);
    items.push({ kind: "shape", shape: "rect", ...panel, fill: colors.mist });
    items.push({ kind: "shape", shape: "rect", ...panel, hIn: 0.06, fill: colors.teal });
    items.push(fittedBox(ctx, slide, "takeaway", { xIn: panel.xIn + 0.25, yIn: panel.yIn + 0.35, wIn: panel.wIn - 0.5, hIn: panel.hIn - 0.6 },
      [{ text: takeaway }], { maxPt: TYPE.bodyMaxPt, minPt: TYPE.bodyMinPt }, colors.ink));
  }
  return [...items, ...sourceLine(ctx, slide)];
}

export function layoutTable(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { items, body: BODY } = contentFrame(ctx, slide);
  const header = fieldList(slide, "header").map((f) => f.text);
  const cells = fieldList(slide, "cell");
  const rowCount = Math.max(0, ...cells.map((c) => Number(c.attrs["row"]) + 1));
  const rows = Array.from({ length: rowCount }, (_, r) => header.map((_, c) => cells.find((x) => x.attrs["row"] === r && x.attrs["col"] === c)?.text ?? ""));
  const area = rect(1, 12, BODY.yIn, BODY.hIn);
  // Column widths follow the longest text in each column, within bounds.
  const weights = header.map((h, c) => Math.min(60, Math.max(12, h.length, ...rows.map((r) => r[c]!.length))));
  const total = weights.reduce((a, b) => a + b, 0);
  const colWIn = weights.map((w) => Math.round((w / total) * area.wIn * 1000) / 1000);
  const padIn = 0.2;
  const heightAt = (pt: number): { rowH: number[] } => {
    const lineIn = lineHeightPt(pt) / 72;
    const rowH = [header, ...rows].map((row, r) => padIn + lineIn * Math.max(...row.map((t, c) =>
      Math.ceil(textWidthPt(t, pt, r === 0) / ((colWIn[c]! - 0.2) * 72 * 0.9)) || 1)));
    return { rowH };
  };
  let fontPt = 18;
  while (fontPt > TYPE.bodyMinPt && heightAt(fontPt).rowH.reduce((a, b) => a + b, 0) > area.hIn) fontPt--;
  const rowH = heightAt(fontPt).rowH;
  if (rowH.reduce((a, b) => a + b, 0) > area.hIn) overflow(ctx, slide, "table");
  items.push({ kind: "table", ...area, hIn: Math.min(area.hIn, rowH.reduce((a, b) => a + b, 0)), header, rows, colWIn, fontPt, rowHIn: rowH });
  return items;
}
