// Package stage: the parts pptxgenjs assembled, plus the charts stage's charts -> a clean,
// reproducible .pptx. Parses only the parts it fixes, so a 1000-slide deck is not parsed twice.
import type { ChartPart } from "../charts/chart-parts.js";
import { fixContentTypes, fixCoreProperties, fixDuplicateShapeIds, fixNotesMasterTheme, fixPresentation } from "./fix-package.js";
import { fixSlideLinks } from "./fix-links.js";
import { fixParagraphProperties } from "./fix-paragraphs.js";
import { fixTitlePlaceholders } from "./fix-placeholders.js";
import { insertCharts } from "./insert-charts.js";
import { writeZip, type Parts } from "./zip-io.js";

/** Fixes `parts` (from build/) in place, adds the charts, and zips them. */
export function packageDeck(parts: Parts, charts: readonly ChartPart[], timestampMs: number): Buffer {
  insertCharts(parts, charts, timestampMs);
  fixTitlePlaceholders(parts);
  fixSlideLinks(parts);
  fixParagraphProperties(parts);
  fixNotesMasterTheme(parts);
  fixContentTypes(parts);
  fixPresentation(parts);
  fixDuplicateShapeIds(parts);
  fixCoreProperties(parts, "docProps/core.xml", timestampMs);
  return writeZip(parts, timestampMs);
}
