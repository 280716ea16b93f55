// Contract between audience/ and render/: the slides one audience sees.
import type { DeckError } from "../errors.js";
import type { Audience, Deck, Section } from "./deck.js";

export type { Audience } from "./deck.js";

export interface DeckView {
  readonly deck: Deck;
  readonly audience: Audience;
  /** The sections this audience sees, each with only its chosen slides. */
  readonly sections: readonly Section[];
  /** What the audience's rules cut (bullets past maxBullets), each located. */
  readonly warnings: readonly DeckError[];
}
