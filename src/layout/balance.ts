// Layout stage: how much of a slide's body is empty. The body runs from under the title to the source
// line (or the foot of the body zone). "Ink" is what a reader sees there: text as measured line by
// line (not its box), charts, tables, pictures, rules and dots; a panel's background is not ink. Gaps
// up to GAP_IN (two lines of body text) between pieces of ink count as spacing, not emptiness; a
// taller gap, or space above the first ink or below the last, is empty.
import type { PlacedSlide, PlacedText } from "../model/layout.js";
import { ZONE } from "./grid.js";
import { lineHeightPt, wrap } from "./measure-text.js";

const GAP_IN = 0.6;
const FRAME_ROLES = new Set(["title", "kicker", "footer", "source", "marking"]);

/** The measured height of a text box's paragraphs, in inches. */
export function textHeightIn(t: PlacedText): number {
  let pt = 0;
  t.paragraphs.forEach((p, i) => {
    const size = p.fontPt ?? t.fontPt;
    const text = p.runs.map((r) => r.text).join("");
    const indentPt = p.indent === 1 ? 43.2 : p.bullet ? 21.6 : 0;
    const lines = text.split("\n").reduce((n, hard) => n + wrap(hard, size, t.wIn * 72 * 0.96 - indentPt, p.bold ?? t.bold ?? false, t.charSpacingPt ?? 0).lines.length, 0);
    pt += lines * lineHeightPt(size) + (i > 0 ? p.spaceBeforePt ?? 0 : 0);
  });
  return pt / 72;
}

export interface Balance {
  readonly topIn: number;
  readonly bottomIn: number;
  /** Share of the body's height with no ink (gaps of spacing aside), 0..1. */
  readonly empty: number;
}

export function bodyBalance(slide: PlacedSlide, zone: { readonly yIn: number; readonly hIn: number } = ZONE.body): Balance {
  const title = slide.items.find((i): i is PlacedText => i.kind === "text" && i.role === "title");
  const source = slide.items.find((i): i is PlacedText => i.kind === "text" && i.role === "source");
  const topIn = Math.max(zone.yIn, title ? title.yIn + title.hIn : 0);
  const bottomIn = source ? source.yIn : zone.yIn + zone.hIn;
  const ink: Array<[number, number]> = [];
  for (const item of slide.items) {
    if (item.kind === "text") {
      if (FRAME_ROLES.has(item.role)) continue;
      const h = Math.min(item.hIn, textHeightIn(item));
      const y = item.valign === "bottom" ? item.yIn + item.hIn - h : item.valign === "middle" ? item.yIn + (item.hIn - h) / 2 : item.yIn;
      ink.push([y, y + h]);
    } else if (item.kind === "shape") {
      const panel = item.shape === "rect" && item.wIn > 0.3 && item.hIn > 0.3;
      if (!panel) ink.push([item.yIn, item.yIn + Math.max(item.hIn, 0.02)]);
    } else if (item.kind === "table") {
      ink.push([item.yIn, item.yIn + item.rowHIn.reduce((a, b) => a + b, 0)]);
    } else {
      ink.push([item.yIn, item.yIn + item.hIn]);
    }
  }
  const clipped = ink.map(([a, b]) => [Math.max(a, topIn), Math.min(b, bottomIn)] as [number, number]).filter(([a, b]) => b > a).sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let cur: [number, number] | undefined;
  for (const [a, b] of clipped) {
    if (cur && a <= cur[1] + GAP_IN) cur[1] = Math.max(cur[1], b);
    else { if (cur) covered += cur[1] - cur[0]; cur = [a, b]; }
  }
  if (cur) covered += cur[1] - cur[0];
  const height = bottomIn - topIn;
  return { topIn, bottomIn, empty: Math.max(0, (height - covered) / height) };
}
