// Render stage: DeckView -> RenderedDeck. Runs each slide's layout template (templates/<layout>.hbs)
// with the deck, section, slide and audience in scope and collects its {{#field}} blocks. Records the
// figures each slide shows and cites, for its source line, its notes and the sources slide.
import type { ChartData, Citation, Section, Slide, SourceDoc } from "../model/deck.js";
import type { RenderedDeck, RenderedSlide, SlideLayout, TextField } from "../model/rendered.js";
import type { DeckView } from "../model/view.js";
import { fieldSpec, layoutModule } from "../layouts/index.js";
import { formatDate } from "../util/format.js";
import { figureSources, fullSource, slideCitations, sourceLine } from "./citations.js";
import type { CompiledCache } from "./compiled-cache.js";
import { resetBudget, type FieldSink, type HandlebarsEnv, type TemplateFn } from "./handlebars-env.js";
import type { Templates } from "./load-templates.js";
import { OutlineRenderer } from "./render-outline.js";
import { templateError } from "./template-errors.js";
import { DeckError } from "../errors.js";
import { suggestion } from "../util/did-you-mean.js";

export function renderDeck(view: DeckView, templates: Templates, hb: HandlebarsEnv, compiled?: Map<string, TemplateFn>, disk?: CompiledCache): RenderedDeck {
  const { deck, audience } = view;
  const map = deck.sourceMap;
  const docs = new Map(deck.sources.map((d) => [d.id, d]));
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

  const slides: RenderedSlide[] = [];
  /** Documents this audience's deck cites, in order of first citation. */
  const citedDocs: SourceDoc[] = deck.sources.filter((d) => d.wholeDeck);
  /** Where in each document the deck cites, in order of first citation. */
  const citedLocators = new Map<string, string[]>();
  const cite = (c: Citation) => {
    if (!citedDocs.some((d) => d.id === c.doc)) citedDocs.push(docs.get(c.doc)!);
    const list = citedLocators.get(c.doc) ?? [];
    if (c.locator && !list.includes(c.locator)) list.push(c.locator);
    citedLocators.set(c.doc, list);
  };
  const noteCited = (ids: readonly string[]) => {
    for (const id of ids) for (const c of deck.figures[id]!.citations) cite(c);
  };
  /** Sources slides are rendered last, when the deck's citations are known; then put in their place. */
  const deferred: Array<{ at: number; render: () => RenderedSlide }> = [];
  for (const section of view.sections) {
    const number = listed.indexOf(section) + 1;
    // Section text may say which part this is: {{section.number}} of {{section.count}}, counted in this audience's deck.
    const notesCited = new Set<string>();
    const sectionCtx = {
      ...outline.deep({ id: section.id, title: section.title, gist: section.gist ?? "" }, section.path, { deck: meta, audience, section: { number, count: listed.length, title: section.title } }),
      notes: outline.text(section.notes ?? "", [...section.path, "notes"], { deck: meta, audience, section: { number, count: listed.length, title: section.title } }, notesCited),
    };
    const base = { deck: meta, audience, agenda, section: { ...sectionCtx, number } };
    const divider = () => {
      noteCited([...notesCited]);
      slides.push(runLayout(hb, "section", dividerId(section), section, { ...base, figureSources: figureSources([...notesCited], deck.figures, docs) }, {}, templates, map.posOf([...section.path, "title"])));
    };
    // The divider opens the section (validation warns when that puts it before the title slide).
    if (section.divider) divider();
    section.slides.forEach((slide, i) => {
      const id = slideId(section, i);
      if (layoutModule(slide.layout).rendersLast) {
        const at = slides.length;
        slides.push(undefined as unknown as RenderedSlide);
        deferred.push({ at, render: () => renderSlide(slide, id, section, base, { citedSources: citedDocs.map((d) => ({ ...fullSource(d), locators: citedLocators.get(d.id) ?? [] })) }) });
        return;
      }
      slides.push(renderSlide(slide, id, section, base, {}));
    });
  }
  for (const d of deferred) slides[d.at] = d.render();
  return {
    title: meta.title, subject: meta.subtitle ?? meta.title, author: meta.author,
    company: meta.organisation ?? "", date: deck.meta.date, size: deck.meta.size ?? "16:9", slides,
  };

  function renderSlide(slide: Slide, id: string, section: Section, base: object, extraContext: object): RenderedSlide {
    const { notes, ...visible } = stripPath(slide) as { notes: string } & Record<string, unknown>;
    const shown = new Set<string>();
    const inNotes = new Set<string>();
    const rendered = { ...outline.deep(visible, slide.path, base, shown), notes: outline.text(notes, [...slide.path, "notes"], base, inNotes) };
    const module = layoutModule(slide.layout);
    const charts = slide.drawnCharts ?? [];
    const extra = module.context?.({ slide, rendered, figures: deck.figures, charts }) ?? { context: {} };
    for (const f of extra.shows ?? []) shown.add(f);
    // The source line: the citations of exactly the figures the slide shows, and its own.
    const citations = slideCitations([...shown], deck.figures, slide.citations);
    const onSlide = [...new Set([...shown, ...inNotes])];
    noteCited(onSlide);
    for (const c of citations) cite(c);
    return runLayout(hb, slide.layout, id, section, {
      ...base, slide: rendered, ...extra.context, ...extraContext,
      sources: sourceLine(citations, docs), figureSources: figureSources(onSlide, deck.figures, docs),
    }, { charts, image: imageOf(slide, deck.meta, map), ...(module.carry ? { data: module.carry(slide) } : {}) }, templates, map.posOf(slide.path));
  }
}

function runLayout(hb: HandlebarsEnv, layout: SlideLayout, id: string, section: Section, context: object,
  extra: { charts?: readonly ChartData[]; image?: RenderedSlide["image"]; data?: unknown }, templates: Templates, pos: RenderedSlide["pos"]): RenderedSlide {
  const template = templates.layouts.get(layout)!;
  const fields: FieldSink = new Map();
  resetBudget(hb);
  const withDefaults = { sources: { label: "Source", items: [] }, figureSources: [], ...context };
  try {
    template.fn(withDefaults, { data: { fields, templateFile: template.source.file } });
  } catch (err) {
    throw templateError(err, template.source.text, (loc) => ({ file: template.source.file, ...loc }), template.source.file);
  }
  checkFields(layout, fields, template.source.file);
  const all: Record<string, readonly TextField[]> = Object.fromEntries(fields);
  const notes = (all["notes"] ?? []).map((f) => f.text).join("\n\n");
  return {
    layout, id, sectionId: section.id, sectionTitle: section.title, fields: all, notes, pos,
    ...(extra.charts?.length ? { charts: extra.charts } : {}), ...(extra.image ? { image: extra.image } : {}), ...(extra.data !== undefined ? { data: extra.data } : {}),
  };
}

/** A field the layout does not know, or one it needs that the template never wrote, is an error. */
function checkFields(layout: SlideLayout, fields: FieldSink, file: string): void {
  const spec = fieldSpec(layoutModule(layout));
  const known = [...spec.required, ...spec.optional];
  for (const [name, list] of fields) {
    if (known.includes(name)) continue;
    const at = list[0]?.at;
    throw new DeckError({
      code: "TEMPLATE_FIELD_UNKNOWN", pos: at ? { file: at.file, line: at.line, col: at.col } : { file, line: 1, col: 1 },
      message: `the "${layout}" layout has no field "${name}", so its text would not be placed`,
      hint: suggestion(name, known, "one of its fields"),
    });
  }
  const missing = spec.required.filter((name) => !fields.has(name));
  if (missing.length > 0) {
    throw new DeckError({
      code: "TEMPLATE_FIELD_MISSING", pos: { file, line: 1, col: 1 },
      message: `the template for the "${layout}" layout writes no ${missing.map((m) => `"${m}"`).join(", ")} field`,
      hint: `write ${missing.map((m) => `{{#field "${m}"}}…{{/field}}`).join(" and ")}; the layout needs ${missing.length === 1 ? "it" : "them"}`,
    });
  }
}

/** The image a slide shows (the title slide's cover, a picture), as its layout module names it. */
function imageOf(slide: Slide, meta: DeckView["deck"]["meta"], map: DeckView["deck"]["sourceMap"]): RenderedSlide["image"] {
  const image = layoutModule(slide.layout).image?.(slide, slide.path, meta);
  return image ? { path: image.path, pos: map.posOf(image.at) } : undefined;
}

function dividerId(section: Section): string {
  return `section-${section.id}`;
}

function slideId(section: Section, index: number): string {
  return section.slides[index]?.id ?? `${section.id}-${index + 1}`;
}

function stripPath(slide: Slide): object {
  const { path: _path, drawnCharts: _charts, citations: _citations, audienceVariants: _variants, ...rest } = slide;
  return rest;
}
