// Layout stage: RenderedDeck -> PlacedDeck. Pure (inches and points; no pptxgenjs): each slide is
// placed by its layout module (src/layouts/), which may continue it on extra slides.
import { DeckError } from "../errors.js";
import type { PlacedDeck, PlacedItem, PlacedSlide } from "../model/layout.js";
import type { RenderedDeck, RenderedSlide, SlideLayout } from "../model/rendered.js";
import type { Theme } from "../model/theme.js";
import { layoutModule } from "../layouts/index.js";
import { fieldText, type LayoutContext } from "./frame.js";
import { gridFor, type Grid } from "./grid.js";
import { withFonts } from "./measure-text.js";

export interface LayoutResult {
  readonly deck: PlacedDeck;
  readonly warnings: readonly DeckError[];
}

/** Placed slides by rendered content, kept between builds in watch mode. */
export type LayoutCache = Map<string, { readonly slides: readonly PlacedSlide[]; readonly warnings: readonly DeckError[] }>;

export function layoutDeck(rendered: RenderedDeck, theme: Theme, cache?: LayoutCache): LayoutResult {
  // Text is measured in the theme's own fonts.
  return withFonts(theme.fonts, () => layoutAll(rendered, theme, cache));
}

function layoutAll(rendered: RenderedDeck, theme: Theme, cache?: LayoutCache): LayoutResult {
  const warnings: DeckError[] = [];
  const slides: PlacedSlide[] = [];
  const grid = gridFor(rendered.size);
  // The whole theme and the size are in the key: a colour or font edited in watch mode lays the slides out again.
  const themeKey = cache ? JSON.stringify([theme, rendered.size]) : "";
  for (const slide of rendered.slides) {
    if (!cache) { layoutSlide(slide, theme, grid, slides, warnings); continue; }
    // The key leaves out the position, so slides below an edit still hit; warnings move with them.
    const key = JSON.stringify([themeKey, { ...slide, pos: undefined }]);
    let hit = cache.get(key);
    if (!hit) {
      const placed: PlacedSlide[] = [];
      const warned: DeckError[] = [];
      layoutSlide(slide, theme, grid, placed, warned);
      hit = { slides: placed, warnings: warned };
      cache.set(key, hit);
    }
    slides.push(...hit.slides.map((s) => ({ ...s, pos: slide.pos })));
    warnings.push(...hit.warnings.map((w) => new DeckError({ ...w.info, pos: slide.pos })));
  }
  const { title, subject, author, company, date } = rendered;
  return { deck: { title, subject, author, company, date, size: { name: grid.size, wIn: grid.wIn, hIn: grid.hIn }, slides }, warnings };
}

function layoutSlide(slide: RenderedSlide, theme: Theme, grid: Grid, slides: PlacedSlide[], warnings: DeckError[]): void {
  const ctx: LayoutContext = { theme, grid, warn: (e) => warnings.push(e) };
  const base = { master: slide.layout, sectionTitle: slide.sectionTitle, notes: slide.notes, pos: slide.pos };
  // Its layout module places it: one page, or several when its content continues.
  layoutModule(slide.layout).place(ctx, slide).forEach((page, i) => slides.push({
    ...base, id: i === 0 ? slide.id : `${slide.id}-cont-${i}`, title: page.title ?? fieldText(slide, "title"), items: titleFirst(page.items),
  }));
}

/** Screen readers follow shape order: the title goes first (no box it would then cover overlaps it). */
function titleFirst(items: PlacedItem[]): PlacedItem[] {
  const title = items.find((i) => i.kind === "text" && i.placeholder === "title");
  return title ? [title, ...items.filter((i) => i !== title)] : items;
}
