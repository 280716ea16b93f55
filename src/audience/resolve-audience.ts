// Audience stage: Deck -> DeckView, the sections and slides one audience sees, with its variants of
// slide text applied. Bullets are selected by their tags like slides; a `maxBullets` limit cuts the
// rest with a warning that names each bullet cut (an error under --strict).
import { DeckError, DeckErrors, UsageError } from "../errors.js";
import type { Audience, Deck, Section, Slide } from "../model/deck.js";
import type { DataPath } from "../model/source-map.js";
import type { DeckView } from "../model/view.js";
import { layoutModule } from "../layouts/index.js";
import type { BulletSpec } from "../validate/schema-parts.js";
import { selects } from "./select.js";

/** The audience named on the command line, or the outline's default one. */
export function findAudience(deck: Deck, id?: string): Audience {
  const audience = id === undefined ? deck.audiences[0] : deck.audiences.find((a) => a.id === id);
  if (!audience) {
    throw new UsageError(`unknown audience "${id}"; the outline declares: ${deck.audiences.map((a) => `${a.id} (${a.label})`).join(", ")}`);
  }
  return audience;
}

export function resolveAudience(deck: Deck, audience: Audience = deck.audiences[0]!): DeckView {
  const everyone = audience.include.length === 0 && audience.exclude.length === 0;
  const warnings: DeckError[] = [];
  const errors: DeckError[] = [];
  const sections: Section[] = deck.sections
    .map((s) => ({
      ...s,
      divider: s.divider && audience.dividers,
      slides: s.slides.filter((slide) => selects(audience, s.tags, slide.tags))
        .map((slide) => forAudience(deck, slide, audience, [...(s.tags ?? []), ...(slide.tags ?? [])], warnings, errors)),
    }))
    // An empty section stays only in the full deck, where its divider was asked for.
    .filter((s) => s.slides.length > 0 || (everyone && s.divider));
  if (errors.length > 0) throw new DeckErrors(errors);
  return { deck, audience, sections, warnings };
}


function forAudience(deck: Deck, slide: Slide, audience: Audience, inherited: readonly string[], warnings: DeckError[], errors: DeckError[]): Slide {
  const chosen = slide.audienceVariants?.[audience.id] ?? slide;
  const keep = (bullets: readonly BulletSpec[], at: DataPath): BulletSpec[] => {
    const kept = bullets.map((b, i) => ({ b, i })).filter(({ b }) => typeof b === "string" || selects(audience, inherited, b.tags ?? []));
    if (kept.length === 0) {
      errors.push(new DeckError({
        code: "AUDIENCE_EMPTY", pos: deck.sourceMap.posOf(at), message: `audience "${audience.id}" keeps none of these bullets, so the slide would be empty`,
        hint: `keep at least one bullet for "${audience.id}", or tag the slide so that "${audience.id}" leaves it out`,
      }));
      return bullets.slice(0, 1);
    }
    const max = audience.maxBullets;
    if (max === undefined || kept.length <= max) return kept.map((k) => k.b);
    for (const { b, i } of kept.slice(max)) {
      const text = typeof b === "string" ? b : b.text;
      warnings.push(new DeckError({
        code: "CONTENT_CUT", severity: "warning", pos: deck.sourceMap.posOf([...at, i]),
        message: `audience "${audience.id}" shows at most ${max} bullet${max === 1 ? "" : "s"}, so this one is left out of its deck: "${text.length > 60 ? `${text.slice(0, 59)}…` : text}"`,
        hint: `tag the bullets to choose which ones "${audience.id}" sees (tags: [...] on a bullet, exclude: [...] on the audience), or raise maxBullets`,
      }));
    }
    return kept.slice(0, max).map((k) => k.b);
  };
  const path = slide.audienceVariants?.[audience.id] ? [...slide.path, "variants", audience.id] : slide.path;
  const module = layoutModule(chosen.layout);
  const lists = module.bulletLists?.(chosen, path) ?? [];
  if (lists.length === 0 || !module.withBulletLists) return chosen;
  return module.withBulletLists(chosen, lists.map((l) => keep(l.bullets, l.at))) as Slide;
}
