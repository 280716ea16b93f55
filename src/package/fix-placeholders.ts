// Package stage: title placeholders as PowerPoint writes them. pptxgenjs numbers a master's
// placeholders from 100 (`<p:ph idx="100" type="title" hasCustomPrompt="1"/>`), but PowerPoint's
// title placeholder has no idx (idx 0), and python-pptx and the code built on it take the
// placeholder with idx 0 as the slide's title, so `slide.shapes.title` found nothing. The cover's
// title is a `title` too, not the `ctrTitle` of PowerPoint's "Title Slide" layout: Apache POI
// 4.0.1's XSLFSlide.getTitle() looks for TITLE only.
//
// A targeted edit of pptxgenjs's fixed output form (gen-xml.ts genXmlPlaceholder), on layouts and
// slides only; test/shipped-deck.test.ts reads every placeholder back.
import type { Parts } from "./zip-io.js";

const PPTXGENJS_TITLE = /<p:ph\s+idx="\d+"\s+type="title"(?:\s+hasCustomPrompt="1")?\s*\/>/g;
const PARTS = /^ppt\/(slides|slideLayouts)\/[^/]+\.xml$/;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export function fixTitlePlaceholders(parts: Parts): void {
  for (const [name, bytes] of parts) {
    if (!PARTS.test(name)) continue;
    const xml = decoder.decode(bytes);
    if (!xml.includes('type="title"')) continue;
    const fixed = xml.replace(PPTXGENJS_TITLE, '<p:ph type="title"/>');
    if (fixed !== xml) parts.set(name, encoder.encode(fixed));
  }
}

