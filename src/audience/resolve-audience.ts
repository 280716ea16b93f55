// Audience stage: Deck -> DeckView, the sections and slides one audience sees.
import type { Deck } from "../model/deck.js";
import type { Audience, DeckView } from "../model/view.js";

/** The full briefing: every section and slide. */
export function defaultAudience(deck: Deck): Audience {
  return {
    id: "full", label: "Full briefing", description: "Every section and slide of the outline",
    file: "deck.pptx", ...(deck.meta.marking ? { marking: deck.meta.marking } : {}),
  };
}

export function resolveAudience(deck: Deck): DeckView {
  return { deck, audience: defaultAudience(deck), sections: deck.sections.filter((s) => s.slides.length > 0 || s.divider) };
}
