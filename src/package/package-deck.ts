// Package stage: pptxgenjs's zip -> a clean, reproducible .pptx. Parses only the parts it fixes,
// so a 1000-slide deck is not parsed twice.
import { renumberCharts } from "./fix-chart-names.js";
import { fixCharts } from "./fix-charts.js";
import { fixContentTypes, fixCoreProperties, fixDuplicateShapeIds, fixNotesMasterTheme, fixPresentation } from "./fix-package.js";
import { fixWorkbooks } from "./fix-workbooks.js";
import { readZip, writeZip } from "./zip-io.js";

/** `raw`: the parts pptxgenjs assembled (build/), or a .pptx's bytes. */
export async function packageDeck(raw: Uint8Array | Map<string, Uint8Array>, timestampMs: number): Promise<Buffer> {
  const parts = raw instanceof Map ? new Map(raw) : readZip(raw);
  renumberCharts(parts);
  fixNotesMasterTheme(parts);
  fixContentTypes(parts);
  fixPresentation(parts);
  fixCharts(parts);
  fixDuplicateShapeIds(parts);
  fixCoreProperties(parts, "docProps/core.xml", timestampMs);
  await fixWorkbooks(parts, timestampMs);
  return writeZip(parts, timestampMs);
}
