// Audience stage: Deck -> DeckView, the sections and slides one audience sees, with its variants
// of slide text applied and its bullet limit kept.
import { UsageError } from "../errors.js";
import type { Audience, Deck, Section, Slide } from "../model/deck.js";
import type { DeckView } from "../model/view.js";
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
  const sections: Section[] = deck.sections
    .map((s) => ({
      ...s,
      divider: s.divider && audience.dividers,
      slides: s.slides.filter((slide) => selects(audience, s.tags, slide.tags)).map((slide) => forAudience(slide, audience)),
    }))
    // An empty section stays only in the full deck, where its divider was asked for.
    .filter((s) => s.slides.length > 0 || (everyone && s.divider));
  return { deck, audience, sections };
}

function forAudience(slide: Slide, audience: Audience): Slide {
  const chosen = slide.audienceVariants?.[audience.id] ?? slide;
  const max = audience.maxBullets;
  if (max === undefined) return chosen;
  if (chosen.layout === "bullets") return { ...chosen, bullets: chosen.bullets.slice(0, max) };
  if (chosen.layout === "two-columns") {
    return { ...chosen, left: { ...chosen.left, bullets: chosen.left.bullets.slice(0, max) }, right: { ...chosen.right, bullets: chosen.right.bullets.slice(0, max) } };
  }
  return chosen;
}
