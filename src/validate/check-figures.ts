// Validate stage: one source of truth for every number. Amounts typed into text instead of cited
// with {{fig "id"}} are errors, and so are figures that no slide uses. Plain years and dates pass.
import { DeckError } from "../errors.js";
import type { Deck } from "../model/deck.js";
import { FIG_CITATION, forEachText } from "./check-references.js";

const SCALE_WORDS = "thousand|million|billion|trillion|bn|mn|m|k";
const UNIT_WORDS = [
  "percent", "per cent", "metric tons?", "tonnes?", "tons?", "barrels?", "bpd", "MW", "GW", "kWh", "km",
  "people", "persons?", "businesspeople", "businesspersons", "companies", "firms", "delegates", "members",
];
const NUMBER = String.raw`\d[\d,]*(?:\.\d+)?`;
const NUMBER_WORD = "one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|sixty|hundred|dozens?";

const patterns = new Map<string, RegExp>();

/** The pattern for the outline's units, built once per set of units. */
function literalAmountPattern(extraUnits: readonly string[]): RegExp {
  const key = extraUnits.join("|");
  let pattern = patterns.get(key);
  if (!pattern) { pattern = buildPattern(extraUnits); patterns.set(key, pattern); }
  pattern.lastIndex = 0;
  return pattern;
}

function buildPattern(extraUnits: readonly string[]): RegExp {
  const units = [...UNIT_WORDS, ...extraUnits.map(escapeRegExp)].join("|");
  return new RegExp([
    String.raw`(?:US\$|[$€£₽]|\bRs\.?\s?|\b(?:USD|EUR|GBP|PKR|RUB)\s?)${NUMBER}(?:\s?(?:${SCALE_WORDS})\b)?`,
    String.raw`\b${NUMBER}\s?(?:%|(?:${SCALE_WORDS})\b|(?:${units})\b)`,
    String.raw`\b(?:${NUMBER_WORD})\s(?:${SCALE_WORDS}|${units})\b`,
  ].join("|"), "gi");
}

export function checkFigures(deck: Deck, outlineData: unknown): DeckError[] {
  const errors: DeckError[] = [];
  const map = deck.sourceMap;
  const units = [...new Set(Object.values(deck.figures).map((f) => f.unit).filter((u) => /^[a-z ]+$/i.test(u) && u.length > 2))];
  const pattern = literalAmountPattern(units);
  const used = new Set<string>();

  // Figure labels become chart categories and alt text: they are chart labels too.
  const labels: Array<[string, Array<string | number>]> = Object.entries(deck.figures).map(([id, f]) => [f.label, ["figures", id, "label"]]);
  const scan = (visit: (text: string, path: Array<string | number>) => void): void => {
    forEachText(outlineData, visit);
    for (const [text, path] of labels) visit(text, path);
  };
  scan((text, path) => {
    for (const m of text.matchAll(FIG_CITATION)) used.add(m[1]!);
    // Blank out {{…}} so citations and helpers are not read as literal amounts; offsets are kept.
    const bare = text.replace(/\{\{[^}]*\}\}/g, (s) => " ".repeat(s.length));
    const seen = new Map<string, number>();
    for (const m of bare.matchAll(pattern)) {
      const literal = m[0];
      const nth = seen.get(literal) ?? 0;
      seen.set(literal, nth + 1);
      errors.push(new DeckError({
        code: "LITERAL_AMOUNT", pos: map.posOfText(path, literal, nth),
        message: `the amount "${literal}" is typed into the text instead of cited from figures`,
        hint: `declare it under \`figures:\` and write {{fig "id"}} here, so text and charts cannot disagree`,
      }));
    }
  });

  for (const section of deck.sections) {
    for (const slide of section.slides) {
      if (slide.layout === "key-figures") slide.figures.forEach((f) => used.add(f.figure));
      slide.chartData?.series.forEach((s) => s.figureIds.forEach((id) => used.add(id)));
    }
  }
  for (const id of Object.keys(deck.figures)) {
    if (!used.has(id)) {
      errors.push(new DeckError({
        code: "UNUSED_FIGURE", pos: map.posOf(["figures", id], "key"),
        message: `the figure "${id}" is declared but no slide uses it`,
        hint: `cite it with {{fig "${id}"}}, show it on a key-figures or chart slide, or remove it`,
      }));
    }
  }
  return errors;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
