// Charts stage: PlacedDeck -> the parts of every chart (DrawingML XML and its workbook), numbered in
// slide order, so the same deck always names its charts the same way. The build stage draws a
// named marker shape where each chart goes; the package stage puts the chart in its place.
import type { PlacedChart, PlacedDeck } from "../model/layout.js";
import type { Theme } from "../model/theme.js";
import { chartXml } from "./chart-xml.js";
import { sheetLayout, workbookParts } from "./workbook.js";

export interface ChartPart {
  /** 1-based, in slide order: ppt/charts/chart{n}.xml. */
  readonly n: number;
  /** The name of the marker shape the build stage drew for it. */
  readonly marker: string;
  readonly chart: PlacedChart;
  readonly xml: Uint8Array;
  /** The embedded workbook's parts, as text. */
  readonly workbook: Map<string, string>;
}

/** The marker shape's name for chart n: unique, and not a name an outline can give a shape. */
export function chartMarker(n: number): string {
  return `briefdeck chart ${n}`;
}

/** A marker's name attribute as the slide XML writes it; group 1 is chartMarker(n). */
export const CHART_MARKER_ATTR = /name="(briefdeck chart \d+)"/g;

export function chartParts(deck: PlacedDeck, theme: Theme): ChartPart[] {
  const out: ChartPart[] = [];
  for (const slide of deck.slides) {
    for (const item of slide.items) {
      if (item.kind !== "chart") continue;
      const n = out.length + 1;
      out.push({ n, marker: chartMarker(n), chart: item, xml: new TextEncoder().encode(chartXml(item, slide.theme ?? theme)), workbook: workbookParts(item, sheetLayout(item)) });
    }
  }
  return out;
}
