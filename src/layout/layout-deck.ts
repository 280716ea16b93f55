// Layout stage: RenderedDeck -> PlacedDeck. Pure (inches and points; no pptxgenjs): each slide is
// placed by its layout module (src/layouts/), which may continue it on extra slides.
import { DeckError } from "../errors.js";
import type { PlacedDeck, PlacedItem, PlacedSlide, Rect } from "../model/layout.js";
import type { RenderedDeck, RenderedSlide, SlideLayout } from "../model/rendered.js";
import type { Theme } from "../model/theme.js";
import { layoutModule } from "../layouts/index.js";
import { backdropLayers, readableOnBackdrop, slideBackground, withColoursBehind } from "./backdrop.js";
import { bodyBalance } from "./balance.js";
import { fieldText, type LayoutContext } from "./frame.js";
import { gridFor, gridOn, type Grid, type Zones } from "./grid.js";
import { withFonts } from "./measure-text.js";
import { DESIGN_H_IN, scaleDeck, scaleRect, scaleZones } from "./scale-deck.js";
import { diskLayout, layoutDigest, layoutKeyPrefix, type LaidOut, type SlideCache } from "./disk-layout.js";

export interface LayoutResult {
  readonly deck: PlacedDeck;
  readonly warnings: readonly DeckError[];
}

/** Placed slides by rendered content, kept between builds in watch mode. */
export type LayoutCache = Map<string, LaidOut>;

/** A watch session's Map, as the layout stage asks a cache (by the whole key; the digest names the slide). */
function sessionCache(map: LayoutCache): SlideCache {
  return { get: (key) => map.get(key), set: (key, _digest, value) => map.set(key, value) };
}

/**
 * An organisation's template, as the layout stage needs it: for each briefdeck layout, the template
 * layout it is placed on, that layout's zones and content width, its background and the theme read
 * against it.
 */
export interface TemplatePlacement {
  readonly size: { readonly wIn: number; readonly hIn: number };
  /** A key that changes whenever the template does (watch mode lays slides out again). */
  readonly key: string;
  frameFor(layout: SlideLayout): {
    readonly part: string; readonly content: { readonly xIn: number; readonly wIn: number }; readonly zones: Zones; readonly background: string; readonly theme: Theme;
    readonly backdrop: ReadonlyArray<Rect & { readonly fill: string }>;
    /** The template's light and dark colours (lt1, dk1): text that reads on nothing else gets a panel of one. */
    readonly light: string;
    readonly dark: string;
  };
}

/** Where and with what one slide is laid out. */
interface Setting {
  readonly grid: Grid; readonly theme: Theme;
  readonly template?: {
    readonly part: string; readonly background: string; readonly backdrop: ReadonlyArray<Rect & { readonly fill: string }>;
    readonly light: string; readonly dark: string;
  };
}

export function layoutDeck(rendered: RenderedDeck, theme: Theme, cache?: LayoutCache, template?: TemplatePlacement): LayoutResult {
  // Text is measured in the theme's own fonts (on a template, its theme's).
  const fonts = template ? template.frameFor("bullets").theme.fonts : theme.fonts;
  // A single build on the built-in design reads the slides earlier builds laid out (disk-layout.ts).
  const slideCache: SlideCache | undefined = cache ? sessionCache(cache) : template ? undefined : diskLayout();
  return withFonts(fonts, () => layoutAll(rendered, theme, slideCache, template, slideCache ? layoutKeyPrefix(fonts) : ""));
}

function layoutAll(rendered: RenderedDeck, theme: Theme, cache: SlideCache | undefined, template: TemplatePlacement | undefined, keyPrefix: string): LayoutResult {
  const warnings: DeckError[] = [];
  const slides: PlacedSlide[] = [];
  const builtIn = gridFor(rendered.size);
  // A template's slides are laid out on the design canvas (7.5 in high) and scaled to its size at the
  // end, type and all, so a small template is no more crowded than the built-in frame.
  const k = template ? template.size.hIn / DESIGN_H_IN : 1;
  const settingFor = (layout: SlideLayout): Setting => {
    if (!template) return { grid: builtIn, theme };
    const f = template.frameFor(layout);
    const canvas = { size: "custom" as const, wIn: template.size.wIn / k, hIn: DESIGN_H_IN };
    const content = { xIn: f.content.xIn / k, wIn: f.content.wIn / k };
    return {
      grid: gridOn(canvas, content, scaleZones(f.zones, 1 / k)), theme: f.theme,
      template: { part: f.part, background: f.background, backdrop: f.backdrop.map((d) => scaleRect(d, 1 / k)), light: f.light, dark: f.dark },
    };
  };
  // The whole theme, the size and the template are in the key: a colour, font or template edited in
  // watch mode lays the slides out again.
  const themeKey = cache ? JSON.stringify([theme, rendered.size, template?.key ?? ""]) : "";
  for (const slide of rendered.slides) {
    if (!cache) { layoutSlide(slide, settingFor(slide.layout), slides, warnings); continue; }
    // The key leaves out positions (the slide's, its picture's), so slides below an edit still hit;
    // warnings move with them.
    const key = JSON.stringify([themeKey, slide], (k, v: unknown) => (k === "pos" ? undefined : v));
    const digest = layoutDigest(keyPrefix, key);
    let hit = cache.get(key, digest);
    if (!hit) {
      const placed: PlacedSlide[] = [];
      const warned: DeckError[] = [];
      layoutSlide(slide, settingFor(slide.layout), placed, warned);
      hit = { slides: placed, warnings: warned };
      cache.set(key, digest, hit);
    }
    const image = slide.image;
    slides.push(...hit.slides.map((s, page) => ({ ...s, pos: slide.pos, from: `${digest}:${page}`, ...(image ? { items: s.items.map((it) => (it.kind === "image" ? { ...it, pos: image.pos } : it)) } : {}) })));
    warnings.push(...hit.warnings.map((w) => new DeckError({ ...w.info, pos: slide.pos })));
  }
  const { title, subject, author, company, date } = rendered;
  const size = template ? { name: "custom" as const, ...template.size } : { name: builtIn.size, wIn: builtIn.wIn, hIn: builtIn.hIn };
  return { deck: scaleDeck({ title, subject, author, company, date, size, slides }, k), warnings };
}

function layoutSlide(slide: RenderedSlide, setting: Setting, slides: PlacedSlide[], warnings: DeckError[]): void {
  const { grid, theme, template } = setting;
  const ctx: LayoutContext = { theme, grid, onTemplate: template !== undefined, warn: (e) => warnings.push(e) };
  const cover = layoutModule(slide.layout).frame === "cover";
  const base = {
    master: slide.layout, sectionTitle: slide.sectionTitle, notes: slide.notes, pos: slide.pos,
    // On a template, each slide is placed on one of its layouts and carries its own slide number.
    ...(template ? { templateLayout: template.part, background: template.background, backdrop: template.backdrop, theme, ...(cover ? {} : { number: { ...grid.zones.number, color: theme.colors.footer ?? theme.colors.slate } }) } : {}),
  };
  // Its layout module places it: one page, or several when its content continues.
  const module = layoutModule(slide.layout);
  // On a template, every text reads on what the template draws behind it (pictures, bands, panels).
  const readable = (items: PlacedItem[]): PlacedItem[] => (template
    ? readableOnBackdrop(items, backdropLayers(template.backdrop), template.background, {
      candidates: [theme.colors.ink, theme.colors.title ?? theme.colors.ink, template.dark, template.light, "000000", "FFFFFF"], light: template.light, dark: template.dark,
    })
    : items);
  // What lies behind each text is sampled here, once, and kept with the slide (the accessibility check reads it).
  const backdrop = backdropLayers(template?.backdrop ?? []);
  const background = slideBackground(base, theme.colors);
  const pages: PlacedSlide[] = module.place(ctx, slide).map((page, i) => ({
    ...base, id: i === 0 ? slide.id : `${slide.id}-cont-${i}`, title: page.title ?? fieldText(slide, "title"),
    items: withColoursBehind(titleFirst(readable(page.items.map(nonNegative))), backdrop, background),
  }));
  slides.push(...pages);
  // A body left mostly empty is the outline's to fill: a note says how much, and what would fill it.
  // (A list continued over several slides fills all but its last, which is as long as the rest is.)
  if (module.frame === "content" && !module.sparse && pages.length === 1) {
    const empty = bodyBalance(pages[0]!, grid.zones.body).empty;
    if (empty > SPARSE_SHARE) {
      warnings.push(new DeckError({
        code: "SPARSE_BODY", severity: "note", pos: slide.pos,
        message: `the body of slide "${fieldText(slide, "title").slice(0, 48)}" is ${Math.round(empty * 100)}% empty, even with its text set as large as the type scale allows`,
        hint: module.fillHint ?? "give it more to show (another point, a takeaway), or move its content to a slide that has room for it",
      }));
    }
  }
}

/** A content slide whose body is more than this share empty gets a note. */
const SPARSE_SHARE = 1 / 3;

/** A box squeezed past nothing (a template's small body) is drawn empty, never with a negative size. */
function nonNegative<T extends PlacedItem>(item: T): T {
  return item.wIn >= 0 && item.hIn >= 0 ? item : { ...item, wIn: Math.max(0, item.wIn), hIn: Math.max(0, item.hIn) };
}

/** Screen readers follow shape order: the title goes first (no box it would then cover overlaps it). */
function titleFirst(items: PlacedItem[]): PlacedItem[] {
  const title = items.find((i) => i.kind === "text" && i.placeholder === "title");
  return title ? [title, ...items.filter((i) => i !== title)] : items;
}
