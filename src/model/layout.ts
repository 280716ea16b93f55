// Contract between layout/ and build/: every slide placed on its canvas (16:9 or 4:3). Lengths are inches,
// font sizes points; build/ alone converts to pptxgenjs units.
import type { SourcePos } from "../errors.js";
import type { ChartData } from "./deck.js";
import type { SlideLayout } from "./rendered.js";
import type { Theme } from "./theme.js";

export interface Rect {
  readonly xIn: number;
  readonly yIn: number;
  readonly wIn: number;
  readonly hIn: number;
}

/** Six-digit hex colour without '#', e.g. "14365D". */
export type Hex = string;

export type Link = { readonly slideId: string } | { readonly url: string };

export interface Run {
  readonly text: string;
  /** A size of its own (a qualifier set smaller beside its number); default: the paragraph's. */
  readonly fontPt?: number;
  readonly bold?: boolean;
  readonly color?: Hex;
  readonly link?: Link;
}

export interface Paragraph {
  readonly runs: readonly Run[];
  /** Bullet character for list items (level 1 "•", level 2 "–"). */
  readonly bullet?: "•" | "–";
  /** 0 for top level, 1 for sub-points (indented). */
  readonly indent?: 0 | 1;
  readonly spaceBeforePt?: number;
  readonly fontPt?: number;
  readonly color?: Hex;
  readonly bold?: boolean;
  /** Right-to-left paragraph (Urdu, Arabic) with its language tag. */
  readonly rtl?: { readonly lang: string };
}

export interface PlacedText extends Rect {
  readonly kind: "text";
  /** What the box is (title, bullets, footer…); tests and checks read it. */
  readonly role: string;
  readonly paragraphs: readonly Paragraph[];
  readonly fontPt: number;
  readonly color: Hex;
  readonly bold?: boolean;
  readonly align?: "left" | "center" | "right";
  readonly valign?: "top" | "middle" | "bottom";
  readonly charSpacingPt?: number;
  /** Goes into the layout's title placeholder (accessibility: every slide has a real title). */
  readonly placeholder?: "title";
  readonly fill?: Hex;
  /**
   * The colours behind the box at points across it (what the slide draws under it, else its
   * background), sampled when the slide is laid out; the accessibility check reads them. Kept with
   * the laid-out slide, so a slide read back from a cache is not sampled again (a map's hundred
   * outlines make sampling costly). Absent on a box with a fill of its own.
   */
  readonly behind?: readonly Hex[];
}

export interface PlacedShape extends Rect {
  readonly kind: "shape";
  readonly shape: "rect" | "line" | "ellipse";
  readonly fill?: Hex;
  readonly line?: { readonly color: Hex; readonly widthPt: number };
  /** Its name in PowerPoint's Selection Pane, unique on the slide (a map's frame, a place's marker). */
  readonly name?: string;
  /** Alt text, for a shape that stands for a picture (a map's frame describes the map). */
  readonly alt?: string;
}

/** One step of a freeform's outline, in slide inches: move, line, cubic Bézier curve, close. */
export type PathCommand =
  | { readonly op: "M" | "L"; readonly x: number; readonly y: number }
  | { readonly op: "C"; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly x: number; readonly y: number }
  | { readonly op: "Z" };

/** A native freeform (a country, a route): editable points, its own fill and line. The rect bounds it. */
export interface PlacedFreeform extends Rect {
  readonly kind: "freeform";
  /** Its name in PowerPoint's Selection Pane ("Pakistan", "Route: North–south corridor"). */
  readonly name: string;
  readonly path: readonly PathCommand[];
  readonly fill?: Hex;
  readonly line?: { readonly color: Hex; readonly widthPt: number; readonly dash?: boolean; readonly arrow?: boolean };
}

export interface PlacedImage extends Rect {
  readonly kind: "image";
  /** The image as the outline names it; assets/ prepares it. */
  readonly path: string;
  readonly alt: string;
  readonly pos: SourcePos;
  /** Where the crop keeps: the centre (a cover image), or what draws the eye (a picture). */
  readonly focus?: "centre" | "attention";
}

/** One prepared image per file, size and crop: the same file placed twice at two sizes is prepared twice. */
export function imageKey(img: Pick<PlacedImage, "path" | "wIn" | "hIn" | "focus">): string {
  return `${img.path}|${img.wIn}x${img.hIn}|${img.focus ?? "centre"}`;
}

/** How a chart's own parts are drawn; lengths in inches from the chart frame's top-left corner. */
export type LabelPosition = "outEnd" | "inEnd" | "ctr" | "inBase" | "t" | "b" | "r" | "l";

/** One data label as it will be drawn, for the checks that no label collides or lacks contrast. */
export interface LabelBox extends Rect {
  readonly text: string;
  readonly color: Hex;
  /** The colour behind the label: a bar's fill when it sits inside one, else the plot's background. */
  readonly background: Hex;
}

export interface SeriesPlan {
  readonly name: string;
  /** Values as drawn; null leaves the point out (a waterfall's empty cells). */
  readonly values: ReadonlyArray<number | null>;
  /** Scatter charts: each point's x value, and their Excel number format (the x figures' unit). */
  readonly x?: readonly number[];
  readonly xFormat?: string;
  /** Which chart group draws it. */
  readonly type: "bar" | "line" | "area" | "pie" | "doughnut" | "scatter";
  readonly axis: "primary" | "secondary";
  /** Excel number format of the values: cells, cache and data labels. */
  readonly format: string;
  readonly color: Hex;
  /** Per-point fills where they differ from `color` (pie slices, a highlighted category). */
  readonly pointColors?: readonly Hex[];
  /** Drawn without fill or line and left out of the legend (a waterfall's base). */
  readonly invisible?: boolean;
  /** Data labels of the series; undefined: none. */
  readonly labels?: {
    readonly position?: LabelPosition;
    readonly color: Hex;
    /** Per-point label colours where they differ (labels inside fills of different colours). */
    readonly pointColors?: readonly Hex[];
    /** Per-point label text that replaces the value (an annotation, a scatter point's name). */
    readonly pointText?: ReadonlyArray<string | undefined>;
    /** Only the points with `pointText` are labelled (the value labels are off). */
    readonly onlyCustom?: boolean;
  };
}

export interface AxisPlan {
  readonly role: "category" | "value" | "x";
  readonly side: "b" | "l" | "r";
  /** Tick labels and line shown; hidden axes still set the scale. */
  readonly visible: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly majorUnit?: number;
  /** Excel number format of tick labels. */
  readonly format?: string;
  readonly title?: string;
  readonly gridlines: boolean;
  /** Categories listed top-down (horizontal bar charts). */
  readonly reversed?: boolean;
  /** Which axis of the pair this is: the secondary value axis of a combo chart crosses at the right. */
  readonly secondary?: boolean;
}

export interface PlacedChart extends Rect {
  readonly kind: "chart";
  readonly data: ChartData;
  readonly alt: string;
  readonly fontPt: number;
  /** Bar charts: direction and grouping; other kinds ignore them. */
  readonly bars?: { readonly direction: "col" | "bar"; readonly grouping: "clustered" | "stacked" | "percentStacked"; readonly gapWidthPct: number; readonly overlapPct: number };
  readonly lineGrouping?: "standard" | "stacked";
  readonly holeSizePct?: number;
  readonly series: readonly SeriesPlan[];
  readonly axes: readonly AxisPlan[];
  /** The plot area inside the axes, relative to the frame. */
  readonly plot: Rect;
  readonly legend?: Rect & { readonly position: "b" | "r" };
  /** Every data label as drawn (frame-relative), checked for collisions and contrast. */
  readonly labelBoxes: readonly LabelBox[];
}

export interface PlacedTable extends Rect {
  readonly kind: "table";
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
  readonly colWIn: readonly number[];
  readonly fontPt: number;
  /** Height of each row, header first. */
  readonly rowHIn: readonly number[];
  /** Alignment of each column (numbers right-aligned); default left. */
  readonly align?: ReadonlyArray<"left" | "right">;
  /** How each body row is set: a highlighted row on the accent panel, a total row in bold under a rule. */
  readonly rowStyles?: ReadonlyArray<"normal" | "highlight" | "total">;
}

export type PlacedItem = PlacedText | PlacedShape | PlacedImage | PlacedChart | PlacedTable | PlacedFreeform;

export interface PlacedSlide {
  readonly id: string;
  /** The slide master (one per layout) this slide uses. */
  readonly master: SlideLayout;
  readonly sectionTitle: string;
  readonly title: string;
  readonly items: readonly PlacedItem[];
  readonly notes: string;
  readonly pos: SourcePos;
  /** On an organisation's template: the template layout (part name) it is placed on. */
  readonly templateLayout?: string;
  /** The colour behind its content (the theme's, or the template layout's). */
  readonly background?: Hex;
  /** On a template: the theme read against this slide's background (tables and charts take their colours from it). */
  readonly theme?: Theme;
  /** On a template: the filled shapes its layout draws behind the content (for the contrast check). */
  readonly backdrop?: ReadonlyArray<Rect & { readonly fill: Hex }>;
  /** On a template: where its slide number goes, and in what colour (built-in masters carry their own). */
  readonly number?: Rect & { readonly color: Hex };
  /**
   * What the slide was laid out from, as a digest of the layout cache's key (its rendered content, the
   * theme, size and template, the fonts' metrics, the tool) and its page: two slides with the same
   * `from` are the same slide. Set on slides laid out through a cache (watch sessions, the per-user
   * cache); the build stage reuses the parts it wrote for such a slide.
   */
  readonly from?: string;
}

export interface PlacedDeck {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  readonly company: string;
  readonly date: string;
  /** The canvas every slide is placed on. */
  readonly size: { readonly name: "16:9" | "4:3" | "custom"; readonly wIn: number; readonly hIn: number };
  /**
   * How much the deck was scaled from the design canvas (a template's height / 7.5 in); absent: 1.
   * Sizes the build adds itself (bullet indents, cell margins, the slide number) scale with it, and
   * the accessibility check reads minimum sizes at this scale.
   */
  readonly typeScale?: number;
  readonly slides: readonly PlacedSlide[];
}
