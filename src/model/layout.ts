// Contract between layout/ and build/: every slide placed on the 16:9 canvas. Lengths are inches,
// font sizes points; build/ alone converts to pptxgenjs units.
import type { SourcePos } from "../errors.js";
import type { ChartData } from "./deck.js";
import type { SlideLayout } from "./rendered.js";

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
}

export interface PlacedShape extends Rect {
  readonly kind: "shape";
  readonly shape: "rect" | "line" | "ellipse";
  readonly fill?: Hex;
  readonly line?: { readonly color: Hex; readonly widthPt: number };
}

export interface PlacedImage extends Rect {
  readonly kind: "image";
  /** The image as the outline names it; assets/ prepares it. */
  readonly path: string;
  readonly alt: string;
  readonly pos: SourcePos;
}

export interface PlacedChart extends Rect {
  readonly kind: "chart";
  readonly data: ChartData;
  readonly title: string;
  readonly axisTitles: readonly string[];
  readonly alt: string;
  readonly colors: readonly Hex[];
  readonly fontPt: number;
  /**
   * Data labels on the bars or points. Off when they would not fit beside one another (long
   * amounts, many categories): the value axis, with its unit title, carries the values instead.
   */
  readonly dataLabels: boolean;
}

export interface PlacedTable extends Rect {
  readonly kind: "table";
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
  readonly colWIn: readonly number[];
  readonly fontPt: number;
  /** Height of each row, header first. */
  readonly rowHIn: readonly number[];
}

export type PlacedItem = PlacedText | PlacedShape | PlacedImage | PlacedChart | PlacedTable;

export interface PlacedSlide {
  readonly id: string;
  /** The slide master (one per layout) this slide uses. */
  readonly master: SlideLayout;
  readonly sectionTitle: string;
  readonly title: string;
  readonly items: readonly PlacedItem[];
  readonly notes: string;
  readonly pos: SourcePos;
}

export interface PlacedDeck {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  readonly company: string;
  readonly date: string;
  readonly slides: readonly PlacedSlide[];
}
