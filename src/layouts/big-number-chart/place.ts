// The big-number-chart layout, placed: the figure's card on four columns, as tall as the body, and
// the chart on the other eight.
import { DeckError } from "../../errors.js";
import type { PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { chartBlock } from "../../layout/chart-block.js";
import { CAPTION, cardOf, FLOOR_PT, innerWidthPt, numberSize, placeCard } from "../../layout/figure-card.js";
import { contentFrame, fieldText, type LayoutContext } from "../../layout/frame.js";
import { measureAt } from "../../layout/fit-text.js";

export function placeBigNumberChart(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { items, body } = contentFrame(ctx, slide);
  const slot = { from: 1, to: 4 };
  const card = cardOf(slide, 0, fieldText(slide, "value"));
  const numberPt = numberSize([card], [innerWidthPt(ctx, slot)]);
  if (numberPt === undefined) {
    throw new DeckError({
      code: "TEXT_OVERFLOW", pos: slide.pos,
      message: `the key figure "${card.value}" of slide "${fieldText(slide, "title").slice(0, 48)}" is too wide for its card even at ${FLOOR_PT} pt, and a number is never cut or split`,
      hint: "give the figure a larger scale (scale: billion) or fewer decimals, or use the key-figures layout",
    });
  }
  const r = ctx.grid.rect(slot.from, slot.to, body.yIn, body.hIn);
  // The caption as large as the card allows (its number and period above it).
  let captionPt: number = CAPTION.maxPt;
  const inner = r.wIn - 0.5;
  while (captionPt > CAPTION.minPt && measureAt({ paragraphs: [{ text: card.caption }], wIn: inner, hIn: 0, maxPt: captionPt, minPt: captionPt }, captionPt).heightIn > r.hIn * 0.55) captionPt--;
  items.push(...placeCard(ctx, slide, card, r, numberPt, captionPt));
  const chart = slide.charts?.[0];
  if (chart) items.push(...chartBlock(ctx, slide, chart, ctx.grid.rect(5, 12, body.yIn, body.hIn)));
  return items;
}
