// Layout stage: data labels as boxes, so a chart is drawn only with labels that fit, do not collide
// and can be read against whatever is behind them.
import { contrastRatio } from "../a11y/contrast.js";
import type { Hex, LabelBox, Rect } from "../model/layout.js";
import { lineHeightPt, textWidthPt } from "./measure-text.js";

/** Space between a bar's end (or a point's marker) and its label, and around a label inside a bar. */
export const LABEL_GAP_IN = 0.05;
/** Labels closer than this count as touching. */
const CLEARANCE_IN = 0.06;
/** Marker radius of line and scatter points. */
export const MARKER_R_IN = 0.055;

export function labelSize(text: string, fontPt: number): { wIn: number; hIn: number } {
  return { wIn: textWidthPt(text, fontPt) / 72 + 0.06, hIn: lineHeightPt(fontPt) / 72 };
}

export function box(text: string, fontPt: number, at: { cx?: number; cy?: number; left?: number; right?: number; top?: number; bottom?: number }, color: Hex, background: Hex): LabelBox {
  const { wIn, hIn } = labelSize(text, fontPt);
  const xIn = at.cx !== undefined ? at.cx - wIn / 2 : at.left !== undefined ? at.left : at.right! - wIn;
  const yIn = at.cy !== undefined ? at.cy - hIn / 2 : at.top !== undefined ? at.top : at.bottom! - hIn;
  return { xIn, yIn, wIn, hIn, text, color, background };
}

export function overlaps(a: Rect, b: Rect, clearance = CLEARANCE_IN): boolean {
  return a.xIn < b.xIn + b.wIn + clearance && b.xIn < a.xIn + a.wIn + clearance
    && a.yIn < b.yIn + b.hIn + clearance && b.yIn < a.yIn + a.hIn + clearance;
}

export function inside(inner: Rect, outer: Rect, margin = 0): boolean {
  return inner.xIn >= outer.xIn + margin - 1e-9 && inner.yIn >= outer.yIn + margin - 1e-9
    && inner.xIn + inner.wIn <= outer.xIn + outer.wIn - margin + 1e-9 && inner.yIn + inner.hIn <= outer.yIn + outer.hIn - margin + 1e-9;
}

/** How many pairs of labels collide. */
export function collisions(labels: readonly Rect[]): number {
  let n = 0;
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) if (overlaps(labels[i]!, labels[j]!)) n++;
  return n;
}

/** The text colour of a label on `fill`: the theme's ink, or white where ink would not reach 4.5:1. */
export function textOn(fill: Hex, ink: Hex, white: Hex): Hex {
  return contrastRatio(ink, fill) >= 4.5 ? ink : contrastRatio(white, fill) >= contrastRatio(ink, fill) ? white : ink;
}

/**
 * Whether the segment a–b passes through the box (shrunk by the clearance, so a line may touch the
 * label of its own point at the marker). Liang–Barsky clipping.
 */
export function segmentCrosses(a: readonly [number, number], b: readonly [number, number], r: Rect): boolean {
  const x0 = r.xIn + CLEARANCE_IN; const x1 = r.xIn + r.wIn - CLEARANCE_IN;
  const y0 = r.yIn + CLEARANCE_IN; const y1 = r.yIn + r.hIn - CLEARANCE_IN;
  if (x1 <= x0 || y1 <= y0) return false;
  const dx = b[0] - a[0]; const dy = b[1] - a[1];
  let t0 = 0; let t1 = 1;
  for (const [p, q] of [[-dx, a[0] - x0], [dx, x1 - a[0]], [-dy, a[1] - y0], [dy, y1 - a[1]]] as const) {
    if (p === 0) { if (q < 0) return false; continue; }
    const t = q / p;
    if (p < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
  }
  return t0 < t1;
}
