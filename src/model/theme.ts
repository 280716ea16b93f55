// The theme (assets/themes/<name>.json): colours and fonts, in one file, used by layout/ and build/.
import type { Hex } from "./layout.js";

export interface Theme {
  readonly name: string;
  readonly fonts: { readonly heading: string; readonly body: string };
  readonly colors: {
    readonly ink: Hex; readonly navy: Hex; readonly teal: Hex; readonly slate: Hex; readonly green: Hex;
    readonly red: Hex; readonly amber: Hex; readonly sky: Hex; readonly mist: Hex; readonly white: Hex;
    /** Hairlines and dividers. */
    readonly rule: Hex;
    /** Chart marks that give way to a highlighted category or series. */
    readonly muted: Hex;
    /** Secondary text on navy. */
    readonly onNavy: Hex;
    /** Large accent text on navy (section numbers). */
    readonly accentOnNavy: Hex;
    /** Slide titles and kickers, where they differ from ink and teal (a template's title band). */
    readonly title?: Hex;
    readonly kicker?: Hex;
    /** The footer and slide number, where they differ from slate (a template's footer band). */
    readonly footer?: Hex;
  };
  /** Series colours in order: navy, teal, sky, slate, amber, … (enough for every series and point). */
  readonly chartColors: readonly Hex[];
}
