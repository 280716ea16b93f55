// Validate stage: parsed data -> Deck. Collects every problem (shape, then references, audiences
// and figures) and throws them together; nothing later runs on an outline with errors.
import type { z } from "zod";
import { DeckError, DeckErrors, MAX_REPORTED } from "../errors.js";
import type { Deck, Figure, Section, Slide } from "../model/deck.js";
import type { DataPath, SourceMap } from "../model/source-map.js";
import { resolveAudiences } from "./check-audiences.js";
import { checkFigures } from "./check-figures.js";
import { checkReferences } from "./check-references.js";
import { explainIssue } from "./explain-issues.js";
import { OutlineSchema, SlideSchema, type Outline, type SlideSpec } from "./outline-schema.js";
import { resolveChart } from "./resolve-chart.js";
import { resolveFigures } from "./resolve-figures.js";

export function validateOutline(data: unknown, sourceMap: SourceMap): Deck {
  const parsed = OutlineSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const errors = parsed.error.issues.flatMap((i) => explainIssue(i, OutlineSchema, data, sourceMap));
    throw new DeckErrors(dedupe(errors).slice(0, MAX_REPORTED));
  }
  const outline: Outline = parsed.data;
  const errors: DeckError[] = [...checkReferences(outline, sourceMap)];
  const audiences = resolveAudiences(outline, sourceMap, errors);
  const resolved = resolveFigures(outline.figures ?? {}, sourceMap);
  errors.push(...resolved.errors);
  const warnings: DeckError[] = [...resolved.warnings];
  const figures = resolved.figures;
  const sections: Section[] = outline.sections.map((s, si) => ({
    ...s,
    divider: s.divider ?? true,
    listed: s.divider ?? true,
    path: ["sections", si],
    slides: s.slides.map((slide, i) => {
      const path = ["sections", si, "slides", i];
      const resolved = resolveSlide(slide, path, figures, sourceMap, errors, warnings);
      const variants = Object.entries(slide.variants ?? {}).filter(([id]) => audiences.some((a) => a.id === id));
      if (variants.length === 0) return resolved;
      const merged: Record<string, Slide> = {};
      for (const [id, overrides] of variants) {
        const variant = mergeVariant(slide, overrides, [...path, "variants", id], data, sourceMap, errors);
        if (variant) merged[id] = resolveSlide(variant, path, figures, sourceMap, errors, warnings);
      }
      return { ...resolved, audienceVariants: merged };
    }),
  }));
  if (errors.length > 0) throw new DeckErrors(dedupe(errors).slice(0, MAX_REPORTED));
  const deck: Deck = { meta: outline.deck, figures, sections, audiences, sourceMap, warnings: dedupe(warnings) };
  // One source of truth for every number: typed amounts and unused figures fail the build.
  const figureErrors = checkFigures(deck, data);
  if (figureErrors.length > 0) throw new DeckErrors(figureErrors.slice(0, MAX_REPORTED));
  return deck;
}

function resolveSlide(slide: SlideSpec, path: DataPath, figures: Readonly<Record<string, Figure>>, map: SourceMap, errors: DeckError[], warnings: DeckError[]): Slide {
  if (slide.layout !== "chart") return { ...slide, path };
  const chart = resolveChart(slide.chart, figures, [...path, "chart"], map, warnings);
  if (Array.isArray(chart)) { errors.push(...chart); return { ...slide, path }; }
  return { ...slide, path, chartData: chart };
}

/** The slide with one audience's overrides applied, checked against the slide schema. */
function mergeVariant(slide: SlideSpec, overrides: Record<string, unknown>, variantPath: DataPath, data: unknown, map: SourceMap, errors: DeckError[]): SlideSpec | undefined {
  const { variants: _variants, ...base } = slide;
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
