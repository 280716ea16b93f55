// Validate stage: the `audiences` block -> Audience[], with its rules checked against the outline:
// tags that no slide carries, audiences that select nothing, variants for unknown audiences.
import { DeckError } from "../errors.js";
import type { Audience } from "../model/deck.js";
import type { SourceMap } from "../model/source-map.js";
import { suggestion } from "../util/did-you-mean.js";
import { selects } from "../audience/select.js";
import { layoutModule } from "../layouts/index.js";
import type { Outline } from "./outline-schema.js";

/** The built-in audience when an outline declares none: every slide. */
export const FULL_AUDIENCE: Omit<Audience, "marking"> = {
  id: "full", label: "Full briefing", description: "Every section and slide of the outline", isDefault: true,
  include: [], exclude: [], dividers: true, file: "deck.pptx", vars: {},
};

export function resolveAudiences(outline: Outline, map: SourceMap, errors: DeckError[]): Audience[] {
  const declared = Object.entries(outline.audiences ?? {});
  if (declared.length === 0) {
    // Variants need an audience to belong to, even when the outline declares none.
    checkVariants(outline, [], map, errors);
    return [{ ...FULL_AUDIENCE, ...(outline.deck.marking ? { marking: outline.deck.marking } : {}) }];
  }
  const defaults = declared.filter(([, a]) => a.default);
  if (defaults.length > 1) {
    for (const [id] of defaults.slice(1)) {
      errors.push(new DeckError({
        code: "OUTLINE_SHAPE", pos: map.posOf(["audiences", id, "default"]), message: `audience "${id}" is marked default, and so is "${defaults[0]![0]}"`,
        hint: "mark exactly one audience `default: true`",
      }));
    }
  }
  const defaultId = defaults[0]?.[0] ?? declared[0]![0];
  const audiences: Audience[] = declared.map(([id, a]) => ({
    id, label: a.label, description: a.description, isDefault: id === defaultId,
    include: a.include ?? [], exclude: a.exclude ?? [], dividers: a.dividers ?? true, vars: a.vars ?? {},
    file: a.file ?? (id === defaultId ? "deck.pptx" : `deck-${id}.pptx`),
    ...(a.maxBullets !== undefined ? { maxBullets: a.maxBullets } : {}),
    ...((a.marking ?? outline.deck.marking) ? { marking: a.marking ?? outline.deck.marking } : {}),
  }));
  checkRules(outline, audiences, map, errors);
  return [...audiences.filter((a) => a.isDefault), ...audiences.filter((a) => !a.isDefault)];
}

function checkRules(outline: Outline, audiences: readonly Audience[], map: SourceMap, errors: DeckError[]): void {
  const tags = new Set(outline.sections.flatMap((s) => [...(s.tags ?? []), ...s.slides.flatMap((sl) => [...(sl.tags ?? []), ...bulletTags(sl)])]));
  const ids = audiences.map((a) => a.id);
  const files = new Map<string, string>();
  for (const a of audiences) {
    for (const key of ["include", "exclude"] as const) {
      a[key].forEach((tag, i) => {
        if (!tags.has(tag)) {
          errors.push(new DeckError({
            code: "UNKNOWN_TAG", pos: map.posOf(["audiences", a.id, key, i]), message: `audience "${a.id}" selects on the tag "${tag}", which no slide or section carries`,
            hint: tags.size ? suggestion(tag, [...tags], "one of the tags") : "add `tags: [...]` to the slides or sections it should select",
          }));
        }
      });
    }
    if (outline.sections.every((s) => s.slides.every((slide) => !selects(a, s.tags, slide.tags)))) {
      errors.push(new DeckError({
        code: "AUDIENCE_EMPTY", pos: map.posOf(["audiences", a.id]), message: `audience "${a.id}" selects no slide`,
        hint: "check its include and exclude tags against the tags on the slides",
      }));
    }
    if (files.has(a.file)) {
      errors.push(new DeckError({
        code: "DUPLICATE_ID", pos: map.posOf(["audiences", a.id, "file"]), message: `audiences "${files.get(a.file)}" and "${a.id}" both write "${a.file}"`,
        hint: "give each audience its own `file`",
      }));
    }
    files.set(a.file, a.id);
  }
  checkVariants(outline, ids, map, errors);
}

/** Tags on a slide's bullets (audiences select bullets by tags too). */
function bulletTags(slide: Outline["sections"][number]["slides"][number]): string[] {
  const lists = layoutModule(slide.layout).bulletLists?.(slide, []) ?? [];
  return lists.flatMap((l) => l.bullets).flatMap((b) => (typeof b === "string" ? [] : b.tags ?? []));
}

function checkVariants(outline: Outline, ids: readonly string[], map: SourceMap, errors: DeckError[]): void {
  outline.sections.forEach((s, si) => s.slides.forEach((slide, i) => {
    for (const id of Object.keys(slide.variants ?? {})) {
      if (!ids.includes(id)) {
        errors.push(new DeckError({
          code: "UNKNOWN_AUDIENCE", pos: map.posOf(["sections", si, "slides", i, "variants", id], "key"),
          message: `the slide has a variant for the audience "${id}", which the outline does not declare`,
          hint: ids.length ? suggestion(id, ids, "one of the audiences") : "declare it under `audiences:`",
        }));
      }
    }
  }));
}

