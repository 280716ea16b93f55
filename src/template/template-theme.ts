// Template stage: the briefing's colours and fonts taken from the template's theme, for one
// background (a layout's): text in the theme's dark or light colour, whichever reads on it; accents and
// chart series from its accent colours; panels and rules mixed from its background and text. A theme
// colour that would fail the contrast the accessibility check asks for against that background is
// replaced by the nearest shade that passes, with a located warning naming it.
import { contrastRatio, luminance } from "../a11y/contrast.js";
import { DeckError, type SourcePos } from "../errors.js";
import type { Theme } from "../model/theme.js";
import type { TemplateTheme } from "./read-template.js";
import { mix } from "../util/colour.js";

export { mix };

/** Contrast a role needs against the background: body text 4.5:1, large text and marks 3:1. */
const NEEDS = { text: 4.5, large: 3 } as const;

export function templateTheme(base: Theme, t: TemplateTheme, background: string, pos: SourcePos, warn: (e: DeckError) => void): Theme {
  const c = t.colors;
  const bg = background;
  const dark = luminance(bg) < 0.18;
  // Text: the theme's dark colour on a light background, its light colour on a dark one.
  // A mid-tone background may fail with either: then whichever of the theme's colours, white or
  // black reads best.
  const ink = readableText(c, bg);
  const shown = new Set<string>();
  // Panels a shade off the background: accents must read on them too.
  const mist = mix(ink, bg, 0.06);
  const ensure = (name: string, color: string | undefined, fallback: string, needs: number): string => {
    const wanted = color ?? fallback;
    const passing = passingShade(wanted, [bg, mist], needs);
    if (passing !== wanted && color !== undefined && !shown.has(name)) {
      shown.add(name);
      // Named against the background it fails on: the slide's, or a panel's.
      const [against, where] = contrastRatio(wanted, bg) < needs ? [bg, "its background"] : [mist, "the panels on it"];
      warn(new DeckError({
        code: "TEMPLATE_CONTRAST", severity: "warning", pos,
        message: `the template's colour ${name} (#${wanted}) has ${contrastRatio(wanted, against).toFixed(1)}:1 against ${where} (#${against}), below ${needs}:1, so #${passing} is used instead`,
        hint: "choose a theme colour with more contrast in the template (Design › Variants › Colors), or accept the shade",
      }));
    }
    return passing;
  };
  const accents = ["accent1", "accent2", "accent3", "accent4", "accent5", "accent6"].map((k) => c[k]).filter((x): x is string => x !== undefined);
  // The primary accent sets key figures and table headings (under white text): it must read as text.
  const primary = ensure("accent1", c["accent1"], base.colors.navy, NEEDS.text);
  const secondary = ensure("accent2", c["accent2"], base.colors.teal, NEEDS.text);
  const slate = passingShade(mix(ink, bg, 0.72), [bg, mist], NEEDS.text);
  const chartColors = [...accents.map((a, i) => ensure(`accent${i + 1}`, a, a, NEEDS.large)), ...base.chartColors].slice(0, Math.max(8, accents.length));
  return {
    name: base.name,
    fonts: { heading: t.fonts.major || base.fonts.heading, body: t.fonts.minor || base.fonts.body },
    colors: {
      ...base.colors,
      ink, slate, navy: primary, teal: secondary,
      sky: chartColors[2] ?? base.colors.sky,
      green: passingShade(base.colors.green, bg, NEEDS.text), red: passingShade(base.colors.red, bg, NEEDS.text), amber: passingShade(base.colors.amber, bg, NEEDS.large),
      // Panels a shade off the background; rules and muted marks between it and the text.
      mist, white: bg, rule: mix(ink, bg, 0.28), muted: mix(ink, bg, 0.42),
      // On a divider the background is the layout's own: the same roles, read against it.
      onNavy: slate, accentOnNavy: secondary,
    },
    chartColors,
  };
}

/** The theme's text colour for `bg`: its dark one on light, its light one on dark, else the best that reads. */
export function readableText(c: Readonly<Record<string, string>>, bg: string): string {
  const dark = luminance(bg) < 0.18;
  const preferred = (dark ? [c["lt1"], c["lt2"], "FFFFFF"] : [c["dk1"], c["dk2"], "000000"]).filter((x): x is string => x !== undefined);
  const found = preferred.find((x) => contrastRatio(x, bg) >= NEEDS.text);
  if (found) return found;
  const all = [...preferred, ...(dark ? [c["dk1"], c["dk2"], "000000"] : [c["lt1"], c["lt2"], "FFFFFF"]).filter((x): x is string => x !== undefined)];
  return all.reduce((best, x) => (contrastRatio(x, bg) > contrastRatio(best, bg) ? x : best));
}

/**
 * The shade of `color` nearest to it that has `needs` against every one of `bgs`: darkened or
 * lightened, whichever gets there in fewer steps (a mid-tone background can be passed either way).
 */
export function passingShade(color: string, bgs: string | readonly string[], needs: number): string {
  const against = typeof bgs === "string" ? [bgs] : bgs;
  const passes = (c: string) => against.every((bg) => contrastRatio(c, bg) >= needs);
  if (passes(color)) return color;
  for (let k = 0.05; k <= 1.0001; k += 0.05) {
    const shade = ["000000", "FFFFFF"].map((toward) => mix(toward, color, k)).find(passes);
    if (shade) return shade;
  }
  return ["000000", "FFFFFF"].reduce((a, b) => (Math.min(...against.map((bg) => contrastRatio(b, bg))) > Math.min(...against.map((bg) => contrastRatio(a, bg))) ? b : a));
}
