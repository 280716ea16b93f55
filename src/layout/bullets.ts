// Layout stage: lists of bullets (two levels) measured, fitted and, when they must, cut with a warning.
// Used by every layout that shows bullets.
import type { Paragraph, PlacedText, Rect } from "../model/layout.js";
import type { TextField } from "../model/rendered.js";
import { fitText, measureAt, type FitParagraph } from "./fit-text.js";
import { dropLastWord, para, textBox, TYPE, type LayoutContext } from "./frame.js";

export const INDENT_PT = [21.6, 43.2] as const;
/**
 * Space above each top-level bullet, in em: at least enough that claims read as separate points; a
 * short list is spread down its box up to the most, so the body is not left half empty.
 */
const SPACE_EM = { min: 0.9, max: 1.6 } as const;
/** A short list is set a step or two above the body size (still in the type scale) to fill its box. */
const LEAD_PT = [TYPE.bodyMaxPt, 22, 24] as const;
/** A list filling this share of its box is balanced. */
const FILLED = 0.85;

export function bulletFits(fields: readonly TextField[], spaceEm: number = SPACE_EM.min): FitParagraph[] {
  return fields.map((f) => {
    const sub = f.attrs["level"] === 2;
    return { text: f.text, indentPt: INDENT_PT[sub ? 1 : 0], smallerByPt: sub ? 2 : 0, spaceBeforeEm: sub ? 0.25 : spaceEm };
  });
}

export function bulletParas(fields: readonly TextField[], ctx: LayoutContext, fontPt: number, spaceEm: number = SPACE_EM.min): Paragraph[] {
  return fields.map((f) => {
    const sub = f.attrs["level"] === 2;
    return para(f.text, {
      bullet: sub ? "–" : "•", indent: sub ? 1 : 0, spaceBeforePt: Math.round((sub ? 0.25 : spaceEm) * fontPt),
      ...(sub ? { fontPt: Math.max(TYPE.bodyMinPt, fontPt - 2), color: ctx.theme.colors.slate } : {}),
    });
  });
}

/** The size and spacing of a list in `r`: the largest size it fits at; a short list sized up and spread. */
export function bulletSetting(r: Rect, fields: readonly TextField[], balance: boolean): { fontPt: number; spaceEm: number } | undefined {
  const fit = fitText({ paragraphs: bulletFits(fields), wIn: r.wIn, hIn: r.hIn, maxPt: TYPE.bodyMaxPt, minPt: TYPE.bodyMinPt, floorPt: TYPE.bodyMinPt });
  if (!fit.fits) return undefined;
  if (!balance || fit.fontPt < TYPE.bodyMaxPt) return { fontPt: fit.fontPt, spaceEm: SPACE_EM.min };
  let best: { fontPt: number; spaceEm: number } = { fontPt: fit.fontPt, spaceEm: SPACE_EM.min };
  for (const pt of LEAD_PT) {
    const spread = spreadAt(r, fields, pt);
    if (!spread) break;
    best = { fontPt: pt, spaceEm: spread.spaceEm };
    if (spread.filled >= FILLED) break;
  }
  return best;
}

/** At `pt`: the spacing that spreads the list down `r` (within bounds) and the share it then fills; undefined if it does not fit. */
export function spreadAt(r: Rect, fields: readonly TextField[], pt: number): { spaceEm: number; filled: number } | undefined {
  const m = measureAt({ paragraphs: bulletFits(fields), wIn: r.wIn, hIn: r.hIn, maxPt: pt, minPt: pt, floorPt: TYPE.bodyMinPt }, pt);
  if (m.broken || m.heightIn > r.hIn) return undefined;
  const gaps = fields.filter((f) => f.attrs["level"] !== 2).length - 1;
  // Spread to 96% of the box at most: renderers' line heights differ by a hair.
  const spaceEm = gaps > 0 ? Math.max(SPACE_EM.min, Math.min(SPACE_EM.max, SPACE_EM.min + ((r.hIn * 0.96 - m.heightIn) * 72) / (gaps * pt))) : SPACE_EM.min;
  return { spaceEm, filled: (m.heightIn + (gaps * (spaceEm - SPACE_EM.min) * pt) / 72) / r.hIn };
}

/**
 * A list of bullets fitted into `r`; undefined when it cannot fit even at the minimum size. With
 * `balance`, a list with room to spare is spread down the box and, if short, set larger.
 */
export function bulletBox(ctx: LayoutContext, role: string, r: Rect, fields: readonly TextField[], balance = false): PlacedText | undefined {
  const setting = bulletSetting(r, fields, balance);
  return setting && bulletBoxAt(ctx, role, r, fields, setting);
}

export function bulletBoxAt(ctx: LayoutContext, role: string, r: Rect, fields: readonly TextField[], setting: { fontPt: number; spaceEm: number }): PlacedText {
  return textBox(role, r, bulletParas(fields, ctx, setting.fontPt, setting.spaceEm), setting.fontPt, ctx.theme.colors.ink);
}

/** Groups of a top-level bullet with its sub-points, so a continuation never orphans a sub-point. */
export function bulletGroups(fields: readonly TextField[]): TextField[][] {
  const groups: TextField[][] = [];
  for (const f of fields) {
    if (f.attrs["level"] === 2 && groups.length > 0) groups[groups.length - 1]!.push(f);
    else groups.push([f]);
  }
  return groups;
}

/** A single bullet too long for a whole slide at the minimum size: kept at that size, cut to the box. */
export function clampedBullets(ctx: LayoutContext, body: Rect, fields: readonly TextField[]): PlacedText {
  const lines: TextField[] = [];
  for (const f of fields) {
    const next = [...lines, f];
    if (!bulletBox(ctx, "bullets", body, next)) {
      let text = f.text;
      while (text.includes(" ") && !bulletBox(ctx, "bullets", body, [...lines, { ...f, text: text + "…" }])) text = dropLastWord(text);
      lines.push({ ...f, text: text + "…" });
      break;
    }
    lines.push(f);
  }
  return textBox("bullets", body, bulletParas(lines, ctx, TYPE.bodyMinPt), TYPE.bodyMinPt, ctx.theme.colors.ink);
}
