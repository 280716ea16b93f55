// Render stage: DeckView -> RenderedDeck. Runs each slide's layout template (templates/<layout>.hbs)
// with the deck, section, slide and audience in scope and collects its {{#field}} blocks.
import type { ChartData, Section, Slide } from "../model/deck.js";
import type { RenderedDeck, RenderedSlide, SlideLayout, TextField } from "../model/rendered.js";
import type { DeckView } from "../model/view.js";
import { figureParts, formatDate, formatFigure } from "../util/format.js";
import type { FieldSink, HandlebarsEnv, TemplateFn } from "./handlebars-env.js";
import type { Templates } from "./load-templates.js";
import { OutlineRenderer } from "./render-outline.js";
import type { CompiledCache } from "./compiled-cache.js";
import { chartContext } from "./chart-context.js";
import { templateError } from "./template-errors.js";

export function renderDeck(view: DeckView, templates: Templates, hb: HandlebarsEnv, compiled?: Map<string, TemplateFn>, disk?: CompiledCache): RenderedDeck {
  const { deck, audience } = view;
  const map = deck.sourceMap;
  const outline = new OutlineRenderer(hb, map, compiled, disk);
  const metaRaw = outline.deep(deck.meta, ["deck"], { audience });
  const meta = { ...metaRaw, isoDate: deck.meta.date, date: formatDate(deck.meta.date), marking: audience.marking ?? metaRaw.marking };
  const listed = view.sections.filter((s) => s.listed);
  const agenda = listed.map((s, i) => ({
    // Each entry links to its divider, or to the section's first slide when the audience has none.
    number: i + 1, id: s.id, target: s.divider ? dividerId(s) : slideId(s, 0),
    title: outline.text(s.title, [...s.path, "title"], { deck: meta, audience }),
    gist: s.gist ? outline.text(s.gist, [...s.path, "gist"], { deck: meta, audience }) : "",
  }));
  const sectionTitles = new Map(deck.sections.map((s) => [s.id, s.title]));

  const slides: RenderedSlide[] = [];
  for (const section of view.sections) {
    const number = listed.indexOf(section) + 1;
    // Section text may say which part this is: {{section.number}} of {{section.count}}, counted in this audience's deck.
    const sectionCtx = outline.deep({ id: section.id, title: section.title, gist: section.gist ?? "", notes: section.notes ?? "" },
      section.path, { deck: meta, audience, section: { number, count: listed.length, title: section.title } });
    const base = { deck: meta, audience, agenda, section: { ...sectionCtx, number } };
    if (section.divider) {
      slides.push(runLayout("section", dividerId(section), section, base, {}, templates, map.posOf([...section.path, "title"])));
    }
    section.slides.forEach((slide, i) => {
      const rendered = outline.deep(stripPath(slide), slide.path, base);
      const extra = layoutContext(slide, rendered, deck.figures, sectionTitles, meta.source.title);
      slides.push(runLayout(slide.layout, slideId(section, i), section,
        { ...base, slide: rendered, ...extra }, { chart: slide.chartData, image: coverOf(slide, deck.meta.cover, map) }, templates,
        map.posOf(slide.path)));
    });
  }
  return {
    title: meta.title, subject: meta.subtitle ?? meta.title, author: meta.author,
    company: meta.organisation ?? "", date: deck.meta.date, slides,
  };
}

function runLayout(layout: SlideLayout, id: string, section: Section, context: object,
  extra: { chart?: ChartData | undefined; image?: RenderedSlide["image"] }, templates: Templates, pos: RenderedSlide["pos"]): RenderedSlide {
  const template = templates.layouts.get(layout)!;
  const fields: FieldSink = new Map();
  try {
    template.fn(context, { data: { fields } });
  } catch (err) {
    throw templateError(err, template.source.text, (loc) => ({ file: template.source.file, ...loc }), template.source.file);
  }
  const all: Record<string, readonly TextField[]> = Object.fromEntries(fields);
  const notes = (all["notes"] ?? []).map((f) => f.text).join("\n\n");
  return {
    layout, id, sectionId: section.id, sectionTitle: section.title, fields: all, notes, pos,
    ...(extra.chart ? { chart: extra.chart } : {}), ...(extra.image ? { image: extra.image } : {}),
  };
}

/** Data a layout's template needs beyond the slide's own text: resolved figures, chart facts. */
function layoutContext(slide: Slide, rendered: object, figures: DeckView["deck"]["figures"], sectionTitles: Map<string, string>, sourceTitle: string): object {
  if (slide.layout === "key-figures") {
    const resolved = slide.figures.map((f) => figures[f.figure]!);
    const captions = (rendered as { figures: Array<{ caption: string }> }).figures.map((f) => f.caption);
    return {
      keyFigures: resolved.map((f, i) => ({ ...figureParts(f), text: formatFigure(f), period: f.period, label: f.label, caption: captions[i] })),
      sourceSections: sourcesOf(resolved.map((f) => f.source), sectionTitles), sourceTitle,
    };
  }
  if (slide.layout === "chart" && slide.chartData) {
    const chart = chartContext(slide.chartData, figures);
    return { chart, sourceSections: sourcesOf(chart.figureIds.map((id) => figures[id]!.source), sectionTitles), sourceTitle };
  }
  return { sourceTitle };
}

function sourcesOf(ids: ReadonlyArray<string | undefined>, titles: Map<string, string>): string {
  const names = [...new Set(ids.filter((id): id is string => id !== undefined))].map((id) => `“${titles.get(id) ?? id}”`);
  return names.length ? `${names.length > 1 ? "sections" : "section"} ${names.join(" and ")}` : "";
}

function coverOf(slide: Slide, cover: string | undefined, map: DeckView["deck"]["sourceMap"]): RenderedSlide["image"] {
  return slide.layout === "title" && cover ? { path: cover, pos: map.posOf(["deck", "cover"]) } : undefined;
}

function dividerId(section: Section): string {
  return `section-${section.id}`;
}

function slideId(section: Section, index: number): string {
  return section.slides[index]?.id ?? `${section.id}-${index + 1}`;
}

function stripPath(slide: Slide): object {
  const { path: _path, chartData: _chart, ...rest } = slide;
  return rest;
}
