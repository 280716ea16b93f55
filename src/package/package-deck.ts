// Package stage: the parts pptxgenjs assembled -> a clean, reproducible .pptx. Parses only the parts
// it fixes, so a 1000-slide deck is not parsed twice.
import { renumberCharts } from "./fix-chart-names.js";
import { fixCharts } from "./fix-charts.js";
import { fixContentTypes, fixCoreProperties, fixDuplicateShapeIds, fixNotesMasterTheme, fixPresentation } from "./fix-package.js";
import { fixTitlePlaceholders } from "./fix-placeholders.js";
import { fixWorkbooks } from "./fix-workbooks.js";
import { writeZip, type Parts } from "./zip-io.js";

/** Fixes `parts` (from build/) in place and zips them. */
export function packageDeck(parts: Parts, timestampMs: number): Buffer {
  renumberCharts(parts);
  fixTitlePlaceholders(parts);
  fixNotesMasterTheme(parts);
  fixContentTypes(parts);
  fixPresentation(parts);
  fixCharts(parts);
  fixDuplicateShapeIds(parts);
  fixCoreProperties(parts, "docProps/core.xml", timestampMs);
  fixWorkbooks(parts, timestampMs);
  return writeZip(parts, timestampMs);
}
