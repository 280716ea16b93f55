// Validate stage: references between parts of the outline (ids, figures, sections) and rules the
// schema cannot express. Returns every problem found.
import { DeckError } from "../errors.js";
import type { SourceMap } from "../model/source-map.js";
import { suggestion } from "../util/did-you-mean.js";
import { isIsoDate } from "../util/format.js";
import { layoutModule } from "../layouts/index.js";
import type { DataPath } from "../model/source-map.js";
import type { Outline } from "./outline-schema.js";
import type { ChartSpec } from "./schema-parts.js";

/** `{{fig "id"}}` citations inside outline text (`\{{…}}`, Handlebars' escape, is literal text). */
export const FIG_CITATION = /(?<!\\)\{\{\s*fig\s+["']([^"']*)["']/g;

/** Zip timestamps (DOS dates) cover these years; the deck's date stamps every part of the file. */
export const ZIP_YEARS = [1980, 2107] as const;

export function checkReferences(outline: Outline, map: SourceMap): DeckError[] {
  const errors: DeckError[] = [];
  const date = outline.deck.date;
  const year = Number(date.slice(0, 4));
  if (!isIsoDate(date) || year < ZIP_YEARS[0] || year > ZIP_YEARS[1]) {
    errors.push(new DeckError({
      code: "INVALID_DATE", pos: map.posOf(["deck", "date"]),
      message: isIsoDate(date) ? `the deck's date "${date}" is outside ${ZIP_YEARS[0]}–${ZIP_YEARS[1]}, the years a .pptx can be stamped with` : `"${date}" is not a real date`,
      hint: `write the briefing's date as YYYY-MM-DD, a day that month has, between ${ZIP_YEARS[0]} and ${ZIP_YEARS[1]}`,
    }));
  }
  const figureIds = Object.keys(outline.figures ?? {});

  // Where each id was first used: looked up only when it is used again.
  const seen = new Map<string, DataPath>();
  const unique = (id: string | undefined, path: Array<string | number>, what: string): void => {
    if (id === undefined) return;
    const first = seen.get(id);
    if (first) {
      errors.push(new DeckError({
        code: "DUPLICATE_ID", pos: map.posOf(path), message: `the ${what} id "${id}" is used twice`,
        hint: `ids must be unique across sections and slides; the first use is at line ${map.posOf(first).line}`,
      }));
    } else {
      seen.set(id, path);
    }
  };

  const figureRef = (id: string, path: DataPath, citation?: string): void => {
    if (!figureIds.includes(id)) {
      errors.push(new DeckError({
        code: "UNKNOWN_FIGURE", pos: citation ? map.posOfText(path, citation) : map.posOf(path), message: `no figure has the id "${id}"`,
        hint: figureIds.length ? suggestion(id, figureIds, "one of the figure ids") : "declare it under `figures:` (value, unit, period, label, source), then cite it",
      }));
    }
  };

  outline.sections.forEach((section, si) => {
    unique(section.id, ["sections", si, "id"], "section");
    if ((section.divider ?? true) && !section.notes) {
      errors.push(new DeckError({
        code: "OUTLINE_MISSING", pos: map.posOf(["sections", si, "title"]),
        message: `section "${section.title}" has a divider slide but no "notes" for it`,
        hint: "add `notes:` to the section with what the presenter says when the section opens, or set `divider: false`",
      }));
    }
    section.slides.forEach((slide, i) => {
      const path = ["sections", si, "slides", i];
      unique(slide.id, [...path, "id"], "slide");
      const module = layoutModule(slide.layout);
      for (const f of module.figures?.(slide, path) ?? []) figureRef(f.id, f.at);
      for (const c of module.charts?.(slide, path) ?? []) for (const f of chartFigureRefs(c.spec, c.at)) figureRef(f.id, f.at);
    });
  });

  forEachText(outline, (text, path) => {
    if (!text.includes("{{")) return; // every citation is in braces, which most texts have none of
    for (const m of text.matchAll(FIG_CITATION)) figureRef(m[1]!, path, m[0]);
  });
  return errors;
}

/** Every figure a chart names, with where: its figures, x values and each series'. */
function chartFigureRefs(spec: ChartSpec, at: DataPath): Array<{ id: string; at: DataPath }> {
  const list = (ids: readonly string[] | undefined, where: DataPath) => (ids ?? []).map((id, j) => ({ id, at: [...where, j] }));
  return [
    ...list(spec.figures, [...at, "figures"]), ...list(spec.x, [...at, "x"]),
    ...(spec.series ?? []).flatMap((s, k) => [...list(s.figures, [...at, "series", k, "figures"]), ...list(s.x, [...at, "series", k, "x"])]),
  ];
}

/** Calls `visit` for every string in the outline with its path (figures' own fields excluded). */
export function forEachText(value: unknown, visit: (text: string, path: Array<string | number>) => void, path: Array<string | number> = []): void {
  if (typeof value === "string") visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => forEachText(v, visit, [...path, i]));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (path.length === 0 && (k === "figures" || k === "$schema")) continue;
      forEachText(v, visit, [...path, k]);
    }
  }
}
