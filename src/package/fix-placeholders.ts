// Package stage: title placeholders as PowerPoint writes them. pptxgenjs numbers a master's
// placeholders from 100 (`<p:ph idx="100" type="title" hasCustomPrompt="1"/>`), but PowerPoint's
// title placeholder has no idx (idx 0), and python-pptx and the code built on it take the
// placeholder with idx 0 as the slide's title, so `slide.shapes.title` found nothing. The cover
// layout's title is a `ctrTitle`, as on PowerPoint's own "Title Slide" layout.
//
// A targeted edit of pptxgenjs's fixed output form (gen-xml.ts genXmlPlaceholder), on layouts and
// slides only; test/package.test.ts reads every placeholder back.
import type { Parts } from "./zip-io.js";

const PPTXGENJS_TITLE = /<p:ph\s+idx="\d+"\s+type="title"(?:\s+hasCustomPrompt="1")?\s*\/>/g;
const LAYOUT_NAME = /<p:cSld name="([^"]*)"/;
const LAYOUT_TARGET = /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** `coverLayouts`: names of the layouts whose title is the deck's centred title (the title slide). */
export function fixTitlePlaceholders(parts: Parts, coverLayouts: ReadonlySet<string>): void {
  const centred = new Set<string>();
  for (const name of parts.keys()) {
    const m = /^ppt\/slideLayouts\/(slideLayout\d+\.xml)$/.exec(name);
    if (!m) continue;
    const xml = decoder.decode(parts.get(name)!);
    const layoutName = LAYOUT_NAME.exec(xml)?.[1] ?? "";
    if (coverLayouts.has(layoutName)) centred.add(m[1]!);
    rewrite(parts, name, xml, coverLayouts.has(layoutName));
  }
  for (const name of parts.keys()) {
    const m = /^ppt\/slides\/(slide\d+\.xml)$/.exec(name);
    if (!m) continue;
    const rels = parts.get(`ppt/slides/_rels/${m[1]}.rels`);
    const layout = rels ? LAYOUT_TARGET.exec(decoder.decode(rels))?.[1] : undefined;
    rewrite(parts, name, decoder.decode(parts.get(name)!), layout !== undefined && centred.has(layout));
  }
}

function rewrite(parts: Parts, name: string, xml: string, cover: boolean): void {
  if (!xml.includes('type="title"')) return;
  const fixed = xml.replace(PPTXGENJS_TITLE, cover ? '<p:ph type="ctrTitle"/>' : '<p:ph type="title"/>');
  if (fixed !== xml) parts.set(name, encoder.encode(fixed));
}
