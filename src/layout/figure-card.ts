// Layout stage: a key figure's card (the key-figures and big-number-chart layouts share it): the
// period, then the number with its qualifier inline ("over $500 million") on one line, never cut or
// split, then its caption; the three as one block in the middle of the card.
import type { Paragraph, PlacedItem, Rect } from "../model/layout.js";
import type { RenderedSlide } from "../model/rendered.js";
import { measureAt } from "./fit-text.js";
import { fieldList, fittedBox, inGroup, textBox, TYPE, type LayoutContext } from "./frame.js";
import { SPACE } from "./grid.js";
import { lineHeightPt, textWidthPt } from "./measure-text.js";

/** Inner padding of a card, and the height of its accent bar. */
export const PAD_IN = 0.25;
export const BAR_IN = 0.06;
/** Numbers are never set smaller than this; the qualifier is set at this share of the number's size. */
export const FLOOR_PT = 28;
const QUALIFIER_SCALE = 0.42;
export const PERIOD_PT = 13;
export const CAPTION = { maxPt: 24, minPt: TYPE.bodyMinPt } as const;
/** The widest gap a tall card leaves between its period, number and caption. */
const SPREAD_MAX_IN = 0.45;

/** What a card shows: the figure's qualifier and number, its caption and the period it refers to. */
export interface Card { readonly qualifier: string; readonly value: string; readonly caption: string; readonly period: string }

/** The card of group `i` from the fields a template wrote (`value`, `qualifier`, `caption`, `period`). */
export function cardOf(slide: RenderedSlide, i: number, value: string): Card {
  return {
    value,
    qualifier: fieldList(slide, "qualifier", inGroup(i))[0]?.text ?? "",
    caption: fieldList(slide, "caption", inGroup(i))[0]?.text ?? "",
    period: fieldList(slide, "period", inGroup(i))[0]?.text ?? "",
  };
}

/** A card: panel and accent bar; the period, the number and its caption as one block in the middle. */
export function placeCard(ctx: LayoutContext, slide: RenderedSlide, card: Card, r: Rect, numberPt: number, captionPt: number): PlacedItem[] {
  const { colors } = ctx.theme;
  const inner = { xIn: r.xIn + PAD_IN, wIn: r.wIn - 2 * PAD_IN };
  const periodH = lineHeightPt(PERIOD_PT) / 72;
  const numberH = lineHeightPt(numberPt) / 72;
  const captionH = measureAt({ paragraphs: [{ text: card.caption }], wIn: inner.wIn, hIn: 0, maxPt: captionPt, minPt: captionPt }, captionPt).heightIn;
  const room = r.hIn - 2 * PAD_IN;
  const tight = periodH + SPACE.md + numberH + SPACE.sm + captionH;
  // A card much taller than its content (a slide of one or two figures and no takeaway) spreads the
  // three apart, so the card reads as one block down its height rather than a line in its middle.
  // Each gap stays under two lines of body text, so the three still read as one figure.
  const free = Math.max(0, (room - tight) / 4);
  const above = Math.min(SPREAD_MAX_IN - SPACE.md, free);
  const below = Math.min(SPREAD_MAX_IN - SPACE.sm, free);
  const block = Math.min(room, tight + above + below);
  const top = r.yIn + PAD_IN + (room - block) / 2;
  const y = top + periodH + SPACE.md + above;
  // The caption takes what is left of the card: fitted down to 16 pt, and cut with a warning past that.
  const captionY = y + numberH + SPACE.sm + below;
  const captionRoom = Math.max(lineHeightPt(CAPTION.minPt) / 72, r.yIn + r.hIn - PAD_IN - captionY);
  const number: Paragraph = {
    runs: [
      ...(card.qualifier ? [{ text: `${card.qualifier} `, fontPt: qualifierPt(numberPt), bold: false, color: colors.slate }] : []),
      { text: card.value },
    ],
  };
  return [
    { kind: "shape", shape: "rect", ...r, fill: colors.mist },
    { kind: "shape", shape: "rect", ...r, hIn: BAR_IN, fill: colors.navy },
    fittedBox(ctx, slide, "figure-period", { ...inner, yIn: top, hIn: periodH + 0.04 }, [{ text: card.period.toLocaleUpperCase("en-GB"), bold: true }],
      { maxPt: PERIOD_PT, minPt: PERIOD_PT, maxLines: 1 }, colors.teal, { bold: true, charSpacingPt: 1 }),
    textBox("figure-number", { ...inner, yIn: y, hIn: numberH }, [number], numberPt, colors.navy, { bold: true, valign: "bottom" }),
    fittedBox(ctx, slide, "figure-caption", { ...inner, yIn: captionY, hIn: captionRoom },
      [{ text: card.caption }], { maxPt: captionPt, minPt: TYPE.bodyMinPt }, colors.ink),
  ];
}

export function innerWidthPt(ctx: LayoutContext, g: { from: number; to: number }): number {
  return (ctx.grid.columns(g.from, g.to).wIn - 2 * PAD_IN) * 72 * 0.96;
}

function qualifierPt(numberPt: number): number {
  return Math.max(TYPE.bodyMinPt, Math.round(numberPt * QUALIFIER_SCALE));
}

/** The largest size (2 pt steps) at which every number, its qualifier inline, fits one line of its card. */
export function numberSize(cards: readonly Card[], widthsPt: readonly number[]): number | undefined {
  const width = (c: Card, pt: number) => textWidthPt(c.value, pt, true) + (c.qualifier ? textWidthPt(`${c.qualifier} `, qualifierPt(pt)) : 0);
  for (let pt = TYPE.keyFigureMaxPt; pt >= FLOOR_PT; pt -= 2) {
    if (cards.every((c, i) => width(c, pt) <= widthsPt[i]!)) return pt;
  }
  return undefined;
}
