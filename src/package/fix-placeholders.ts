// Package stage: title placeholders as PowerPoint writes them. pptxgenjs numbers a master's
// placeholders from 100 (`<p:ph idx="100" type="title" hasCustomPrompt="1"/>`), but PowerPoint's
// title placeholder has no idx (idx 0), and python-pptx and the code built on it take the
// placeholder with idx 0 as the slide's title, so `slide.shapes.title` found nothing. The cover's
// title is a `title` too, not the `ctrTitle` of PowerPoint's "Title Slide" layout: Apache POI
// 4.0.1's XSLFSlide.getTitle() looks for TITLE only.
//
// A targeted edit of pptxgenjs's fixed output form (gen-xml.ts genXmlPlaceholder), on layouts and
// slides only; test/shipped-deck.test.ts reads every placeholder back.
import { partText, type Parts } from "./zip-io.js";

const PPTXGENJS_TITLE = /<p:ph\s+idx="\d+"\s+type="title"(?:\s+hasCustomPrompt="1")?\s*\/>/g;
const PARTS = /^ppt\/(slides|slideLayouts)\/[^/]+\.xml$/;

export function fixTitlePlaceholders(parts: Parts): void {
  for (const name of parts.keys()) {
    if (!PARTS.test(name)) continue;
    const xml = partText(parts, name)!;
    if (!xml.includes('type="title"')) continue;
    const fixed = xml.replace(PPTXGENJS_TITLE, '<p:ph type="title"/>');
    if (fixed !== xml) parts.set(name, fixed);
  }
}


/** Where each slide's title was placed (1-based slide number; inches). */
export interface TitleBox { readonly slide: number; readonly xIn: number; readonly yIn: number; readonly wIn: number; readonly hIn: number }

const EMU_PER_IN = 914400;

/**
 * Each title where the layout stage placed it. pptxgenjs writes a placeholder at its master's
 * position and size (gen-objects.ts addTextDefinition merges the placeholder's options last), and a
 * master has the box of the first slide on it: a title that takes more lines on a later slide would
 * keep the shorter box. A targeted edit of the title shape's a:xfrm.
 */
export function fixTitleGeometry(parts: Parts, titles: readonly TitleBox[]): void {
  for (const t of titles) {
    const name = `ppt/slides/slide${t.slide}.xml`;
    const xml = partText(parts, name);
    if (xml === undefined) continue;
    const ph = xml.indexOf('<p:ph type="title"/>');
    if (ph < 0) continue;
    const start = xml.indexOf("<a:xfrm", ph);
    const end = xml.indexOf("</a:xfrm>", start);
    if (start < 0 || end < 0 || end > xml.indexOf("</p:sp>", ph)) continue;
    const emu = (v: number) => Math.round(v * EMU_PER_IN);
    const xfrm = `<a:xfrm><a:off x="${emu(t.xIn)}" y="${emu(t.yIn)}"/><a:ext cx="${emu(t.wIn)}" cy="${emu(t.hIn)}"/>`;
    parts.set(name, xml.slice(0, start) + xfrm + xml.slice(end));
  }
}
