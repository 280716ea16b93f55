// Layout stage: what every content slide shares (kicker, action title, footer) and small helpers
// to turn rendered fields into placed text.
import { DeckError } from "../errors.js";
import type { Hex, Paragraph, PlacedItem, PlacedText, Rect } from "../model/layout.js";
import type { RenderedSlide, TextField } from "../model/rendered.js";
import type { Theme } from "../model/theme.js";
import { textDirection } from "../util/script.js";
import { fitText, lineWidthPt, type FitParagraph } from "./fit-text.js";
import { hyphenateToWidth } from "./hyphenate.js";
import { lineHeightPt, textWidthPt } from "./measure-text.js";
import type { Grid } from "./grid.js";

/** The type scale (points), from the design brief. */
export const TYPE = {
  coverTitleMaxPt: 40, coverTitleMinPt: 32,
  titleMaxPt: 30, titleMinPt: 24,
  kickerPt: 13,
  bodyMaxPt: 20, bodyMinPt: 16,
  keyFigureMaxPt: 66, keyFigureMinPt: 40,
  captionPt: 16, chartPt: 14, sourcePt: 12, footerPt: 12,
} as const;

export interface LayoutContext {
  readonly theme: Theme;
  /** The slide's canvas and grid (deck.size), or the template layout's. */
  readonly grid: Grid;
  /** Placed on an organisation's template: its layouts draw backgrounds, logos and rules. */
  readonly onTemplate?: boolean;
  warn(err: DeckError): void;
}

/** A box in the title's span (a template's title placeholder, else the grid's 12 columns) at these heights. */
export function titleRect(ctx: LayoutContext, yIn: number, hIn: number): Rect {
  const span = ctx.grid.zones.titleSpan;
  return span ? { xIn: span.xIn, wIn: span.wIn, yIn, hIn } : ctx.grid.rect(1, 12, yIn, hIn);
}

export function fieldText(slide: RenderedSlide, name: string): string {
  return slide.fields[name]?.[0]?.text ?? "";
}

/** Fields of one group (a key figure, a milestone): written with `group=@index`. */
export const inGroup = (i: number) => (f: TextField): boolean => f.attrs["group"] === i;

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

/**
 * A single-style text box fitted between maxPt and minPt. When even minPt cannot hold the text, the
 * last paragraph is cut at a word with "…" and a warning names the slide: text never leaves its box.
 */
export function fittedBox(ctx: LayoutContext, slide: RenderedSlide, role: string, r: Rect, texts: readonly FitParagraph[],
  sizes: { maxPt: number; minPt: number; maxLines?: number }, color: Hex, extra: Partial<PlacedText> = {}): PlacedText {
  const spacingPt = extra.charSpacingPt;
  // A slide's title is kept whole where a size allows: no line ends inside a compound word.
  const fitted = fitOrCut(spacingPt ? texts.map((t) => ({ ...t, spacingPt })) : texts, r, extra.placeholder === "title" ? { ...sizes, avoidDashBreaks: true } : sizes);
  if (fitted.cut) overflow(ctx, slide, role);
  else if (fitted.hyphenated) hyphenated(ctx, slide, role, fitted.fontPt);
  return textBox(role, r, fitted.texts.map((t) => para(t.text, t.bold ? { bold: true } : {})), fitted.fontPt, color, extra);
}

/**
 * Fits paragraphs into `r`: the largest size at which no word breaks between letters; else words too
 * wide for the line hyphenated at a real break point; else the last paragraph cut word by word.
 */
export function fitOrCut(texts: readonly FitParagraph[], r: Rect, sizes: { maxPt: number; minPt: number; maxLines?: number; avoidDashBreaks?: boolean }): { texts: FitParagraph[]; fontPt: number; cut: boolean; hyphenated: boolean } {
  let current = [...texts];
  let fit = fitText({ paragraphs: current, wIn: r.wIn, hIn: r.hIn, ...sizes });
  if (fit.fits) return { texts: current, fontPt: fit.fontPt, cut: false, hyphenated: false };
  const hyphen = fitHyphenated(current, r, sizes);
  if (hyphen) return { ...hyphen, cut: false, hyphenated: true };
  while (!fit.fits && current.length > 0) {
    const last = current[current.length - 1]!;
    const words = last.text.replace(/\u2026$/, "");
    if (!words.includes(" ")) {
      if (words.length > 1) current = [...current.slice(0, -1), { ...last, text: words.slice(0, Math.max(1, words.length - 8)) + "…" }];
      else if (current.length > 1) current = current.slice(0, -1);
      else break;
    } else {
      current = [...current.slice(0, -1), { ...last, text: dropLastWord(words) + "…" }];
    }
    fit = fitText({ paragraphs: current, wIn: r.wIn, hIn: r.hIn, ...sizes });
  }
  return { texts: current, fontPt: fit.fontPt, cut: true, hyphenated: false };
}

/**
 * `text` without its last word and the punctuation before it. A number left at the end goes too: the
 * word cut may have been its unit or scale ("$1.2 billion" must never be shown as "$1.2…").
 */
export function dropLastWord(text: string): string {
  const trim = (t: string) => t.replace(/[\s,;:.\u2013-]+$/, "");
  const at = text.lastIndexOf(" ");
  let kept = at < 0 ? "" : trim(text.slice(0, at));
  while (kept && /[\d$%\u20AC\u00A3\u00A5\u20B9]/.test(kept.slice(kept.lastIndexOf(" ") + 1))) {
    const space = kept.lastIndexOf(" ");
    kept = space < 0 ? "" : trim(kept.slice(0, space));
  }
  return kept;
}

/** The largest size at which the paragraphs fit once words too wide for a line are hyphenated. */
export function fitHyphenated(texts: readonly FitParagraph[], r: Rect, sizes: { maxPt: number; minPt: number; maxLines?: number; floorPt?: number }): { texts: FitParagraph[]; fontPt: number } | undefined {
  for (let size = sizes.maxPt; size >= sizes.minPt; size--) {
    const broken = texts.map((p) => {
      const pt = Math.max(sizes.floorPt ?? 0, size - (p.smallerByPt ?? 0));
      const text = hyphenateToWidth(p.text, pt, lineWidthPt(r, p), p.bold, p.spacingPt, p.heading ? "heading" : "body");
      return text === undefined ? undefined : { ...p, text };
    });
    if (broken.some((p) => p === undefined)) continue;
    const fit = fitText({ paragraphs: broken as FitParagraph[], wIn: r.wIn, hIn: r.hIn, ...sizes, maxPt: size, minPt: size });
    if (fit.fits) return { texts: broken as FitParagraph[], fontPt: size };
  }
  return undefined;
}

/**
 * Fields whose words are too wide for their line even at the smallest size, hyphenated at a real
 * break point (with a warning): fitting and continuing never need to break a word between letters.
 */
export function hyphenateWide<T extends { readonly text: string }>(ctx: LayoutContext, slide: RenderedSlide, role: string, fields: readonly T[], widthPt: (f: T) => number, minPt: number, bold = false): T[] {
  let warned = false;
  return fields.map((f) => {
    if (!f.text.split(/ +/).some((w) => textWidthPt(w, minPt, bold) > widthPt(f))) return f;
    const text = hyphenateToWidth(f.text, minPt, widthPt(f), bold);
    if (text === undefined) return f;
    if (!warned) { hyphenated(ctx, slide, role, minPt); warned = true; }
    return { ...f, text };
  });
}

export function hyphenated(ctx: LayoutContext, slide: RenderedSlide, role: string, fontPt: number): void {
  ctx.warn(new DeckError({
    code: "TEXT_HYPHENATED", severity: "warning", pos: slide.pos,
    message: `a word in the ${role} of slide "${clip(fieldText(slide, "title") || slide.id)}" is too wide for its box at ${fontPt} pt and is hyphenated`,
    hint: "shorten the word or the text, or give it a wider layout",
  }));
}

export function overflow(ctx: LayoutContext, slide: RenderedSlide, role: string): void {
  ctx.warn(new DeckError({
    code: "TEXT_OVERFLOW", severity: "warning", pos: slide.pos,
    message: `the ${role} of slide "${clip(fieldText(slide, "title") || slide.id)}" does not fit its box at the smallest size and was cut short`,
    hint: "shorten the text, or split it over two slides",
  }));
}

export interface Frame {
  /** The title as shown (cut with "…" if it had to be), with "(cont.)" on a continuation. */
  readonly title: string;
  /** Kicker, title and footer. */
  readonly items: PlacedItem[];
  /** What is left for the slide's own content. */
  readonly body: { readonly yIn: number; readonly hIn: number };
}

/** A title longer than two lines at 24 pt may take a third line; the body gives up that space. */
/** Space kept between a title that runs into a template's body and what the body holds. */
const TITLE_BODY_GAP_IN = 0.12;
const THIRD_LINE_IN = 0.42;

/**
 * Kicker, action title and footer: identical on every content slide. The title takes two lines at
 * 30 to 24 pt; a longer one takes a third line (the body starts lower); beyond that it is cut at a
 * word with "…" and a warning, so no title ever spills over the body.
 */
export function contentFrame(ctx: LayoutContext, slide: RenderedSlide, page = 0): Frame {
  const { colors } = ctx.theme;
  const zones = ctx.grid.zones;
  const zone = titleRect(ctx, zones.title.yIn, zones.title.hIn);
  const sizes = { maxPt: TYPE.titleMaxPt, minPt: TYPE.titleMinPt };
  const base = fieldText(slide, "title");
  // A continuation's "(cont.)" stays whole: only the title before it is ever cut.
  const suffix = continuedTitle("", page);
  let text = base + suffix;
  let fit = fitText({ paragraphs: [{ text, bold: true, heading: true }], wIn: zone.wIn, hIn: zone.hIn, ...sizes, maxLines: 2, avoidDashBreaks: true });
  let extra = 0;
  /** How far the title runs past its band into the body (a template's slim title box). */
  let over = 0;
  if (!fit.fits) {
    // On a template the title may run on to the end of its band; the body stays where the template has it.
    extra = zones.titleLimitIn !== undefined ? Math.max(0, zones.titleLimitIn - (zone.yIn + zone.hIn)) : THIRD_LINE_IN;
    fit = fitText({ paragraphs: [{ text, bold: true, heading: true }], wIn: zone.wIn, hIn: zone.hIn + extra, ...sizes, maxLines: 3, avoidDashBreaks: true });
    // On a template whose title box is slim, a title that its band cannot hold takes the room it
    // needs from the top of the body (up to a third of it, four lines at most) before a word is cut.
    if (!fit.fits && zones.titleLimitIn !== undefined) {
      const give = zones.body.hIn / 3;
      const longer = fitText({ paragraphs: [{ text, bold: true, heading: true }], wIn: zone.wIn, hIn: zone.hIn + extra + give, ...sizes, maxLines: 4, avoidDashBreaks: true });
      if (longer.fits) {
        over = Math.max(0, zone.yIn + longer.heightIn + 0.04 - Math.max(zones.body.yIn - TITLE_BODY_GAP_IN, zone.yIn + zone.hIn + extra));
        extra = Math.max(extra, longer.heightIn + 0.04 - zone.hIn);
        fit = longer;
      }
    }
    // A title too long for three lines: hyphenate a word too wide for a line, else cut at a word
    // (or, for an unbroken run of letters, between letters) with "…" and a warning.
    const hyphen = fit.fits ? undefined : fitHyphenated([{ text, bold: true, heading: true }], { ...zone, hIn: zone.hIn + extra }, { ...sizes, maxLines: 3 });
    if (hyphen) {
      text = hyphen.texts[0]!.text;
      fit = fitText({ paragraphs: [{ text, bold: true, heading: true }], wIn: zone.wIn, hIn: zone.hIn + extra, ...sizes, maxPt: hyphen.fontPt, minPt: hyphen.fontPt, maxLines: 3 });
      hyphenated(ctx, slide, "title", hyphen.fontPt);
    }
    let kept = base;
    while (!fit.fits && kept.length > 1) {
      const body = kept.replace(/\u2026$/, "");
      kept = (body.includes(" ") ? dropLastWord(body) : body.slice(0, Math.max(1, body.length - 4))) + "…";
      text = kept + suffix;
      fit = fitText({ paragraphs: [{ text, bold: true, heading: true }], wIn: zone.wIn, hIn: zone.hIn + extra, ...sizes, maxLines: over > 0 ? 4 : 3 });
    }
    if (!hyphen && kept !== base) overflow(ctx, slide, "title");
  }
  const source = sourceLine(ctx, slide);
  const kicker = fieldText(slide, "kicker");
  return {
    title: text.replace(/-\n/g, "-").replace(/\n/g, " "),
    items: [
      ...(kicker ? [fittedBox(ctx, slide, "kicker", titleRect(ctx, zones.kicker.yIn, zones.kicker.hIn), [{ text: kicker, bold: true }],
        { maxPt: TYPE.kickerPt, minPt: TYPE.kickerPt, maxLines: 1 }, colors.kicker ?? colors.teal, { bold: true, charSpacingPt: 1.5 })] : []),
      textBox("title", { ...zone, hIn: zone.hIn + extra }, [para(text, { bold: true })], fit.fontPt, colors.title ?? colors.ink, { bold: true, placeholder: "title" }),
      ...(source ? [source] : []),
      ...footer(ctx, slide, colors.slate, colors.rule),
    ],
    body: zones.titleLimitIn !== undefined
      ? { yIn: zones.body.yIn + over, hIn: zones.body.hIn - over - (source ? source.hIn + SOURCE_GAP_IN : 0) }
      : { yIn: zones.body.yIn + extra, hIn: zones.body.hIn - extra - (source ? source.hIn + SOURCE_GAP_IN : 0) },
  };
}

/** Space between the body and the source line under it. */
const SOURCE_GAP_IN = 0.12;

/**
 * The slide's source line (the citations of what it shows), at the foot of the body on every content
 * slide, continuation slides included: 12 pt, measured like all text, up to three lines.
 */
function sourceLine(ctx: LayoutContext, slide: RenderedSlide): PlacedText | undefined {
  const text = fieldText(slide, "source");
  if (!text) return undefined;
  const wIn = ctx.grid.rect(1, 12, 0, 0).wIn;
  const lines = Math.min(3, Math.max(1, fitText({ paragraphs: [{ text }], wIn, hIn: 10, maxPt: TYPE.sourcePt, minPt: TYPE.sourcePt }).lines));
  const hIn = Math.round((lines * lineHeightPt(TYPE.sourcePt) / 72 + 0.04) * 1000) / 1000;
  return fittedBox(ctx, slide, "source", { ...ctx.grid.rect(1, 12, ctx.grid.zones.sourceBottomIn - hIn, hIn) }, [{ text }],
    { maxPt: TYPE.sourcePt, minPt: TYPE.sourcePt, maxLines: 3 }, ctx.theme.colors.slate, { valign: "bottom" });
}

export function footer(ctx: LayoutContext, slide: RenderedSlide, color: Hex, ruleColor?: Hex): PlacedItem[] {
  const items: PlacedItem[] = [];
  if (ruleColor) {
    const rule = ctx.grid.zones.footerRule;
    if (rule) items.push({ kind: "shape", shape: "line", ...ctx.grid.rect(1, 12, rule.yIn, 0), line: { color: ruleColor, widthPt: 0.75 } });
  }
  const text = fieldText(slide, "footer");
  if (text) {
    // One line in the built-in frame; a template's footer box may hold two.
    const lines = Math.max(1, Math.min(2, Math.floor(ctx.grid.zones.footer.hIn / (lineHeightPt(TYPE.footerPt) / 72))));
    items.push(fittedBox(ctx, slide, "footer", ctx.grid.zones.footer, [{ text }],
      { maxPt: TYPE.footerPt, minPt: TYPE.footerPt, maxLines: lines }, ctx.theme.colors.footer ?? color, { valign: "middle" }));
  }
  return items;
}

function clip(text: string): string {
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

/** "Title", then "Title (cont.)", "Title (cont. 3)"…: every slide keeps a unique title. */
export function continuedTitle(title: string, page: number): string {
  return page === 0 ? title : page === 1 ? `${title} (cont.)` : `${title} (cont. ${page + 1})`;
}
