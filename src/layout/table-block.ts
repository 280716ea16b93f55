// Layout stage: a table placed across the body (the table and comparison layouts share it): columns
// sized to their text, the largest size at which it fits without breaking a word, continued on
// "(cont.)" slides with its header repeated, and grown to fill the body when it is short.
import { DeckError } from "../errors.js";
import type { RenderedSlide } from "../model/rendered.js";
import type { Page } from "../layouts/layout-module.js";
import { contentFrame, fieldText, fitOrCut, hyphenateWide, overflow, TYPE, type LayoutContext } from "./frame.js";
import { lineHeightPt, textWidthPt, wrap, wrapLines } from "./measure-text.js";

/** The most a row grows to fill the body (its text stays in its middle). */
const ROW_GROWTH = 1.8;
/** A table of this many rows or fewer may be set larger (up to LEAD_PT) and its rows grow further. */
const FEW_ROWS = 4;
const LEAD_PT = 24;
const FEW_ROWS_GROWTH = 2.5;

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

/** A table's content and how its columns and rows are set. */
export interface TableSpec {
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
  readonly align?: ReadonlyArray<"left" | "right">;
  readonly rowStyles?: ReadonlyArray<"normal" | "highlight" | "total">;
}

/**
 * A table across the body: 20 pt down to 16 pt to fit; a longer table continues on "(cont.)" slides
 * with its header repeated, and a single row taller than a slide is cut with "…" (and a warning); a
 * table shorter than the body grows its rows to fill it.
 */
export function tablePages(ctx: LayoutContext, slide: RenderedSlide, spec: TableSpec): Page[] {
  const { header } = spec;
  const raw = spec.rows;
  const title = fieldText(slide, "title");
  const first = contentFrame(ctx, slide);
  const area = ctx.grid.rect(1, 12, first.body.yIn, first.body.hIn);
  const colWIn = columnWidths(header, raw, area.wIn);
  // A word wider than its column even at the smallest size is hyphenated, never broken between letters.
  const cellWidthPt = (c: number) => (colWIn[c]! - CELL_PAD_IN) * 72 * 0.96;
  let rows = raw.map((row) => hyphenateWide(ctx, slide, "table", row.map((text, c) => ({ text, c })), (x) => cellWidthPt(x.c), TYPE.bodyMinPt).map((x) => x.text));
  const rowHeight = (row: readonly string[], pt: number, bold: boolean) =>
    CELL_PAD_IN + (lineHeightPt(pt) / 72) * Math.max(1, ...row.map((t, c) => wrapLines(t, pt, (colWIn[c]! - CELL_PAD_IN) * 72 * 0.96, bold).length));
  const heights = (pt: number) => ({ head: rowHeight(header, pt, true), body: rows.map((r) => rowHeight(r, pt, false)) });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  const few = raw.length <= FEW_ROWS;
  let fontPt: number = few ? LEAD_PT : TYPE.bodyMaxPt;
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
    const growth = spare > 0 ? Math.min(few ? FEW_ROWS_GROWTH : ROW_GROWTH, 1 + spare / sum(natural)) : 1;
    const rowHIn = [head, ...natural.map((h) => Math.round(h * growth * 1000) / 1000)];
    items.push({
      kind: "table", ...ctx.grid.rect(1, 12, B.yIn, Math.min(B.hIn, sum(rowHIn))), header, rows: page.map((r) => rows[r]!), colWIn, fontPt, rowHIn,
      ...(spec.align ? { align: spec.align } : {}), ...(spec.rowStyles ? { rowStyles: page.map((r) => spec.rowStyles![r] ?? "normal") } : {}),
    });
    return { title: pageTitle, items };
  });
}
