// Contract between validate/ and later stages: the validated outline, with every value's path kept
// so later stages can point at deck.yaml:line:col.
import type { ChartKind, DeckMeta, FigureSpec, SectionSpec, SlideSpec } from "../validate/outline-schema.js";
import type { DataPath, SourceMap } from "./source-map.js";

export type { ChartKind, DeckMeta, FigureSpec, Layout, SlideSpec } from "../validate/outline-schema.js";

export interface Deck {
  readonly meta: DeckMeta;
  readonly figures: Readonly<Record<string, FigureSpec>>;
  readonly sections: readonly Section[];
  readonly sourceMap: SourceMap;
}

export interface Section extends Omit<SectionSpec, "slides"> {
  readonly path: DataPath;
  readonly divider: boolean;
  readonly slides: readonly Slide[];
}

export type Slide = SlideSpec & {
  readonly path: DataPath;
  /** Present on chart slides: the figures resolved into categories and series. */
  readonly chartData?: ChartData;
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
