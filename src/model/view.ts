// Contract between audience/ and render/: the slides one audience sees.
import type { Deck, Section } from "./deck.js";

export interface Audience {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** Footer marking, e.g. "For official use". */
  readonly marking?: string;
  /** Output file name, e.g. "deck.pptx". */
  readonly file: string;
}

export interface DeckView {
  readonly deck: Deck;
  readonly audience: Audience;
  /** The sections this audience sees, each with only its chosen slides. */
  readonly sections: readonly Section[];
}
