// The big-number-chart layout, placed: the figure's card on four columns (more if its number needs
// them), as tall as the body, and the chart on the rest.
import { DeckError } from "../../errors.js";
import type { PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { chartBlock } from "../../layout/chart-block.js";
import { CAPTION, cardOf, FLOOR_PT, innerWidthPt, numberSize, placeCard } from "../../layout/figure-card.js";
import { contentFrame, fieldText, TYPE, type LayoutContext } from "../../layout/frame.js";
import { measureAt } from "../../layout/fit-text.js";

export function placeBigNumberChart(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { items, body } = contentFrame(ctx, slide);
  const card = cardOf(slide, 0, fieldText(slide, "value"));
  // The card takes four columns, or five or six where the number needs them (a narrow 4:3 slide).
  const spans = [4, 5, 6].map((to) => ({ slot: { from: 1, to }, pt: numberSize([card], [innerWidthPt(ctx, { from: 1, to })]) }));
  const chosen = spans.find((x) => x.pt !== undefined && x.pt >= TYPE.keyFigureMinPt) ?? spans.reduce((a, b) => ((b.pt ?? 0) > (a.pt ?? 0) ? b : a));
  const { slot, pt: numberPt } = chosen;
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
  if (chart) items.push(...chartBlock(ctx, slide, chart, ctx.grid.rect(slot.to + 1, 12, body.yIn, body.hIn)));
  return items;
}
