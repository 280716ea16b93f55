// The table layout, placed: columns sized to their text, 20 pt down to 16 pt; a longer table continues
// on "(cont.)" slides with its header repeated, and a short one grows its rows to fill the body.
import { DeckError } from "../../errors.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { contentFrame, fieldList, fieldText, fitOrCut, hyphenateWide, overflow, TYPE, type LayoutContext } from "../../layout/frame.js";
import { lineHeightPt, textWidthPt, wrap, wrapLines } from "../../layout/measure-text.js";
import type { Page } from "../layout-module.js";

/** The most a row grows to fill the body (its text stays in its middle). */
const ROW_GROWTH = 1.8;

/** Cell padding: 0.1 in on each side (build/ sets the same margins). */
const CELL_PAD_IN = 0.2;

/**
 * Column widths: each at least as wide as its longest word at 20 pt (so no word has to break), the
 * rest of the width shared by how much text each column holds.
 */
export function columnWidths(header: readonly string[], rows: ReadonlyArray<readonly string[]>, wIn: number): number[] {
  const wordIn = (text: string, bold: boolean) => Math.max(0, ...text.split(/ +/).map((w) => textWidthPt(w, TYPE.bodyMaxPt, bold))) / 72 / 0.96;
  const minIn = header.map((h, c) => CELL_PAD_IN + Math.max(wordIn(h, true), ...rows.map((r) => wordIn(r[c] ?? "", false))));
  const weights = header.map((h, c) => Math.min(60, Math.max(8, h.length, ...rows.map((r) => (r[c] ?? "").length))));
  const total = weights.reduce((a, b) => a + b, 0);
  const wanted = weights.map((w, c) => Math.max(minIn[c]!, (w / total) * wIn));
  // Over the width: take the excess from the columns above their minimum, in proportion.
  const excess = wanted.reduce((a, b) => a + b, 0) - wIn;
  const slack = wanted.map((w, c) => w - minIn[c]!);
  const slackTotal = slack.reduce((a, b) => a + b, 0);
  const widths = excess <= 0 ? wanted.map((w) => w * (wIn / (wIn - excess)))
    : slackTotal >= excess ? wanted.map((w, c) => w - (excess * slack[c]!) / slackTotal)
      : minIn.map((m) => m * (wIn / (wIn + excess - slackTotal))); // even the minimums are too wide: long words will be hyphenated
  return widths.map((w) => Math.round(w * 1000) / 1000);
}

/**
 * Table: 20 pt down to 16 pt to fit; a longer table continues on "(cont.)" slides with its header
 * repeated, and a single row taller than a slide is cut with "…" (and a warning).
 */
export function placeTable(ctx: LayoutContext, slide: RenderedSlide): Page[] {
  const header = fieldList(slide, "header").map((f) => f.text);
  const cells = fieldList(slide, "cell");
  const title = fieldText(slide, "title");
  const first = contentFrame(ctx, slide);
  const area = ctx.grid.rect(1, 12, first.body.yIn, first.body.hIn);
  const rowCount = Math.max(0, ...cells.map((c) => Number(c.attrs["row"]) + 1));
  const raw = Array.from({ length: rowCount }, (_, r) => header.map((_, c) => cells.find((x) => x.attrs["row"] === r && x.attrs["col"] === c)?.text ?? ""));
  const colWIn = columnWidths(header, raw, area.wIn);
  // A word wider than its column even at the smallest size is hyphenated, never broken between letters.
  const cellWidthPt = (c: number) => (colWIn[c]! - CELL_PAD_IN) * 72 * 0.96;
  let rows = raw.map((row) => hyphenateWide(ctx, slide, "table", row.map((text, c) => ({ text, c })), (x) => cellWidthPt(x.c), TYPE.bodyMinPt).map((x) => x.text));
  const rowHeight = (row: readonly string[], pt: number, bold: boolean) =>
    CELL_PAD_IN + (lineHeightPt(pt) / 72) * Math.max(1, ...row.map((t, c) => wrapLines(t, pt, (colWIn[c]! - CELL_PAD_IN) * 72 * 0.96, bold).length));
  const heights = (pt: number) => ({ head: rowHeight(header, pt, true), body: rows.map((r) => rowHeight(r, pt, false)) });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  let fontPt: number = TYPE.bodyMaxPt;
  // The largest size at which the table fits and no word is wider than its column.
  const broken = (pt: number) => [header, ...rows].some((row, r) => row.some((t, c) => wrap(t, pt, (colWIn[c]! - CELL_PAD_IN) * 72 * 0.96, r === 0).broken));
  while (fontPt > TYPE.bodyMinPt && (broken(fontPt) || heights(fontPt).head + sum(heights(fontPt).body) > area.hIn)) fontPt--;
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
    // A table shorter than the body grows its rows (up to ROW_GROWTH times), so it is not left in the top half.
    const natural = page.map((r) => body[r]!);
    const spare = B.hIn - head - sum(natural);
    const growth = spare > 0 ? Math.min(ROW_GROWTH, 1 + spare / sum(natural)) : 1;
    const rowHIn = [head, ...natural.map((h) => Math.round(h * growth * 1000) / 1000)];
    items.push({ kind: "table", ...ctx.grid.rect(1, 12, B.yIn, Math.min(B.hIn, sum(rowHIn))), header, rows: page.map((r) => rows[r]!), colWIn, fontPt, rowHIn });
    return { title: pageTitle, items };
  });
}
