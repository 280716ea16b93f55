// Layout stage: the figure layouts (key figures, timeline, chart, table).
import { DeckError } from "../errors.js";
import type { ChartData } from "../model/deck.js";
import type { PlacedChart, PlacedItem, Rect } from "../model/layout.js";
import type { RenderedSlide } from "../model/rendered.js";
import { isCurrency, isScalable, unitCaption } from "../util/number-format.js";
import { planChart } from "./chart-plan.js";
import { measureAt } from "./fit-text.js";
import { contentFrame, fieldList, fieldText, fitOrCut, fittedBox, hyphenated, hyphenateWide, overflow, para, textBox, TYPE, type LayoutContext } from "./frame.js";
import { columnGroups, columns, rect } from "./grid.js";
import { lineHeightPt, textWidthPt, wrap, wrapLines } from "./measure-text.js";


const inGroup = (i: number) => (f: { attrs: Readonly<Record<string, unknown>> }) => f.attrs["group"] === i;

export function layoutKeyFigures(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const numbers = fieldList(slide, "value");
  // One figure sits centred on the middle six columns; two to four share the width.
  const groups = numbers.length === 1 ? [{ from: 4, to: 9 }] : columnGroups(Math.min(4, numbers.length));
  const panelY = BODY.yIn + 0.2;
  const panelH = BODY.yIn + BODY.hIn - panelY;
  // One size for every big number on the slide. A number is never cut: it takes the largest size at
  // which each fits one line, else two lines (broken at a space), smaller if need be, with a warning.
  const widthsPt = groups.map((g) => (columns(g.from, g.to).wIn - 0.5) * 72 * 0.96);
  const big = keyFigureSize(numbers.map((n) => n.text), widthsPt);
  if (!big) {
    throw new DeckError({
      code: "TEXT_OVERFLOW", pos: slide.pos,
      message: `a key figure of slide "${fieldText(slide, "title").slice(0, 48)}" (${numbers.map((n) => `"${n.text}"`).join(", ")}) is too wide for its panel even at ${KEY_FIGURE_FLOOR_PT} pt on two lines, and a number is never cut`,
      hint: "give the figure a larger scale (scale: billion) or fewer decimals, or show fewer figures on the slide",
    });
  }
  const { fontPt: bigPt, lines: bigLines } = big;
  if (bigPt < TYPE.keyFigureMinPt || bigLines > 1) {
    ctx.warn(new DeckError({
      code: "TEXT_OVERFLOW", severity: "warning", pos: slide.pos,
      message: `the key figures of slide "${fieldText(slide, "title").slice(0, 48)}" are too wide for one line at ${TYPE.keyFigureMinPt} pt, so they are set at ${bigPt} pt${bigLines > 1 ? " on two lines" : ""}`,
      hint: "give a figure a larger scale (scale: billion) or fewer decimals, or show fewer figures on the slide",
    }));
  }
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
    const bigH = (lineHeightPt(bigPt) * bigLines) / 72;
    items.push(textBox("figure-number", { ...inner, yIn: y, hIn: bigH }, [para(n.text, { bold: true })], bigPt, colors.navy, { bold: true }));
    y += bigH + 0.1;
    const caption = fieldList(slide, "caption", inGroup(i))[0]?.text ?? "";
    items.push(fittedBox(ctx, slide, "figure-caption", { ...inner, yIn: y, hIn: panelY + panelH - 0.2 - y }, [{ text: caption }],
      { maxPt: 18, minPt: TYPE.bodyMinPt }, colors.ink));
  });
  return items;
}

/** Key figures are never set smaller than this. */
const KEY_FIGURE_FLOOR_PT = 24;

/** The largest size (and fewest lines) at which every number fits its panel without a word broken. */
function keyFigureSize(texts: readonly string[], widthsPt: readonly number[]): { fontPt: number; lines: number } | undefined {
  const fitsAt = (pt: number, lines: number) => texts.every((t, i) => {
    const w = wrap(t, pt, widthsPt[i]!, true);
    return !w.broken && w.lines.length <= lines;
  });
  for (let pt = TYPE.keyFigureMaxPt; pt >= TYPE.keyFigureMinPt; pt -= 2) if (fitsAt(pt, 1)) return { fontPt: pt, lines: 1 };
  for (let pt = TYPE.keyFigureMinPt; pt >= KEY_FIGURE_FLOOR_PT; pt -= 2) {
    if (fitsAt(pt, 1)) return { fontPt: pt, lines: 1 };
    if (fitsAt(pt, 2)) return { fontPt: pt, lines: 2 };
  }
  return undefined;
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

export function layoutChart(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const takeaway = fieldText(slide, "takeaway");
  const area = rect(1, takeaway ? 8 : 12, BODY.yIn, BODY.hIn);
  if (slide.chart) items.push(...chartBlock(ctx, slide, slide.chart, area));
  if (takeaway) {
    const panel = rect(9, 12, BODY.yIn, area.hIn);
    items.push({ kind: "shape", shape: "rect", ...panel, fill: colors.mist });
    items.push({ kind: "shape", shape: "rect", ...panel, hIn: 0.06, fill: colors.teal });
    items.push(fittedBox(ctx, slide, "takeaway", { xIn: panel.xIn + 0.25, yIn: panel.yIn + 0.35, wIn: panel.wIn - 0.5, hIn: panel.hIn - 0.6 },
      [{ text: takeaway }], { maxPt: TYPE.bodyMaxPt, minPt: TYPE.bodyMinPt }, colors.ink));
  }
  return items;
}

/**
 * A chart with its title above it (a fitted text box, so a long title never runs into the plot) and,
 * where its labels alone would not say the unit (a counted noun with no axis shown), a unit line.
 */
export function chartBlock(ctx: LayoutContext, slide: RenderedSlide, chart: ChartData, area: Rect, prefix = ""): PlacedItem[] {
  const { colors } = ctx.theme;
  const items: PlacedItem[] = [];
  let y = area.yIn;
  const title = fieldText(slide, `${prefix}chart-title`);
  if (title) {
    const t = fittedBox(ctx, slide, "chart-title", { ...area, hIn: 0.62 }, [{ text: title, bold: true }], { maxPt: 16, minPt: 14, maxLines: 2 }, colors.ink, { bold: true });
    const used = measureAt({ paragraphs: [{ text: t.paragraphs[0]?.runs[0]?.text ?? title, bold: true }], wIn: area.wIn, hIn: 0, maxPt: 0, minPt: 0 }, t.fontPt).heightIn;
    items.push({ ...t, hIn: Math.min(0.62, used + 0.04) });
    y += Math.min(0.62, used + 0.04) + 0.06;
  }
  const frame = { xIn: area.xIn, yIn: y, wIn: area.wIn, hIn: area.yIn + area.hIn - y };
  const plan = (f: Rect) => planChart({
    data: chart, frame: f, fontPt: TYPE.chartPt, theme: ctx.theme, alt: fieldText(slide, `${prefix}alt`),
    warn: (e) => ctx.warn(new DeckError({ ...e, pos: slide.pos })),
  });
  let placed = plan(frame);
  const axisTitles = fieldList(slide, `${prefix}axis`).map((f) => f.text);
  const unitLine = unitLineFor(placed, axisTitles);
  if (unitLine) {
    items.push(fittedBox(ctx, slide, "chart-unit", { xIn: area.xIn, yIn: y, wIn: area.wIn, hIn: 0.3 }, [{ text: unitLine }], { maxPt: TYPE.chartPt, minPt: TYPE.chartPt, maxLines: 1 }, colors.slate));
    placed = plan({ ...frame, yIn: frame.yIn + 0.32, hIn: frame.hIn - 0.32 });
  }
  // Axis captions come from the template (chart.axisTitles), in axis order: primary, then secondary.
  let k = 0;
  const axes = placed.axes.map((a) => (a.role === "category" ? a : { ...a, ...(axisTitles[k] !== undefined ? { title: axisTitles[k++]! } : {}) }));
  items.push({ ...placed, axes });
  return items;
}

/** The unit, in words, for a chart whose labels show bare numbers and whose value axis is hidden. */
function unitLineFor(chart: PlacedChart, axisTitles: readonly string[]): string | undefined {
  const bare = chart.data.series.filter((s) => isScalable(s.style.unit) && !isCurrency(s.style.unit));
  if (bare.length === 0 || chart.data.kind === "scatter") return undefined;
  const valueAxes = chart.axes.filter((a) => a.role === "value");
  if (valueAxes.length > 0 && valueAxes.every((a) => a.visible)) return undefined;
  const captions = [...new Set(bare.map((s) => unitCaption(s.style)))];
  return axisTitles.filter((t) => captions.includes(t)).join(" · ") || captions.join(" · ");
}

/** Cell padding: 0.1 in on each side (build/ sets the same margins). */
const CELL_PAD_IN = 0.2;

/**
 * Table: 18 pt down to 16 pt to fit; a longer table continues on "(cont.)" slides with its header
 * repeated, and a single row taller than a slide is cut with "…" (and a warning).
 */
export function layoutTable(ctx: LayoutContext, slide: RenderedSlide): Array<{ title: string; items: PlacedItem[] }> {
  const header = fieldList(slide, "header").map((f) => f.text);
  const cells = fieldList(slide, "cell");
  const title = fieldText(slide, "title");
  const first = contentFrame(ctx, slide);
  const area = rect(1, 12, first.body.yIn, first.body.hIn);
  const rowCount = Math.max(0, ...cells.map((c) => Number(c.attrs["row"]) + 1));
  const raw = Array.from({ length: rowCount }, (_, r) => header.map((_, c) => cells.find((x) => x.attrs["row"] === r && x.attrs["col"] === c)?.text ?? ""));
  // Column widths follow the longest text in each column, within bounds.
  const weights = header.map((h, c) => Math.min(60, Math.max(12, h.length, ...raw.map((r) => r[c]!.length))));
  const total = weights.reduce((a, b) => a + b, 0);
  const colWIn = weights.map((w) => Math.round((w / total) * area.wIn * 1000) / 1000);
  // A word wider than its column even at the smallest size is hyphenated, never broken between letters.
  const cellWidthPt = (c: number) => (colWIn[c]! - CELL_PAD_IN) * 72 * 0.96;
  let rows = raw.map((row) => hyphenateWide(ctx, slide, "table", row.map((text, c) => ({ text, c })), (x) => cellWidthPt(x.c), TYPE.bodyMinPt).map((x) => x.text));
  const rowHeight = (row: readonly string[], pt: number, bold: boolean) =>
    CELL_PAD_IN + (lineHeightPt(pt) / 72) * Math.max(1, ...row.map((t, c) => wrapLines(t, pt, (colWIn[c]! - CELL_PAD_IN) * 72 * 0.96, bold).length));
  const heights = (pt: number) => ({ head: rowHeight(header, pt, true), body: rows.map((r) => rowHeight(r, pt, false)) });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  let fontPt = 18;
  while (fontPt > TYPE.bodyMinPt && heights(fontPt).head + sum(heights(fontPt).body) > area.hIn) fontPt--;
  // A row that cannot fit on a slide of its own is cut, cell by cell, word by word.
  const room = area.hIn - heights(fontPt).head - 0.3;
  rows = rows.map((row) => {
    if (rowHeight(row, fontPt, false) <= room) return row;
    overflow(ctx, slide, "table row");
    return row.map((t, c) => fitOrCut([{ text: t }], { xIn: 0, yIn: 0, wIn: colWIn[c]! - CELL_PAD_IN, hIn: room - CELL_PAD_IN }, { maxPt: fontPt, minPt: fontPt }).texts[0]?.text ?? "");
  });
  const { head, body } = heights(fontPt);
  const pages: number[][] = [[]];
  let used = head;
  body.forEach((h, r) => {
    if (pages[pages.length - 1]!.length > 0 && used + h > area.hIn) { pages.push([]); used = head; }
    pages[pages.length - 1]!.push(r);
    used += h;
  });
  if (pages.length > 1) {
    ctx.warn(new DeckError({
      code: "TEXT_CONTINUED", severity: "warning", pos: slide.pos,
      message: `the table of "${title.slice(0, 48)}" does not fit one slide at ${fontPt} pt and continues over ${pages.length} slides`,
      hint: "shorten the cells or split the table in the outline",
    }));
  }
  return pages.map((page, i) => {
    const { items, body: B, title: pageTitle } = i === 0 ? first : contentFrame(ctx, slide, i);
    const rowHIn = [head, ...page.map((r) => body[r]!)];
    items.push({ kind: "table", ...rect(1, 12, B.yIn, Math.min(B.hIn, sum(rowHIn))), header, rows: page.map((r) => rows[r]!), colWIn, fontPt, rowHIn });
    return { title: pageTitle, items };
  });
}
