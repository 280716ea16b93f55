// Validate stage: parsed data -> Deck. Collects every problem (shape, then references, audiences
// and figures) and throws them together; nothing later runs on an outline with errors.
import type { z } from "zod";
import { DeckError, DeckErrors, MAX_REPORTED } from "../errors.js";
import { LAYOUT_MODULES, layoutModule } from "../layouts/index.js";
import type { ChartData, Deck, Figure, Section, Slide } from "../model/deck.js";
import type { DataPath, SourceMap } from "../model/source-map.js";
import { resolveAudiences } from "./check-audiences.js";
import { checkFigures } from "./check-figures.js";
import { checkReferences } from "./check-references.js";
import { explainIssue } from "./explain-issues.js";
import { OutlineSchema, SlideSchema, type Outline, type SlideSpec } from "./outline-schema.js";
import { common } from "./schema-parts.js";
import { resolveChart } from "./resolve-chart.js";
import { resolveFigures } from "./resolve-figures.js";
import { resolveSources, type SourceResolver } from "./resolve-sources.js";

/** Slides an outline may have (a command-line flag raises it for a real need). */
export const DEFAULT_MAX_SLIDES = 3000;

export function validateOutline(data: unknown, sourceMap: SourceMap, maxSlides = DEFAULT_MAX_SLIDES): Deck {
  // Counted before anything is checked or built: tens of thousands of tiny slides fit in a few MiB.
  const rawSections = (data as { sections?: unknown } | null)?.sections;
  const slideCount = Array.isArray(rawSections) ? rawSections.reduce((n: number, s) => n + (Array.isArray((s as { slides?: unknown })?.slides) ? (s as { slides: unknown[] }).slides.length : 0), 0) : 0;
  if (slideCount > maxSlides) {
    throw new DeckError({
      code: "OUTLINE_SHAPE", pos: sourceMap.posOf(["sections"], "key"),
      message: `the outline has ${slideCount.toLocaleString("en-GB")} slides, over the limit of ${maxSlides.toLocaleString("en-GB")}`,
      hint: "split it into several decks; if one deck really needs this many slides, raise the limit with --max-slides",
    });
  }
  const parsed = OutlineSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const errors = parsed.error.issues.flatMap((i) => explainIssue(i, OutlineSchema, data, sourceMap));
    throw new DeckErrors(dedupe(errors).slice(0, MAX_REPORTED));
  }
  const outline: Outline = parsed.data;
  const errors: DeckError[] = [...checkReferences(outline, sourceMap)];
  const warnings: DeckError[] = [];
  const audiences = resolveAudiences(outline, sourceMap, errors);
  const sources = resolveSources(outline, sourceMap, errors, warnings);
  const resolved = resolveFigures(outline.figures ?? {}, sourceMap, (id, spec) => sources.citations(spec.source!, ["figures", id, "source"], { figure: true }));
  errors.push(...resolved.errors);
  warnings.push(...resolved.warnings);
  const figures = resolved.figures;
  // A section that opens with the title slide (or the agenda) and has a divider would show the divider first.
  outline.sections.forEach((s, si) => {
    const first = s.slides[0];
    if ((s.divider ?? true) && first && layoutModule(first.layout).leadsSection) {
      warnings.push(new DeckError({
        code: "DIVIDER_BEFORE_TITLE", severity: "warning", pos: sourceMap.posOf(["sections", si, "title"]),
        message: `section "${s.title}" opens with the ${first.layout} slide, so its divider comes before it`,
        hint: "set `divider: false` on the opening section (the shipped deck does), or move the slide into a section of its own",
      }));
    }
  });
  const sections: Section[] = outline.sections.map((s, si) => ({
    ...s,
    divider: s.divider ?? true,
    listed: s.divider ?? true,
    path: ["sections", si],
    slides: s.slides.map((slide, i) => {
      const path = ["sections", si, "slides", i];
      const resolved = resolveSlide(slide, path, figures, sources, sourceMap, errors, warnings);
      const variants = Object.entries(slide.variants ?? {}).filter(([id]) => audiences.some((a) => a.id === id));
      if (variants.length === 0) return resolved;
      const merged: Record<string, Slide> = {};
      for (const [id, overrides] of variants) {
        const variant = mergeVariant(slide, overrides, [...path, "variants", id], data, sourceMap, errors);
        if (variant) merged[id] = resolveSlide(variant, [...path, "variants", id], figures, sources, sourceMap, errors, warnings, path);
      }
      return { ...resolved, audienceVariants: merged };
    }),
  }));
  if (errors.length > 0) throw new DeckErrors(dedupe(errors).slice(0, MAX_REPORTED));
  const deck: Deck = { meta: outline.deck, sources: sources.docs, figures, sections, audiences, sourceMap, warnings: dedupe(warnings) };
  // One source of truth for every number: typed amounts and unused figures fail the build; so does a
  // source document nothing cites.
  const checked = checkFigures(deck, data);
  const late = [...checked.errors, ...unusedSources(deck, checked.used, sourceMap, outline)];
  if (late.length > 0) throw new DeckErrors(late.slice(0, MAX_REPORTED));
  return deck;
}

/**
 * The slide with its citations and charts resolved, after its layout's own checks. `at` locates the
 * slide's own fields (a variant's, for a variant); `path` is the slide's.
 */
function resolveSlide(spec: SlideSpec, at: DataPath, figures: Readonly<Record<string, Figure>>, sources: SourceResolver, map: SourceMap, errors: DeckError[], warnings: DeckError[], path: DataPath = at): Slide {
  const { source, ...slide } = spec;
  const module = layoutModule(slide.layout);
  // Figures another check found missing are reported there; a layout's own checks see the rest.
  errors.push(...(module.check?.(slide, at, (p) => map.posOf(p), figures) ?? []));
  const citations = source === undefined ? [] : sources.citations(source, [...at, "source"], { figure: false }) ?? [];
  const specs = module.charts?.(slide, path, figures) ?? [];
  if (specs.length === 0) return { ...slide, path, citations } as Slide;
  const charts: ChartData[] = [];
  for (const { spec: chartSpec, at: chartAt } of specs) {
    const chart = resolveChart(chartSpec, figures, chartAt, map, warnings);
    if (Array.isArray(chart)) errors.push(...chart); else charts.push(chart);
  }
  return { ...slide, path, citations, ...(charts.length === specs.length ? { drawnCharts: charts } : {}) } as Slide;
}

/** A declared document that no used figure and no slide cites. */
function unusedSources(deck: Deck, usedFigures: ReadonlySet<string>, map: SourceMap, outline: Outline): DeckError[] {
  const cited = new Set<string>();
  for (const id of usedFigures) for (const c of deck.figures[id]?.citations ?? []) cited.add(c.doc);
  for (const section of deck.sections) {
    for (const slide of [...section.slides, ...section.slides.flatMap((s) => Object.values(s.audienceVariants ?? {}))]) for (const c of slide.citations) cited.add(c.doc);
  }
  return deck.sources.filter((d) => !cited.has(d.id) && !d.wholeDeck).map((d) => new DeckError({
    code: "SOURCE_UNUSED", pos: outline.sources ? map.posOf(["sources", outline.sources.findIndex((s) => s.id === d.id)], "value") : map.posOf(["deck", "source"], "key"),
    message: `the source "${d.id}" (${d.title}) is declared but nothing cites it`,
    hint: `cite it from a figure or a slide (source: { doc: ${d.id}, locator: … }), or remove it`,
  }));
}

/** The slide with one audience's overrides applied, checked against the slide schema. */
function mergeVariant(slide: SlideSpec, overrides: Record<string, unknown>, variantPath: DataPath, data: unknown, map: SourceMap, errors: DeckError[]): SlideSpec | undefined {
  const { variants: _variants, ...whole } = slide;
  // A variant in another layout keeps the slide's keys that layout also has (its title, notes, a
  // chart); the others belong to the slide's own layout.
  const target = LAYOUT_MODULES.find((m) => m.id === overrides["layout"]);
  const base = target && target.id !== slide.layout
    ? Object.fromEntries(Object.entries(whole).filter(([k]) => k in common || k === "layout" || k in (target.schema ?? {})))
    : whole;
  const parsed = SlideSchema.safeParse({ ...base, ...overrides });
  if (parsed.success) return parsed.data;
  const slidePath = variantPath.slice(0, -2);
  for (const issue of parsed.error.issues) {
    const first = issue.path[0];
    const prefix = typeof first === "string" && first in overrides ? variantPath : slidePath;
    const located = { ...issue, path: [...prefix, ...issue.path] } as z.core.$ZodIssue;
    errors.push(...explainIssue(located, OutlineSchema, data, map));
  }
  return undefined;
}

function dedupe(errors: DeckError[]): DeckError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.info.pos?.line}:${e.info.pos?.col}:${e.code}:${e.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
