// Contract between validate/ and later stages: the validated outline, with every value's path kept
// so later stages can point at deck.yaml:line:col.
import type { ChartKind, DeckMeta, FigureSpec, SectionSpec, SlideSpec } from "../validate/outline-schema.js";
import type { DataPath, SourceMap } from "./source-map.js";

export type { ChartKind, DeckMeta, FigureSpec, Layout, SlideSpec } from "../validate/outline-schema.js";

export interface Deck {
  readonly meta: DeckMeta;
  readonly figures: Readonly<Record<string, FigureSpec>>;
  readonly sections: readonly Section[];
  /** Every audience, the default first. */
  readonly audiences: readonly Audience[];
  readonly sourceMap: SourceMap;
}

/** One reader of the deck and the rules for what it sees. */
export interface Audience {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly isDefault: boolean;
  /** Keep only slides or sections tagged with one of these (all when empty). */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly maxBullets?: number;
  readonly dividers: boolean;
  /** Footer marking, e.g. "For official use". */
  readonly marking?: string;
  /** Output file name, e.g. "deck.pptx". */
  readonly file: string;
  readonly vars: Readonly<Record<string, string>>;
}

export interface Section extends Omit<SectionSpec, "slides"> {
  readonly path: DataPath;
  /** A main part of the briefing: listed in the agenda (the outline's `divider`, default true). */
  readonly listed: boolean;
  /** Opens with a divider slide (listed, and the audience shows dividers). */
  readonly divider: boolean;
  readonly slides: readonly Slide[];
}

export type Slide = SlideSpec & {
  readonly path: DataPath;
  /** Present on chart slides: the figures resolved into categories and series. */
  readonly chartData?: ChartData;
  /** The slide as each audience named under `variants:` sees it, already merged and checked. */
  readonly audienceVariants?: Readonly<Record<string, Slide>>;
};

/** A chart's data, every number taken from `figures`. */
export interface ChartData {
  readonly kind: ChartKind;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeriesData[];
}

export interface ChartSeriesData {
  readonly name: string;
  /** Values in the series' display scale (see `scale`), e.g. 0.5 and 3 for $500 million and $3 billion. */
  readonly values: readonly number[];
  readonly unit: string;
  readonly scale: FigureSpec["scale"];
  readonly figureIds: readonly string[];
}
