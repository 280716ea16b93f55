// Layout stage: the 16:9 canvas, its 12-column grid and the zones every content slide shares
// (design brief: margins 0.6 in, gutters 0.25 in; a title never moves from slide to slide).
import type { Rect } from "../model/layout.js";

export const SLIDE_W_IN = 13.333;
export const SLIDE_H_IN = 7.5;
export const MARGIN_X_IN = 0.6;
export const COLUMNS = 12;
export const GUTTER_IN = 0.25;
export const COLUMN_W_IN = (SLIDE_W_IN - 2 * MARGIN_X_IN - (COLUMNS - 1) * GUTTER_IN) / COLUMNS;

/** Vertical zones of a content slide, in inches from the top. */
export const ZONE = {
  kicker: { yIn: 0.45, hIn: 0.3 },
  title: { yIn: 0.75, hIn: 0.95 },
  body: { yIn: 1.85, hIn: 4.8 },
  footerRule: { yIn: 6.85 },
  footer: { yIn: 6.95, hIn: 0.3 },
} as const;

/** Horizontal span of grid columns `from`..`to` (1-based, inclusive). */
export function columns(from: number, to: number): { xIn: number; wIn: number } {
  const xIn = MARGIN_X_IN + (from - 1) * (COLUMN_W_IN + GUTTER_IN);
  return { xIn: round(xIn), wIn: round((to - from + 1) * COLUMN_W_IN + (to - from) * GUTTER_IN) };
}

export function rect(from: number, to: number, yIn: number, hIn: number): Rect {
  return { ...columns(from, to), yIn: round(yIn), hIn: round(hIn) };
}

/** Splits columns 1..12 into `n` equal groups (n divides 12: 1, 2, 3, 4, 6) and returns their spans. */
export function columnGroups(n: number): Array<{ from: number; to: number }> {
  const per = Math.floor(COLUMNS / n);
  const used = per * n;
  const start = 1 + Math.floor((COLUMNS - used) / 2);
  return Array.from({ length: n }, (_, i) => ({ from: start + i * per, to: start + (i + 1) * per - 1 }));
}

export function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
