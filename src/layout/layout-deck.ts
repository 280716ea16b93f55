// Layout stage: RenderedDeck -> PlacedDeck. Pure (inches and points; no pptxgenjs), one function
// per layout; bullets that cannot fit continue on extra slides.
import type { DeckError } from "../errors.js";
import type { PlacedDeck, PlacedItem, PlacedSlide } from "../model/layout.js";
import type { RenderedDeck, RenderedSlide, SlideLayout } from "../model/rendered.js";
import type { Theme } from "../model/theme.js";
import { fieldText, type LayoutContext } from "./frame.js";
import { layoutSection, layoutTitle } from "./layout-cover.js";
import { layoutChart, layoutKeyFigures, layoutTable, layoutTimeline } from "./layout-figures.js";
import { layoutAgenda, layoutBullets, layoutQuote, layoutSources, layoutTakeaways, layoutTwoColumns } from "./layout-text.js";

type SingleLayout = (ctx: LayoutContext, slide: RenderedSlide) => PlacedItem[];
/** Layouts whose content may continue on following slides. */
type PagedLayout = (ctx: LayoutContext, slide: RenderedSlide) => Array<{ title: string; items: PlacedItem[] }>;

const PAGED: Readonly<Partial<Record<SlideLayout, PagedLayout>>> = { bullets: layoutBullets, agenda: layoutAgenda };

const SINGLE: Readonly<Record<Exclude<SlideLayout, "bullets" | "agenda">, SingleLayout>> = {
  title: layoutTitle, section: layoutSection, "two-columns": layoutTwoColumns,
  "key-figures": layoutKeyFigures, timeline: layoutTimeline, quote: layoutQuote, chart: layoutChart,
  table: layoutTable, takeaways: layoutTakeaways, sources: layoutSources,
};

export interface LayoutResult {
  readonly deck: PlacedDeck;
  readonly warnings: readonly DeckError[];
}

export function layoutDeck(rendered: RenderedDeck, theme: Theme): LayoutResult {
  const warnings: DeckError[] = [];
  const ctx: LayoutContext = { theme, warn: (e) => warnings.push(e) };
  const slides: PlacedSlide[] = [];
  for (const slide of rendered.slides) {
    const base = { master: slide.layout, sectionTitle: slide.sectionTitle, notes: slide.notes, pos: slide.pos };
    const paged = PAGED[slide.layout];
    if (paged) {
      paged(ctx, slide).forEach((page, i) => slides.push({ ...base, id: i === 0 ? slide.id : `${slide.id}-cont-${i}`, title: page.title, items: page.items }));
    } else {
      slides.push({ ...base, id: slide.id, title: fieldText(slide, "title"), items: SINGLE[slide.layout as keyof typeof SINGLE](ctx, slide) });
    }
  }
  const { title, subject, author, company, date } = rendered;
  return { deck: { title, subject, author, company, date, slides }, warnings };
}
