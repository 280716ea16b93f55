// Validate stage: parsed data -> Deck. Collects every problem (shape, then references) and throws
// them together; nothing later runs on an outline with errors.
import { DeckError, DeckErrors, MAX_REPORTED } from "../errors.js";
import type { Deck, Section, Slide } from "../model/deck.js";
import type { SourceMap } from "../model/source-map.js";
import { checkReferences } from "./check-references.js";
import { resolveChart } from "./resolve-chart.js";
import { explainIssue } from "./explain-issues.js";
import { OutlineSchema, type Outline } from "./outline-schema.js";

export function validateOutline(data: unknown, sourceMap: SourceMap): Deck {
  const parsed = OutlineSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const errors = parsed.error.issues.flatMap((i) => explainIssue(i, OutlineSchema, data, sourceMap));
    throw new DeckErrors(dedupe(errors).slice(0, MAX_REPORTED));
  }
  const outline: Outline = parsed.data;
  const errors: DeckError[] = [...checkReferences(outline, sourceMap)];
  const figures = outline.figures ?? {};
  const sections: Section[] = outline.sections.map((s, si) => ({
    ...s,
    divider: s.divider ?? true,
    path: ["sections", si],
    slides: s.slides.map((slide, i): Slide => {
      const path = ["sections", si, "slides", i];
      if (slide.layout !== "chart") return { ...slide, path };
      const chart = resolveChart(slide.chart, figures, [...path, "chart"], sourceMap);
      if (chart instanceof Array) { errors.push(...chart); return { ...slide, path }; }
      return { ...slide, path, chartData: chart };
    }),
  }));
  if (errors.length > 0) throw new DeckErrors(dedupe(errors).slice(0, MAX_REPORTED));
  return { meta: outline.deck, figures, sections, sourceMap };
}

function dedupe(errors: DeckError[]): DeckError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.info.pos?.line}:${e.info.pos?.col}:${e.code}:${e.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
