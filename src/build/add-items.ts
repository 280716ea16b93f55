// Build stage: placed text, shapes, images and tables -> pptxgenjs calls (inches stay inches;
// pptxgenjs takes inches for positions and points for fonts).
import type { PlacedFreeform, PlacedImage, PlacedShape, PlacedTable, PlacedText } from "../model/layout.js";
import { assertNever } from "../util/assert-never.js";
import type { Theme } from "../model/theme.js";
import { CUSTOM_GEOMETRY, type Pptx, type PptxSlide, type ShapeProps, type TableRow, type TextProps } from "./pptx-lib.js";
import { escapeAttr, xmlSafe } from "../util/xml-text.js";

/** Slide numbers (1-based) of slide ids, for internal links such as the agenda's. */
export type SlideIndex = ReadonlyMap<string, number>;

/** The hanging indent of a bullet at the design scale (points); layout/ measures with the same. */
const BULLET_INDENT_PT = 21.6;
/** A table cell's inner margin at the design scale (inches). */
const CELL_MARGIN_IN = 0.1;

/** `scale`: the deck's type scale (a template's), which the fixed indents and margins follow. */
export function addText(slide: PptxSlide, t: PlacedText, theme: Theme, index: SlideIndex, scale = 1): void {
  const runs: TextProps[] = [];
  t.paragraphs.forEach((p, pi) => {
    p.runs.forEach((r, ri) => {
      const link = r.link ? ("url" in r.link ? { url: xmlSafe(r.link.url) } : index.has(r.link.slideId) ? { slide: index.get(r.link.slideId)! } : undefined) : undefined;
      runs.push({
        text: xmlSafe(r.text),
        options: {
          ...(ri === p.runs.length - 1 && pi < t.paragraphs.length - 1 ? { breakLine: true } : {}),
          ...(p.bullet ? { bullet: { characterCode: p.bullet === "•" ? "2022" : "2013", indent: BULLET_INDENT_PT * scale }, indentLevel: p.indent ?? 0 } : {}),
          ...(p.spaceBeforePt && pi > 0 ? { paraSpaceBefore: p.spaceBeforePt } : {}),
          // Text in a placeholder takes the master's options over its own (pptxgenjs 4.0.1 merges the
          // placeholder's last, gen-objects.ts addTextDefinition A.3): its runs carry theirs.
          ...((r.fontPt ?? p.fontPt ?? (t.placeholder ? t.fontPt : undefined)) ? { fontSize: r.fontPt ?? p.fontPt ?? t.fontPt } : {}),
          ...((r.color ?? p.color ?? (t.placeholder ? t.color : undefined)) ? { color: r.color ?? p.color ?? t.color } : {}),
          ...((r.bold ?? p.bold) ? { bold: true } : r.bold === false && t.bold ? { bold: false } : {}),
          ...(p.rtl ? { rtlMode: true, lang: p.rtl.lang, align: "right" as const } : {}),
          ...(link ? { hyperlink: link } : {}),
        },
      });
    });
  });
  slide.addText(runs, {
    ...(t.placeholder ? { placeholder: t.placeholder } : {}),
    x: t.xIn, y: t.yIn, w: t.wIn, h: t.hIn, margin: 0,
    fontFace: t.role === "title" ? theme.fonts.heading : theme.fonts.body, fontSize: t.fontPt, color: t.color,
    bold: t.bold ?? false, align: t.align ?? "left", valign: t.valign ?? "top", fit: "none", wrap: true,
    ...(t.charSpacingPt ? { charSpacing: t.charSpacingPt } : {}),
    ...(t.fill ? { fill: { color: t.fill } } : {}),
  });
}

export function addShape(pptx: Pptx, slide: PptxSlide, s: PlacedShape): void {
  const type = s.shape === "line" ? pptx.ShapeType.line : s.shape === "ellipse" ? pptx.ShapeType.ellipse : pptx.ShapeType.rect;
  slide.addShape(type, {
    x: s.xIn, y: s.yIn, w: s.wIn, h: s.hIn,
    ...(s.fill ? { fill: { color: s.fill } } : {}),
    line: s.line ? { color: s.line.color, width: s.line.widthPt } : { type: "none" },
    // pptxgenjs writes the name into an attribute as it is: escaped here.
    ...(s.name ? { objectName: escapeAttr(s.name) } : {}),
  });
}

/**
 * A freeform (custom geometry): its points relative to its own box, as pptxgenjs takes them. Each
 * subpath starts with a move; a closed one (a country) is filled, an open one (a route) is a line.
 */
export function addFreeform(slide: PptxSlide, f: PlacedFreeform): void {
  type Point = NonNullable<ShapeProps["points"]>[number];
  // pptxgenjs reads numbers under 100 as inches: offsets inside a slide always are.
  const x = (v: number) => Math.max(0, v - f.xIn);
  const y = (v: number) => Math.max(0, v - f.yIn);
  const points: Point[] = f.path.map((c): Point => {
    switch (c.op) {
      case "M": return { x: x(c.x), y: y(c.y), moveTo: true };
      case "L": return { x: x(c.x), y: y(c.y) };
      case "C": return { x: x(c.x), y: y(c.y), curve: { type: "cubic", x1: x(c.x1), y1: y(c.y1), x2: x(c.x2), y2: y(c.y2) } };
      case "Z": return { close: true };
      default: return assertNever(c, "path command");
    }
  });
  slide.addShape(CUSTOM_GEOMETRY, {
    x: f.xIn, y: f.yIn, w: Math.max(f.wIn, 0.001), h: Math.max(f.hIn, 0.001), points, objectName: escapeAttr(f.name),
    fill: f.fill ? { color: f.fill } : { type: "none" },
    line: f.line ? {
      color: f.line.color, width: f.line.widthPt, ...(f.line.dash ? { dashType: "dash" as const } : {}), ...(f.line.arrow ? { endArrowType: "triangle" as const } : {}),
    } : { type: "none" },
  });
}

/** The prepared PNG's bytes, given as data: pptxgenjs never opens a path (which could be a link). */
export function addImage(slide: PptxSlide, img: PlacedImage, png: Buffer): void {
  slide.addImage({ data: `image/png;base64,${png.toString("base64")}`, x: img.xIn, y: img.yIn, w: img.wIn, h: img.hIn, altText: xmlSafe(img.alt) });
}

export function addTable(slide: PptxSlide, t: PlacedTable, theme: Theme, scale = 1): void {
  const { colors } = theme;
  type Borders = NonNullable<NonNullable<Extract<TableRow[number], object>["options"]>["border"]>;
  const border = (color: string): Borders => [{ type: "none" }, { type: "none" }, { pt: 0.75, color }, { type: "none" }];
  const align = (c: number) => t.align?.[c] ?? "left";
  const header: TableRow = t.header.map((h, c) => ({ text: xmlSafe(h), options: { bold: true, color: colors.white, fill: { color: colors.navy }, border: border(colors.navy), align: align(c) } }));
  // Banded rows; or, when one is highlighted, white rows and the highlighted one on the panel colour, in
  // bold. A total row is bold under an ink rule.
  const banded = !t.rowStyles?.includes("highlight");
  const rows: TableRow[] = t.rows.map((row, r) => row.map((c, i) => {
    const style = t.rowStyles?.[r] ?? "normal";
    const top = style === "total" ? { pt: 1.5, color: colors.ink } : { type: "none" as const };
    return {
      text: xmlSafe(c),
      options: {
        color: colors.ink, align: align(i), bold: style !== "normal",
        fill: { color: style === "highlight" || (banded && style === "normal" && r % 2 === 1) ? colors.mist : colors.white },
        border: [top, { type: "none" }, { pt: 0.75, color: colors.rule }, { type: "none" }] as Borders,
      },
    };
  }));
  slide.addTable([header, ...rows], {
    x: t.xIn, y: t.yIn, w: t.wIn, colW: [...t.colWIn], rowH: [...t.rowHIn], fontFace: theme.fonts.body, fontSize: t.fontPt,
    valign: "middle", margin: Array(4).fill(CELL_MARGIN_IN * scale) as [number, number, number, number],
  });
}
