// Package stage: alt text on shapes that stand for a picture (a map's frame). pptxgenjs writes alt
// text (`descr`) only for images and charts; these shapes carry a name unique on their slide, and a
// targeted edit adds the description to that shape's p:cNvPr.
import { partText, type Parts } from "./zip-io.js";
import { escapeAttr } from "../util/xml-text.js";

export interface ShapeAltText {
  /** 1-based slide number. */
  readonly slide: number;
  /** The shape's name as placed (pptxgenjs writes it escaped). */
  readonly name: string;
  readonly alt: string;
}

export function fixShapeAltText(parts: Parts, alts: readonly ShapeAltText[]): void {
  for (const { slide, name, alt } of alts) {
    const part = `ppt/slides/slide${slide}.xml`;
    const xml = partText(parts, part);
    if (xml === undefined) continue;
    const marker = ` name="${escapeAttr(name)}"`;
    const at = xml.indexOf(marker);
    if (at < 0 || !xml.slice(Math.max(0, at - 40), at).includes("<p:cNvPr ")) continue;
    const end = at + marker.length;
    parts.set(part, `${xml.slice(0, end)} descr="${escapeAttr(alt)}"${xml.slice(end)}`);
  }
}
