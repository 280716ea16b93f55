// Package stage: a link to another slide belongs to the text box, not to its words. pptxgenjs can
// only link text runs, and LibreOffice shows a linked run as a field that it wraps between any two
// letters ("Montréal a|nd Zürich"), where PowerPoint wraps at spaces. A text box whose every run
// jumps to the same slide gets the link on the shape instead (`p:cNvPr/a:hlinkClick`, as PowerPoint
// writes "Link" on a selected box): the whole box is clickable and the words wrap as plain text.
import { partText, type Parts } from "./zip-io.js";

const SLIDES = /^ppt\/slides\/slide\d+\.xml$/;
const SHAPE = /<p:sp>[\s\S]*?<\/p:sp>/g;
const RUN = /<a:r>/g;
const JUMP = /<a:hlinkClick r:id="(rId\d+)" action="ppaction:\/\/hlinksldjump"[^>]*?(?:\/>|>[\s\S]*?<\/a:hlinkClick>)/g;
const CNVPR = /<p:cNvPr( [^>]*?)(?:\/>|><\/p:cNvPr>)/;

export function fixSlideLinks(parts: Parts): void {
  for (const name of parts.keys()) {
    if (!SLIDES.test(name)) continue;
    const xml = partText(parts, name)!;
    if (!xml.includes("ppaction://hlinksldjump")) continue;
    const fixed = xml.replace(SHAPE, (shape) => {
      const ids = [...shape.matchAll(JUMP)].map((m) => m[1]);
      const runs = shape.match(RUN)?.length ?? 0;
      if (ids.length === 0 || ids.length !== runs || new Set(ids).size !== 1 || !CNVPR.test(shape)) return shape;
      return shape
        .replace(JUMP, "")
        .replace(/(<a:rPr [^>]*?) u="sng"/g, "$1")
        .replace(CNVPR, `<p:cNvPr$1><a:hlinkClick r:id="${ids[0]}" action="ppaction://hlinksldjump"/></p:cNvPr>`);
    });
    if (fixed !== xml) parts.set(name, fixed);
  }
}
