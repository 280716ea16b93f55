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

/** A horizontal band of the slide, in inches from the top. */
export interface Band { readonly yIn: number; readonly hIn: number }

/**
 * Where a content slide's parts go: kicker, action title, body, the source line's foot, the footer
 * rule, the footer text and the slide number. The built-in frame's come from the design brief; an
 * organisation's template gives its own (its placeholders').
 */
export interface Zones {
  readonly kicker: Band;
  readonly title: Band;
  /**
   * How far down a long title may run (a template's: the end of its title band, short of the body);
   * the built-in frame lets a third line take room from the body instead.
   */
  readonly titleLimitIn?: number;
  /** Where the title runs across (a template's title placeholder); default: the grid's 12 columns. */
  readonly titleSpan?: { readonly xIn: number; readonly wIn: number };
  readonly body: Band;
  /** The source line's last line sits on this height (just above the footer). */
  readonly sourceBottomIn: number;
  /** The built-in frame's rule above the footer; a template draws its own. */
  readonly footerRule?: Band;
  readonly footer: Rect;
  readonly number: Rect;
  /** A template layout's picture placeholder (where a title slide's cover image goes). */
  readonly picture?: Rect;
}

/** The built-in frame's vertical zones (both built-in sizes are 7.5 in high). */
export const ZONE = {
  kicker: { yIn: 0.45, hIn: 0.3 },
  title: { yIn: 0.75, hIn: 0.95 },
  body: { yIn: 1.85, hIn: 4.8 },
  sourceBottomIn: 6.72,
  footerRule: { yIn: 6.85, hIn: 0 },
  footer: { yIn: 6.95, hIn: 0.3 },
} as const;

/** The spacing steps between stacked boxes, in inches. */
export const SPACE = { xs: 0.06, sm: 0.12, md: 0.25, lg: 0.4, xl: 0.6 } as const;

export interface Grid {
  /** A built-in size, or "custom" (an organisation's template of its own size). */
  readonly size: SlideSize | "custom";
  readonly wIn: number;
  readonly hIn: number;
  readonly zones: Zones;
  /** Horizontal span of columns `from`..`to` (1-based, inclusive). */
  columns(from: number, to: number): { xIn: number; wIn: number };
  rect(from: number, to: number, yIn: number, hIn: number): Rect;
  /** Columns 1..12 split into `n` equal groups (n divides 12: 1, 2, 3, 4, 6), centred when it does not. */
  groups(n: number): Array<{ from: number; to: number }>;
}

export function gridFor(size: SlideSize = "16:9"): Grid {
  const { wIn, hIn } = SLIDE_SIZES[size];
  const numberW = 1.25;
  const built = gridOn({ size, wIn, hIn }, { xIn: MARGIN_X_IN, wIn: wIn - 2 * MARGIN_X_IN }, {
    kicker: ZONE.kicker, title: ZONE.title, body: ZONE.body, sourceBottomIn: ZONE.sourceBottomIn, footerRule: ZONE.footerRule,
    footer: { xIn: 0, yIn: 0, wIn: 0, hIn: 0 }, number: { xIn: round(wIn - MARGIN_X_IN - numberW), yIn: ZONE.footer.yIn, wIn: numberW, hIn: ZONE.footer.hIn },
  });
  return { ...built, zones: { ...built.zones, footer: built.rect(1, 10, ZONE.footer.yIn, ZONE.footer.hIn) } };
}

/** A 12-column grid across `content` (the width a frame's boxes span) on a canvas, with its zones. */
export function gridOn(canvas: { readonly size: SlideSize | "custom"; readonly wIn: number; readonly hIn: number }, content: { readonly xIn: number; readonly wIn: number }, zones: Zones): Grid {
  const columnW = (content.wIn - (COLUMNS - 1) * GUTTER_IN) / COLUMNS;
  const columns = (from: number, to: number) => ({
    xIn: round(content.xIn + (from - 1) * (columnW + GUTTER_IN)),
    wIn: round((to - from + 1) * columnW + (to - from) * GUTTER_IN),
  });
  return {
    size: canvas.size, wIn: canvas.wIn, hIn: canvas.hIn, zones, columns,
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
