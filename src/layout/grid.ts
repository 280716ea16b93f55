// Layout stage: the canvas (16:9 or 4:3, from `deck.size`), its 12-column grid and the zones every
// content slide shares (design brief: margins 0.6 in, gutters 0.25 in; a title never moves from
// slide to slide). Layouts place boxes on the grid and stack them down the zones; they never need
// the slide's width in inches.
import type { Rect } from "../model/layout.js";

export type SlideSize = "16:9" | "4:3";

/** PowerPoint's own widescreen and standard sizes (pptxgenjs LAYOUT_WIDE and LAYOUT_4x3). */
export const SLIDE_SIZES: Readonly<Record<SlideSize, { readonly wIn: number; readonly hIn: number }>> = {
  "16:9": { wIn: 13.333, hIn: 7.5 },
  "4:3": { wIn: 10, hIn: 7.5 },
};

export const MARGIN_X_IN = 0.6;
export const COLUMNS = 12;
export const GUTTER_IN = 0.25;

/** Vertical zones of a content slide, in inches from the top (both sizes are 7.5 in high). */
export const ZONE = {
  kicker: { yIn: 0.45, hIn: 0.3 },
  title: { yIn: 0.75, hIn: 0.95 },
  body: { yIn: 1.85, hIn: 4.8 },
  footerRule: { yIn: 6.85 },
  footer: { yIn: 6.95, hIn: 0.3 },
} as const;

/** The spacing steps between stacked boxes, in inches. */
export const SPACE = { xs: 0.06, sm: 0.12, md: 0.25, lg: 0.4, xl: 0.6 } as const;

export interface Grid {
  readonly size: SlideSize;
  readonly wIn: number;
  readonly hIn: number;
  /** Horizontal span of columns `from`..`to` (1-based, inclusive). */
  columns(from: number, to: number): { xIn: number; wIn: number };
  rect(from: number, to: number, yIn: number, hIn: number): Rect;
  /** Columns 1..12 split into `n` equal groups (n divides 12: 1, 2, 3, 4, 6), centred when it does not. */
  groups(n: number): Array<{ from: number; to: number }>;
}

export function gridFor(size: SlideSize = "16:9"): Grid {
  const { wIn: slideW, hIn: slideH } = SLIDE_SIZES[size];
  const columnW = (slideW - 2 * MARGIN_X_IN - (COLUMNS - 1) * GUTTER_IN) / COLUMNS;
  const columns = (from: number, to: number) => ({
    xIn: round(MARGIN_X_IN + (from - 1) * (columnW + GUTTER_IN)),
    wIn: round((to - from + 1) * columnW + (to - from) * GUTTER_IN),
  });
  return {
    size, wIn: slideW, hIn: slideH, columns,
    rect: (from, to, yIn, hIn) => ({ ...columns(from, to), yIn: round(yIn), hIn: round(hIn) }),
    groups: (n) => {
      const per = Math.floor(COLUMNS / n);
      const start = 1 + Math.floor((COLUMNS - per * n) / 2);
      return Array.from({ length: n }, (_, i) => ({ from: start + i * per, to: start + (i + 1) * per - 1 }));
    },
  };
}

/**
 * Boxes stacked down `area`, in order: fixed heights, and `fill` parts that share what is left (by
 * weight). Gaps go between the parts. Returns each part's rectangle.
 */
export function stack(area: Rect, parts: ReadonlyArray<{ readonly hIn: number } | { readonly fill: number }>, gapIn = 0): Rect[] {
  const fixed = parts.reduce((h, p) => h + ("hIn" in p ? p.hIn : 0), 0) + gapIn * Math.max(0, parts.length - 1);
  const weights = parts.reduce((w, p) => w + ("fill" in p ? p.fill : 0), 0);
  const spare = Math.max(0, area.hIn - fixed);
  let y = area.yIn;
  return parts.map((p) => {
    const hIn = "hIn" in p ? p.hIn : weights > 0 ? (spare * p.fill) / weights : 0;
    const r = { xIn: area.xIn, wIn: area.wIn, yIn: round(y), hIn: round(hIn) };
    y += hIn + gapIn;
    return r;
  });
}

export function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
