// Package stage: one paragraph-properties element per paragraph. pptxgenjs 4.0.1 writes an `a:pPr`
// before every run of a paragraph (genXmlTextBody calls genXmlParagraphProperties per run), so a
// paragraph of two runs (a qualifier set smaller beside its number) has an `a:pPr` after its first
// run: invalid (CT_TextParagraph allows pPr only first), and PowerPoint repairs the file. Only the
// first is kept; the others repeat it.
import { partText, type Parts } from "./zip-io.js";

const SLIDES = /^ppt\/slides\/slide\d+\.xml$/;
const LATE_PPR = /(<\/a:r>|<a:br\/>)(?:<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>.*?<\/a:pPr>)/g;

export function fixParagraphProperties(parts: Parts): void {
  for (const name of parts.keys()) {
    if (!SLIDES.test(name)) continue;
    const xml = partText(parts, name)!;
    const fixed = xml.replace(LATE_PPR, "$1");
    if (fixed !== xml) parts.set(name, fixed);
  }
}
