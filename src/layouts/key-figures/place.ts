// The key-figures layout, placed: one card per figure, in a row (or two rows of two when four numbers
// are too wide for one). In each card the period, then the number with its qualifier inline ("over
// $500 million") as large as every number on the slide allows on one line, never cut or split, then
// its caption. With a takeaway, the takeaway is set as large as it can be beneath the cards and the
// cards take the rest; without one, the cards fill the body. Their content sits in their middle.
import { DeckError } from "../../errors.js";
import type { PlacedItem, Rect } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { measureAt } from "../../layout/fit-text.js";
import { BAR_IN, CAPTION, cardOf, FLOOR_PT, innerWidthPt, numberSize, PAD_IN, PERIOD_PT, placeCard, type Card } from "../../layout/figure-card.js";
import { contentFrame, fieldList, fieldText, fittedBox, TYPE, type LayoutContext } from "../../layout/frame.js";
import { SPACE } from "../../layout/grid.js";
import { lineHeightPt } from "../../layout/measure-text.js";

const TAKEAWAY = { maxPt: 24, minPt: TYPE.bodyMinPt } as const;
const ROW_GAP_IN = SPACE.md;
const TAKEAWAY_GAP_IN = SPACE.lg;

export function placeKeyFigures(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { items, body } = contentFrame(ctx, slide);
  const cards: Card[] = fieldList(slide, "value").map((v, i) => cardOf(slide, i, v.text));
  const takeaway = fieldText(slide, "takeaway");
  const takeawayMinIn = takeaway ? measureAt({ paragraphs: [{ text: takeaway }], wIn: ctx.grid.columns(1, 12).wIn, hIn: 0, maxPt: TAKEAWAY.minPt, minPt: TAKEAWAY.minPt }, TAKEAWAY.minPt).heightIn + TAKEAWAY_GAP_IN : 0;
  const plan = planCards(ctx, cards, body.hIn - takeawayMinIn);
  if (!plan) {
    throw new DeckError({
      code: "TEXT_OVERFLOW", pos: slide.pos,
      message: `a key figure of slide "${fieldText(slide, "title").slice(0, 48)}" (${cards.map((c) => `"${c.value}"`).join(", ")}) is too wide for its card even at ${FLOOR_PT} pt, and a number is never cut or split`,
      hint: "give the figure a larger scale (scale: billion) or fewer decimals, or show fewer figures on the slide",
    });
  }
  const { grid, numberPt: size, captionPt, contentIn } = plan;
  if (size < TYPE.keyFigureMinPt) {
    ctx.warn(new DeckError({
      code: "TEXT_OVERFLOW", severity: "warning", pos: slide.pos,
      message: `the key figures of slide "${fieldText(slide, "title").slice(0, 48)}" are too wide or too long for ${TYPE.keyFigureMinPt} pt, so they are set at ${size} pt`,
      hint: "give a figure a larger scale (scale: billion) or fewer decimals, shorten the captions, or show fewer figures on the slide",
    }));
  }
  const rows = grid.length;
  const slots = grid.flat().slice(0, cards.length);
  const rowRoom = (body.hIn - ROW_GAP_IN * (rows - 1)) / rows;
  // With a takeaway, it is set as large as it can be under cards of the height they need, and the cards
  // then take what it leaves; without one, the cards fill the body.
  let cardH = rowRoom;
  if (takeaway) {
    const wIn = ctx.grid.columns(1, 12).wIn;
    const room = body.hIn - rows * contentIn - (rows - 1) * ROW_GAP_IN - TAKEAWAY_GAP_IN;
    let pt: number = TAKEAWAY.maxPt;
    const height = (p: number) => measureAt({ paragraphs: [{ text: takeaway }], wIn, hIn: 0, maxPt: p, minPt: p }, p).heightIn;
    while (pt > TAKEAWAY.minPt && height(pt) > room) pt--;
    cardH = Math.max(contentIn, (body.hIn - height(pt) - TAKEAWAY_GAP_IN - (rows - 1) * ROW_GAP_IN) / rows);
  }
  const rowGap = ROW_GAP_IN;

  cards.forEach((card, i) => {
    const row = Math.floor(i / grid[0]!.length);
    const g = slots[i]!;
    const { xIn, wIn } = ctx.grid.columns(g.from, g.to);
    const yIn = body.yIn + row * (cardH + rowGap);
    items.push(...placeCard(ctx, slide, card, { xIn, yIn, wIn, hIn: cardH }, size, captionPt));
  });
  if (takeaway) {
    const y = body.yIn + rows * cardH + (rows - 1) * rowGap + TAKEAWAY_GAP_IN;
    const r: Rect = { ...ctx.grid.columns(1, 12), yIn: y, hIn: body.yIn + body.hIn - y };
    items.push({ kind: "shape", shape: "rect", xIn: r.xIn, yIn: y - SPACE.md, wIn: 0.9, hIn: BAR_IN, fill: ctx.theme.colors.teal });
    items.push(fittedBox(ctx, slide, "takeaway", r, [{ text: takeaway }], TAKEAWAY, ctx.theme.colors.ink));
  }
  return items;
}

type Slots = Array<Array<{ from: number; to: number }>>;

/**
 * The cards' arrangement and type: one row (or, for four, two rows of two) and the largest number
 * size at which every number fits its card's width on one line and every caption fits the card's
 * height at 16 pt or more; the captions then as large as the height allows. Undefined when even the
 * floor size cannot hold a number.
 */
function planCards(ctx: LayoutContext, cards: readonly Card[], bodyHIn: number): { grid: Slots; numberPt: number; captionPt: number; contentIn: number } | undefined {
  const one: Slots = [cards.length === 1 ? [{ from: 4, to: 9 }] : ctx.grid.groups(Math.min(4, cards.length))];
  const candidates = cards.length === 4 ? [one, [ctx.grid.groups(2), ctx.grid.groups(2)]] : [one];
  let best: { grid: Slots; numberPt: number; captionPt: number; contentIn: number } | undefined;
  for (const grid of candidates) {
    const slots = grid.flat().slice(0, cards.length);
    const rowRoom = (bodyHIn - ROW_GAP_IN * (grid.length - 1)) / grid.length;
    const captionIn = (pt: number) => Math.max(...cards.map((c, i) => measureAt({ paragraphs: [{ text: c.caption }], wIn: ctx.grid.columns(slots[i]!.from, slots[i]!.to).wIn - 2 * PAD_IN, hIn: 0, maxPt: pt, minPt: pt }, pt).heightIn));
    const fixedIn = (numberPt: number) => 2 * PAD_IN + lineHeightPt(PERIOD_PT) / 72 + SPACE.md + lineHeightPt(numberPt) / 72 + SPACE.sm;
    const widest = numberSize(cards, slots.map((g) => innerWidthPt(ctx, g)));
    if (widest === undefined) continue;
    // Smaller numbers leave the captions room; if even the floor size leaves too little, the numbers
    // keep the largest size that leaves a line of caption, and the captions are cut (with a warning).
    let numberPt = widest;
    while (numberPt > FLOOR_PT && fixedIn(numberPt) + captionIn(CAPTION.minPt) > rowRoom) numberPt -= 2;
    if (fixedIn(numberPt) + captionIn(CAPTION.minPt) > rowRoom) {
      numberPt = widest;
      while (numberPt > FLOOR_PT && fixedIn(numberPt) + lineHeightPt(CAPTION.minPt) / 72 > rowRoom) numberPt -= 2;
    }
    let captionPt: number = CAPTION.maxPt;
    while (captionPt > CAPTION.minPt && fixedIn(numberPt) + captionIn(captionPt) > rowRoom) captionPt--;
    const plan = { grid, numberPt, captionPt, contentIn: fixedIn(numberPt) + captionIn(captionPt) };
    if (!best || plan.numberPt > best.numberPt) best = plan;
  }
  return best;
}

