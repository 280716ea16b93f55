// Build stage: PlacedDeck -> the parts pptxgenjs writes (package/ cleans and zips them). The only
// stage that talks to pptxgenjs; charts are drawn by the charts stage, in the places marked here.
import { createHash } from "node:crypto";
import { imageKey, type PlacedDeck } from "../model/layout.js";
import type { Theme } from "../model/theme.js";
import { chartMarker } from "../charts/chart-parts.js";
import { addFreeform, addImage, addShape, addTable, addText, type SlideIndex } from "./add-items.js";
import { defineMasters, layoutName, masterTitles } from "./masters.js";
import { installPartsOutput, PARTS_OUTPUT, type RawParts } from "./collect-parts.js";
import { PptxGenJS } from "./pptx-lib.js";
import { assertNever } from "../util/assert-never.js";
import { escapeText, xmlSafe } from "../util/xml-text.js";

/** Prepared images (PNG bytes) by `imageKey`: the file, its placed size and crop. */
export type PreparedImages = ReadonlyMap<string, Buffer>;

/**
 * A deck's slides as pptxgenjs last wrote them (in a watch session, or by the last build of the same
 * file), by slide number, with what they were written from: the slide's `from` (what it was laid out
 * from: equal for the same placed slide), and a key of its number, the charts before it, and the
 * deck's size, theme, masters and numbering, and its pictures' bytes. A slide that matches both is
 * added to pptxgenjs empty, and its parts are the ones written before, its pictures (ppt/media) too;
 * slides laid out without a cache are always written.
 *
 * `settled`: the parts are as the package stage left them, every fix made (on the built-in design,
 * each fix of a slide's parts depends on nothing but the slide and what the key holds), and go
 * round the fixes; otherwise they are as pptxgenjs wrote them.
 */
export type WrittenSlides = Map<number, WrittenSlide>;
export interface WrittenSlide {
  readonly from: string;
  readonly key: string;
  /** Texts, or their UTF-8 bytes (as a build of the same file kept them). */
  readonly parts: ReadonlyArray<readonly [string, string | Uint8Array]>;
  readonly settled: boolean;
}

/** What the build stage hands the package stage: pptxgenjs's parts, and the parts of slides reused settled. */
export interface BuiltParts {
  readonly parts: RawParts;
  /** Parts of unchanged slides, final already (WrittenSlide.settled). */
  readonly settled: ReadonlyMap<string, string | Uint8Array>;
  /** The charts (by number) on those slides: placed already. */
  readonly settledCharts: ReadonlySet<number>;
}

/** A slide's four parts, and its pictures (`media`: pptxgenjs names them by slide, image-N-k.png). */
const slidePartNames = (n: number, media: ReadonlyMap<number, readonly string[]>): readonly string[] => [
  `ppt/slides/slide${n}.xml`, `ppt/slides/_rels/slide${n}.xml.rels`, `ppt/notesSlides/notesSlide${n}.xml`, `ppt/notesSlides/_rels/notesSlide${n}.xml.rels`,
  ...media.get(n) ?? [],
];

/** Pictures by the slide they are on. */
function mediaBySlide(parts: RawParts): Map<number, string[]> {
  const by = new Map<number, string[]>();
  for (const name of parts.keys()) {
    const n = /^ppt\/media\/image-(\d+)-/.exec(name)?.[1];
    if (n !== undefined) by.set(Number(n), [...by.get(Number(n)) ?? [], name]);
  }
  return by;
}

/**
 * Each written slide's parts as the package stage left them (`parts`: the deck's, fixed): on the
 * built-in design they go round its fixes the next time the slide is unchanged.
 */
export function settleWritten(written: WrittenSlides, parts: RawParts): void {
  for (const [n, w] of written) {
    if (w.settled) continue;
    const fixed = w.parts.map(([name]) => [name, parts.get(name)] as const);
    if (fixed.every((f): f is readonly [string, string | Uint8Array] => f[1] !== undefined)) written.set(n, { ...w, parts: fixed, settled: true });
  }
}

export async function buildPptx(deck: PlacedDeck, theme: Theme, images: PreparedImages, written?: WrittenSlides): Promise<BuiltParts> {
  installPartsOutput();
  const pptx = new PptxGenJS();
  // PowerPoint's own sizes: widescreen 13.333 × 7.5 in, standard 10 × 7.5 in; else the template's.
  if (deck.size.name === "custom") {
    pptx.defineLayout({ name: "TEMPLATE", width: deck.size.wIn, height: deck.size.hIn });
    pptx.layout = "TEMPLATE";
  } else {
    pptx.layout = deck.size.name === "4:3" ? "LAYOUT_4x3" : "LAYOUT_WIDE";
  }
  pptx.title = xmlSafe(deck.title);
  pptx.subject = xmlSafe(deck.subject);
  pptx.author = xmlSafe(deck.author);
  // pptxgenjs writes Company into docProps/app.xml without escaping it (notes §5.1).
  pptx.company = escapeText(deck.company || deck.author);
  pptx.theme = { headFontFace: theme.fonts.heading, bodyFontFace: theme.fonts.body };
  defineMasters(pptx, deck, theme);

  const index: SlideIndex = new Map(deck.slides.map((s, i) => [s.id, i + 1]));
  let section: string | undefined;
  let charts = 0;
  const scale = deck.typeScale ?? 1;
  // As a digest: kept with every written slide, the list of a 1000-slide deck's ids would be 17 MB.
  const deckKey = written ? createHash("sha1").update(JSON.stringify([deck.size, scale, theme, [...index], [...masterTitles(deck)]])).digest("base64url") : "";
  const reused: number[] = [];
  const settledCharts = new Set<number>();
  const keys = new Map<number, { readonly key: string; readonly from: string }>();
  for (const [i, placed] of deck.slides.entries()) {
    if (placed.sectionTitle !== section) {
      section = placed.sectionTitle;
      pptx.addSection({ title: xmlSafe(section) });
    }
    const slide = pptx.addSlide({ masterName: layoutName(placed.master), sectionTitle: xmlSafe(section) });
    if (written && placed.from !== undefined) {
      // A picture is in the slide's parts: its bytes (the prepared PNG) are in the key.
      const pictures = placed.items.flatMap((it) => (it.kind === "image" ? [createHash("sha1").update(images.get(imageKey(it))!).digest("base64url")] : []));
      const key = `${deckKey}|${i + 1}|${charts}|${pictures.join(",")}`;
      const before = written.get(i + 1);
      if (before?.from === placed.from && before.key === key) {
        reused.push(i + 1);
        for (const it of placed.items) {
          if (it.kind !== "chart") continue;
          charts++;
          if (before.settled) settledCharts.add(charts);
        }
        continue;
      }
      keys.set(i + 1, { key, from: placed.from });
    }
    // On a template the slide number is the slide's own (the template's masters replace ours).
    if (placed.number) {
      const n = placed.number;
      slide.slideNumber = { x: n.xIn, y: n.yIn, w: n.wIn, h: n.hIn, fontFace: theme.fonts.body, fontSize: Math.floor(12 * scale * 100) / 100, color: n.color, align: "right", valign: "middle", margin: 0 } as typeof slide.slideNumber;
    }
    for (const item of placed.items) {
      switch (item.kind) {
        case "text": addText(slide, item, placed.theme ?? theme, index, scale); break;
        case "shape": addShape(pptx, slide, item); break;
        case "freeform": addFreeform(slide, item); break;
        case "image": addImage(slide, item, images.get(imageKey(item))!); break;
        case "table": addTable(slide, item, placed.theme ?? theme, scale); break;
        // Charts are written by the charts stage; a named, invisible shape marks their place and z-order.
        case "chart": slide.addShape(pptx.ShapeType.rect, { x: item.xIn, y: item.yIn, w: item.wIn, h: item.hIn, objectName: chartMarker(++charts), line: { type: "none" } }); break;
        default: assertNever(item, "slide item");
      }
    }
    slide.addNotes(xmlSafe(placed.notes));
  }
  // The files themselves, not a zip of them (see collect-parts.ts).
  const parts = (await pptx.write({ outputType: PARTS_OUTPUT as "nodebuffer" })) as unknown as RawParts;
  const settled = new Map<string, string | Uint8Array>();
  for (const n of reused) {
    const before = written!.get(n)!;
    for (const [name, text] of before.parts) (before.settled ? settled : parts).set(name, text);
  }
  const media = keys.size > 0 ? mediaBySlide(parts) : new Map<number, string[]>();
  for (const [n, from] of keys) {
    const own = slidePartNames(n, media).map((name) => [name, parts.get(name)] as const);
    if (own.every((p): p is readonly [string, string | Uint8Array] => p[1] !== undefined)) written!.set(n, { ...from, parts: own, settled: false });
  }
  // A slide written anew without a cache's `from` is no longer the one kept.
  for (const n of [...written?.keys() ?? []]) if (n > deck.slides.length || (!keys.has(n) && !reused.includes(n))) written!.delete(n);
  return { parts, settled, settledCharts };
}
