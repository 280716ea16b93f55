// Validate stage: the theme file's shape (colours as six-digit hex, at least eight chart colours).
import * as z from "./zod.js";
import { DeckError } from "../errors.js";
import type { SourceMap } from "../model/source-map.js";
import type { Theme } from "../model/theme.js";
import { hasMetrics, knownFamilies } from "../util/fonts.js";

const HexColor = z.string().regex(/^[0-9A-F]{6}$/i, "a colour is six hex digits without '#', e.g. 14365D");
const COLOR_NAMES = ["ink", "navy", "teal", "slate", "green", "red", "amber", "sky", "mist", "white", "rule", "muted", "onNavy", "accentOnNavy"] as const;

const ThemeSchema = z.strictObject({
  name: z.string().min(1),
  // Font names go into XML attributes: plain names only.
  fonts: z.strictObject({ heading: z.string().min(1).max(64).regex(/^[\w .,'-]+$/, "a font name is letters, digits, spaces and . , ' -"), body: z.string().min(1).max(64).regex(/^[\w .,'-]+$/, "a font name is letters, digits, spaces and . , ' -") }),
  colors: z.strictObject(Object.fromEntries(COLOR_NAMES.map((n) => [n, HexColor])) as Record<(typeof COLOR_NAMES)[number], typeof HexColor>),
  chartColors: z.array(HexColor).min(8),
});

export function validateTheme(data: unknown, file: string, map: SourceMap): Theme {
  const parsed = ThemeSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    throw new DeckError({
      code: "OUTLINE_SHAPE", pos: map.posOf(path),
      message: `the theme is not valid at ${path.join(".") || "the top"}: ${issue.message}`,
      hint: "compare it with assets/themes/default.json",
    });
  }
  // Text is measured with each font's real advance widths; a font without them would be guessed at.
  for (const role of ["heading", "body"] as const) {
    const family = parsed.data.fonts[role];
    if (!hasMetrics(family)) {
      throw new DeckError({
        code: "UNKNOWN_FONT", pos: map.posOf(["fonts", role]),
        message: `the theme's ${role} font "${family}" has no metrics, so text set in it could not be measured to fit`,
        hint: `use one of: ${knownFamilies().map((f) => `"${f}"`).join(", ")}; or put the font's files (.ttf, .otf) in a fonts/ folder beside the outline`,
      });
    }
  }
  return parsed.data as Theme;
}
