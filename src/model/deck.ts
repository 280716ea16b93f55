// Contract between validate/ and later stages: the validated outline, with every value's path kept
// so later stages can point at deck.yaml:line:col.
import type { DeckError } from "../errors.js";
import type { Decimal } from "../util/decimal.js";
import type { NumberStyle } from "../util/number-format.js";
import type { ChartKind, DeckMeta, FigureSpec, SectionSpec, SlideSpec } from "../validate/outline-schema.js";
import type { DataPath, SourceMap } from "./source-map.js";

export type { ChartKind, DeckMeta, FigureSpec, Layout, SlideSpec } from "../validate/outline-schema.js";

/** A document the briefing draws on (`sources:`, or the `deck.source` shorthand). */
export interface SourceDoc {
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly author?: string;
  /** As written: YYYY, YYYY-MM or YYYY-MM-DD (checked to be a real date). */
  readonly date?: string;
  readonly url?: string;
  readonly accessed?: string;
  /** The short form used on slide source lines. */
  readonly short: string;
  /** Declared by `deck.source`: the document the whole briefing is built from, cited by the deck itself. */
  readonly wholeDeck?: boolean;
}

/** A reference to one document, and where in it. */
export interface Citation {
  readonly doc: string;
  readonly locator?: string;
}

/** A figure with its value settled: as written, or computed exactly from others. */
export interface Figure extends Omit<FigureSpec, "unit" | "value" | "source"> {
  readonly id: string;
  /** Where it comes from (a derived figure: its inputs' citations). */
  readonly citations: readonly Citation[];
  readonly unit: string;
  /** The value in the figure's display scale (`style.scale`), exact. */
  readonly amount: Decimal;
  /** The value in units (500 million -> 500000000), exact. */
  readonly base: Decimal;
  /** How slide text shows it: unit, scale word and decimals. */
  readonly style: NumberStyle;
  /** For a derived figure: what it is computed from, in words, for notes and alt text. */
  readonly derivation?: { readonly kind: string; readonly inputs: readonly string[]; readonly text: string };
}

export interface Deck {
  readonly meta: DeckMeta;
  /** Every document the outline declares, in its order. */
  readonly sources: readonly SourceDoc[];
  readonly figures: Readonly<Record<string, Figure>>;
  readonly sections: readonly Section[];
  /** Every audience, the default first. */
  readonly audiences: readonly Audience[];
  readonly sourceMap: SourceMap;
  /** Non-fatal findings of validation (a figure rounded for display…); fatal under --strict. */
  readonly warnings: readonly DeckError[];
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

/** Omit over each member of a union (plain Omit would merge a discriminated union into one type). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type Slide = OmitEach<SlideSpec, "source"> & {
  readonly path: DataPath;
  /** The slide's own citations (`source:`), beyond its figures'. */
  readonly citations: readonly Citation[];
  /** The charts its layout draws, each resolved from figures into categories and series. */
  readonly drawnCharts?: readonly ChartData[];
  /** The slide as each audience named under `variants:` sees it, already merged and checked. */
  readonly audienceVariants?: Readonly<Record<string, Slide>>;
};

/** A chart's data, every number taken from `figures`, in the order it is drawn. */
export interface ChartData {
  readonly kind: ChartKind;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeriesData[];
  /** Drawn in the accent colour, the rest muted: one category (index) or one series (index). */
  readonly highlight?: { readonly category: number } | { readonly series: number };
  /** A one-line note on one point. */
  readonly annotation?: { readonly category: number; readonly series: number; readonly text: string };
  /** Waterfall charts: which categories are totals drawn from zero (the others are steps). */
  readonly totals?: readonly boolean[];
}

export interface ChartSeriesData {
  readonly name: string;
  /** Values in the series' display scale, e.g. 0.5 and 3 for $500 million and $3 billion. */
  readonly values: readonly number[];
  /** Unit, scale and decimals of the values: data labels, the axis and the workbook all use it. */
  readonly style: NumberStyle;
  /** Combo charts put a second unit on the secondary axis. */
  readonly axis: "primary" | "secondary";
  readonly figureIds: readonly string[];
  /** Scatter charts: each point's x value, in `xStyle`. */
  readonly x?: { readonly values: readonly number[]; readonly style: NumberStyle; readonly figureIds: readonly string[] };
}
