// Validate stage: the theme file's shape (colours as six-digit hex, at least eight chart colours).
import { z } from "zod";
import { DeckError } from "../errors.js";
import type { Theme } from "../model/theme.js";

const HexColor = z.string().regex(/^[0-9A-F]{6}$/i, "a colour is six hex digits without '#', e.g. 14365D");
const COLOR_NAMES = ["ink", "navy", "teal", "slate", "green", "red", "amber", "sky", "mist", "white", "rule", "muted", "onNavy", "accentOnNavy"] as const;

const ThemeSchema = z.strictObject({
  name: z.string().min(1),
  fonts: z.strictObject({ heading: z.string().min(1), body: z.string().min(1) }),
  colors: z.strictObject(Object.fromEntries(COLOR_NAMES.map((n) => [n, HexColor])) as Record<(typeof COLOR_NAMES)[number], typeof HexColor>),
  chartColors: z.array(HexColor).min(8),
});

export function validateTheme(data: unknown, file: string): Theme {
  const parsed = ThemeSchema.safeParse(data);
  if (parsed.success) return parsed.data as Theme;
  const issue = parsed.error.issues[0]!;
  throw new DeckError({
    code: "OUTLINE_SHAPE", pos: { file, line: 1, col: 1 },
    message: `the theme is not valid at ${issue.path.join(".") || "the top"}: ${issue.message}`,
    hint: "compare it with assets/themes/default.json",
  });
}
