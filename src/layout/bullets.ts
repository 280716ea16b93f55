// Layout stage: lists of bullets (two levels) measured, fitted and, when they must, cut with a warning.
// Used by every layout that shows bullets.
import type { Paragraph, PlacedText, Rect } from "../model/layout.js";
import type { TextField } from "../model/rendered.js";
import { fitText, type FitParagraph } from "./fit-text.js";
import { dropLastWord, para, textBox, TYPE, type LayoutContext } from "./frame.js";

export const INDENT_PT = [21.6, 43.2] as const;
/** Space above each top-level bullet, in em: claims read as separate points. */
const BULLET_SPACE_EM = 0.9;

export function bulletFits(fields: readonly TextField[]): FitParagraph[] {
  return fields.map((f) => {
    const sub = f.attrs["level"] === 2;
    return { text: f.text, indentPt: INDENT_PT[sub ? 1 : 0], smallerByPt: sub ? 2 : 0, spaceBeforeEm: sub ? 0.25 : BULLET_SPACE_EM };
  });
}

export function bulletParas(fields: readonly TextField[], ctx: LayoutContext, fontPt: number): Paragraph[] {
  return fields.map((f) => {
    const sub = f.attrs["level"] === 2;
    return para(f.text, {
      bullet: sub ? "–" : "•", indent: sub ? 1 : 0, spaceBeforePt: Math.round((sub ? 0.25 : BULLET_SPACE_EM) * fontPt),
      ...(sub ? { fontPt: Math.max(TYPE.bodyMinPt, fontPt - 2), color: ctx.theme.colors.slate } : {}),
    });
  });
}

/** A list of bullets fitted into `r`; undefined when it cannot fit even at the minimum size. */
export function bulletBox(ctx: LayoutContext, role: string, r: Rect, fields: readonly TextField[]): PlacedText | undefined {
  const fit = fitText({ paragraphs: bulletFits(fields), wIn: r.wIn, hIn: r.hIn, maxPt: TYPE.bodyMaxPt, minPt: TYPE.bodyMinPt, floorPt: TYPE.bodyMinPt });
  if (!fit.fits) return undefined;
  return textBox(role, r, bulletParas(fields, ctx, fit.fontPt), fit.fontPt, ctx.theme.colors.ink);
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
