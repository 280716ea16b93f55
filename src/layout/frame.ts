// Layout stage: what every content slide shares (kicker, action title, footer) and small helpers
// to turn rendered fields into placed text.
import { DeckError } from "../errors.js";
import type { Hex, Paragraph, PlacedItem, PlacedText, Rect } from "../model/layout.js";
import type { RenderedSlide, TextField } from "../model/rendered.js";
import type { Theme } from "../model/theme.js";
import { textDirection } from "../util/script.js";
import { fitText, type FitParagraph } from "./fit-text.js";
import { rect, ZONE } from "./grid.js";

/** The type scale (points), from the design brief. */
export const TYPE = {
  coverTitleMaxPt: 40, coverTitleMinPt: 32,
  titleMaxPt: 30, titleMinPt: 24,
  kickerPt: 13,
  bodyMaxPt: 20, bodyMinPt: 16,
  keyFigureMaxPt: 60, keyFigureMinPt: 36,
  captionPt: 16, chartPt: 14, sourcePt: 12, footerPt: 12,
} as const;

export interface LayoutContext {
  readonly theme: Theme;
  warn(err: DeckError): void;
}

export function fieldText(slide: RenderedSlide, name: string): string {
  return slide.fields[name]?.[0]?.text ?? "";
}

export function fieldList(slide: RenderedSlide, name: string, where?: (f: TextField) => boolean): TextField[] {
  return (slide.fields[name] ?? []).filter((f) => (where ? where(f) : true));
}

/** Paragraph from plain text, marking right-to-left scripts with their language. */
export function para(text: string, extra: Omit<Paragraph, "runs"> = {}): Paragraph {
  const rtl = textDirection(text);
  return { runs: [{ text }], ...extra, ...(rtl ? { rtl } : {}) };
}

export function textBox(role: string, r: Rect, paragraphs: readonly Paragraph[], fontPt: number, color: Hex, extra: Partial<PlacedText> = {}): PlacedText {
  return { kind: "text", role, ...r, paragraphs, fontPt, color, valign: "top", ...extra };
}

/** A single-style text box fitted between maxPt and minPt; warns (with the slide's position) when it cannot fit. */
export function fittedBox(ctx: LayoutContext, slide: RenderedSlide, role: string, r: Rect, texts: readonly FitParagraph[],
  sizes: { maxPt: number; minPt: number; maxLines?: number }, color: Hex, extra: Partial<PlacedText> = {}): PlacedText {
  const fit = fitText({ paragraphs: texts, wIn: r.wIn, hIn: r.hIn, ...sizes });
  if (!fit.fits) overflow(ctx, slide, role);
  return textBox(role, r, texts.map((t) => para(t.text, t.bold ? { bold: true } : {})), fit.fontPt, color, extra);
}

export function overflow(ctx: LayoutContext, slide: RenderedSlide, role: string): void {
  ctx.warn(new DeckError({
    code: "TEXT_OVERFLOW", severity: "warning", pos: slide.pos,
    message: `the ${role} of slide "${fieldText(slide, "title") || slide.id}" does not fit its box even at the smallest size`,
    hint: "shorten the text, or split it over two slides",
  }));
}

/** Kicker, action title and footer: identical on every content slide. */
export function contentFrame(ctx: LayoutContext, slide: RenderedSlide, titleText = fieldText(slide, "title")): PlacedItem[] {
  const { colors } = ctx.theme;
  return [
    textBox("kicker", rect(1, 12, ZONE.kicker.yIn, ZONE.kicker.hIn), [para(fieldText(slide, "kicker"))], TYPE.kickerPt, colors.teal,
      { bold: true, charSpacingPt: 1.5 }),
    fittedBox(ctx, slide, "title", rect(1, 12, ZONE.title.yIn, ZONE.title.hIn), [{ text: titleText, bold: true }],
      { maxPt: TYPE.titleMaxPt, minPt: TYPE.titleMinPt, maxLines: 2 }, colors.ink, { bold: true, placeholder: "title" }),
    ...footer(ctx, slide, colors.slate, colors.rule),
  ];
}

export function footer(ctx: LayoutContext, slide: RenderedSlide, color: Hex, ruleColor?: Hex): PlacedItem[] {
  const items: PlacedItem[] = [];
  if (ruleColor) {
    items.push({ kind: "shape", shape: "line", ...rect(1, 12, ZONE.footerRule.yIn, 0), line: { color: ruleColor, widthPt: 0.75 } });
  }
  const text = fieldText(slide, "footer");
  if (text) items.push(textBox("footer", rect(1, 10, ZONE.footer.yIn, ZONE.footer.hIn), [para(text)], TYPE.footerPt, color, { valign: "middle" }));
  return items;
}
