// Package stage: the parts pptxgenjs assembled, plus the charts stage's charts -> a clean,
// reproducible .pptx. Parses only the parts it fixes, so a 1000-slide deck is not parsed twice.
import type { ChartPart } from "../charts/chart-parts.js";
import { fixContentTypes, fixCoreProperties, fixDuplicateShapeIds, fixNotesMasterTheme, fixPresentation } from "./fix-package.js";
import { fixSlideLinks } from "./fix-links.js";
import { fixParagraphProperties } from "./fix-paragraphs.js";
import { fixTitleGeometry, fixTitlePlaceholders, type TitleBox } from "./fix-placeholders.js";
import { applyTemplate } from "./apply-template.js";
import type { OrgTemplate } from "../template/read-template.js";
import { insertCharts } from "./insert-charts.js";
import { fixShapeAltText, type ShapeAltText } from "./fix-alt-text.js";
import { writeZip, type DeflateCache, type Parts } from "./zip-io.js";
import { collectGarbage } from "../util/collect-garbage.js";

/**
 * Fixes `parts` (from build/) in place, adds the charts, moves the deck onto the organisation's
 * template when there is one (slide i + 1 on `template.slideLayouts[i]`), and zips them.
 */
export interface PackageExtras {
  /** The organisation's template, and the template layout (part name) each slide is placed on. */
  readonly template?: { readonly template: OrgTemplate; readonly slideLayouts: readonly string[] };
  /** Alt text for shapes that stand for a picture (a map's frame). */
  readonly alts?: readonly ShapeAltText[];
  /** Each slide's title box as placed. */
  readonly titles?: readonly TitleBox[];
  /** Parts compressed by the last build of this deck in the session (watch mode). */
  readonly deflated?: DeflateCache;
  /** A deck large enough for its garbage to be collected before it is zipped (collectGarbage). */
  readonly large?: boolean;
  /**
   * Parts of slides this stage finished in an earlier build, unchanged since (build/build-pptx.ts
   * WrittenSlide.settled), and the charts on them: they go round the fixes into the zip.
   */
  readonly settled?: { readonly parts: ReadonlyMap<string, string | Uint8Array>; readonly charts: ReadonlySet<number> };
}

export function packageDeck(parts: Parts, charts: readonly ChartPart[], timestampMs: number, extras: PackageExtras = {}): Buffer {
  const { template, alts = [], titles = [], deflated, settled } = extras;
  if (settled && settled.parts.size > 0 && template) throw new Error("package: settled slides on a template");
  insertCharts(parts, charts, timestampMs, settled?.charts);
  fixShapeAltText(parts, alts);
  fixTitlePlaceholders(parts);
  fixTitleGeometry(parts, titles);
  fixSlideLinks(parts);
  fixParagraphProperties(parts);
  if (template) applyTemplate(parts, template.template, template.slideLayouts);
  fixDuplicateShapeIds(parts);
  // The rest are the package's own lists, which name every part: the settled slides are back.
  for (const [name, text] of settled?.parts ?? []) parts.set(name, text);
  fixNotesMasterTheme(parts);
  fixContentTypes(parts);
  fixPresentation(parts);
  fixCoreProperties(parts, "docProps/core.xml", timestampMs);
  // A large deck's fixes leave a copy of its slides' text behind: collected before zipping adds more.
  if (extras.large) collectGarbage();
  return writeZip(parts, timestampMs, deflated);
}
