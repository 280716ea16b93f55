// Validate stage: one source of truth for every number. Amounts typed into text instead of cited
// with {{fig "id"}} are errors, in digits or in words ("$3 billion", "15%", "40 €", "fifteen percent",
// "a trillion dollars", "two-thirds", "almost half", "one in five", "threefold", "doubled"), and so are helpers handed a typed number ({{number 5}}) and
// figures no slide uses. Plain years, dates and unit captions without a quantity ("USD billion",
// "in 2024", "per cent of GDP") pass.
import { layoutModule } from "../layouts/index.js";
import { DeckError } from "../errors.js";
import type { Deck } from "../model/deck.js";
import { CURRENCY_CODES } from "../util/number-format.js";
import { FIG_CITATION, forEachText } from "./check-references.js";
import { CleanTexts } from "./clean-texts.js";

const SCALE = "thousand|million|billion|trillion|bn|mn|tn|mln|bln|trn|lakhs?|crores?|m|k";
const UNIT_WORDS = [
  "percent", "per cent", "pct", "pc", "pp", "percentage points?", "basis points?", "bps",
  "metric tons?", "tonnes?", "tons?", "Mt", "Gt", "kt", "MtCO2e?", "GtCO2e?", "barrels?", "bpd", "b/d", "mb/d", "mbpd", "bcm", "tcf",
  "MW", "GW", "TW", "kW", "kWh", "MWh", "GWh", "TWh", "km", "kilomet(?:re|er)s?", "miles?", "km2", "sq km", "square kilomet(?:re|er)s?",
  "hectares?", "ha", "acres?", "litres?", "liters?", "gallons?", "cubic met(?:re|er)s?", "m3", "kg", "°C", "°F", "degrees?",
  "people", "persons?", "businesspeople", "businesspersons", "companies", "firms", "delegates", "members",
];
const MONEY_WORDS = "dollars?|euros?|pounds?(?: sterling)?|rupees?|roubles?|rubles?|yen|yuan|francs?";
/** 1,234,567.89 or 1234.5: a comma only inside a number, never one that ends a clause ("2024, USD"). */
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SMALL = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
const TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const BIG = "hundred|thousand|million|billion|trillion";
/** A number in words: "fifteen", "twenty-five". */
const WORDS = String.raw`(?:${TENS})(?:[\s-](?:${SMALL}))?|${SMALL}`;
const PARTS = "halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?";
const FRACTION = [
  // "two-thirds", "one third of", "three quarters of", "a fifth of"
  String.raw`(?:one|two|three|four|five|six|seven|eight|nine)-(?:${PARTS})`,
  String.raw`(?:one|two|three|four|five|six|seven|eight|nine)\s(?:${PARTS})\sof(?!\s+(?:19|20)\d\d\b)`,
  String.raw`a (?:half|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth) of`,
  // "almost half", "more than half"; "half of the budget", "half a million" (but not "the second half of 2024")
  String.raw`(?:almost|nearly|over|under|about|around|roughly|some|only|exactly|barely|more than|less than|fewer than|just over|just under|close to|at least|at most|up to|by)\s(?:a\s)?half`,
  String.raw`(?<!\b(?:first|second|latter|former|other|top|bottom|back|front|better|upper|lower|the|a|one|each|every|this|that|its|their)\s)half\s(?:of|the|its|their|all|a|an)`,
  // "one and a half", "2 and a half"
  String.raw`(?:${"one|two|three|four|five|six|seven|eight|nine|ten"}|\d+) and a half`,
  // "one in five households", "nine out of ten"
  String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s(?:in|out of)\s(?:every\s)?(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|a hundred|a thousand|\d{1,3})(?!\s*(?:%|per))`,
].join("|");
/** Multiples: "twofold", "a five-fold rise", "10-fold"; "doubled", "tripled", "halving" (not "doubled down"). */
const MULTIPLE = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|\d+(?:\.\d+)?)[\s-]?fold|(?:doubl|tripl|trebl|quadrupl|halv)(?:ed|ing)(?!\s+down)`;
/** Helpers that take a value; given a typed number they would turn it into a figure. */
/** Currency signs typed before or after an amount, and the multiplication sign of "1.7×". Plain strings, not
 * written into the String.raw patterns, so the bundle stays ASCII (esbuild escapes strings, not raw templates). */
const CURRENCY_SIGNS = "€£₽¥₹₦₩₺₱₴₫฿₪";
const TIMES = "×";
const VALUE_HELPERS = "number|ordinal|amount|add|fig";

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
  const currency = String.raw`(?:US\$|[$${CURRENCY_SIGNS}]\s?|\bRs\.?\s?|\b(?:${CURRENCY_CODES.join("|")})\s?)`;
  return new RegExp([
    String.raw`${currency}(?:${NUMBER})(?:\s?(?:${SCALE})\b)?`,
    String.raw`\b(?:${NUMBER})\s?(?:%|[${CURRENCY_SIGNS}]|[${TIMES}x](?=\W|$)|(?:${SCALE})\b|(?:${units}|${MONEY_WORDS})(?=\W|$))`,
    // "fifteen percent", "two million metric tons", "twenty-five dollars"
    String.raw`\b(?:${WORDS})\s(?:(?:${BIG})\s)?(?:${units}|${MONEY_WORDS}|%)(?=\W|$)`,
    // "two million", "a trillion", "an extra billion" is not caught: only a number word or "a"/"an" right before the scale
    String.raw`\b(?:${WORDS}|a|an|half|half an?)\s(?:${BIG})\b`,
    // "billions of dollars", "thousands of delegates", "dozens of companies"
    String.raw`\b(?:hundreds|thousands|millions|billions|trillions|dozens) of\s(?:${units}|${MONEY_WORDS})\b`,
    String.raw`\b(?:${FRACTION})\b`,
    String.raw`\b(?:${MULTIPLE})\b`,
  ].join("|"), "gi");
}

/** A text can only hold a typed amount if it has one of these (the full pattern is slow on long texts). */
const MAYBE_AMOUNT = new RegExp(String.raw`[\d$${CURRENCY_SIGNS}]|\b(?:${SMALL}|${TENS}|${BIG}|hundreds|thousands|millions|billions|trillions|dozens|half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|\w+fold|doubl\w*|tripl\w*|trebl\w*|quadrupl\w*|halv\w*|percent|per cent|${CURRENCY_CODES.join("|")})\b`, "i");

/** `{{fig total}}`: a figure id without quotes is read as a field. */
const UNQUOTED_FIG = /(?<!\\)\{\{\s*fig\s+([A-Za-z_][\w-]*)\s*\}\}/g;
/** `{{number 5}}`, `{{ordinal 9}}`: a helper handed a typed number. */
const HELPER_LITERAL = new RegExp(String.raw`(?<!\\)\{\{\s*(?:${VALUE_HELPERS})\s+[^}]*?(?<![\w.])-?\d[\d.,]*`, "g");

export function checkFigures(deck: Deck, outlineData: unknown): { errors: DeckError[]; used: Set<string> } {
  const errors: DeckError[] = [];
  const map = deck.sourceMap;
  const units = [...new Set(Object.values(deck.figures).map((f) => f.unit).filter((u) => /^[a-z ]+$/i.test(u) && u.length > 2))];
  const pattern = literalAmountPattern(units);
  const clean = CleanTexts.for(pattern);
  const used = new Set<string>();

  // Figure labels become chart categories and alt text: they are chart labels too.
  const labels: Array<[string, Array<string | number>]> = Object.entries(deck.figures).map(([id, f]) => [f.label, ["figures", id, "label"]]);
  const scan = (visit: (text: string, path: Array<string | number>) => void): void => {
    forEachText(outlineData, visit);
    for (const [text, path] of labels) visit(text, path);
  };
  /** Citations and helpers: all in braces, which most texts have none of. */
  const checkBraces = (text: string, path: Array<string | number>): void => {
    for (const m of text.matchAll(FIG_CITATION)) used.add(m[1]!);
    for (const m of text.matchAll(UNQUOTED_FIG)) {
      used.add(m[1]!);
      errors.push(new DeckError({
        code: "TEMPLATE_HELPER", pos: map.posOfText(path, m[0]), message: `${m[0]} names the figure without quotes, so it is read as a field`,
        hint: `quote the id: {{fig "${m[1]}"}}`,
      }));
    }
    for (const m of text.matchAll(HELPER_LITERAL)) {
      errors.push(new DeckError({
        code: "LITERAL_AMOUNT", pos: map.posOfText(path, m[0]), message: `${m[0]}… hands a typed number to a helper, which would print it as a figure`,
        hint: 'declare the number under `figures:` and cite it with {{fig "id"}}',
      }));
    }
  };
  scan((text, path) => {
    const braces = text.includes("{{");
    if (braces) checkBraces(text, path);
    // Escaped braces (\{{ … }}) are literal text; {{…}} citations and helpers are not typed amounts.
    const bare = braces ? text.replace(/\\\{\{[^}]*\}\}|\{\{[^}]*\}\}/g, (s) => (s.startsWith("\\") ? s : " ".repeat(s.length))) : text;
    // Most texts hold no digit, currency sign or number word at all: they skip the full pattern, and
    // so do texts it passed in an earlier run.
    if (!MAYBE_AMOUNT.test(bare) || clean.has(bare)) return;
    const seen = new Map<string, number>();
    let found = false;
    for (const m of bare.matchAll(pattern)) {
      found = true;
      const literal = m[0];
      const nth = seen.get(literal) ?? 0;
      seen.set(literal, nth + 1);
      errors.push(new DeckError({
        code: "LITERAL_AMOUNT", pos: map.posOfText(path, literal, nth),
        message: `the amount "${literal}" is typed into the text instead of cited from figures`,
        hint: `declare it under \`figures:\` and write {{fig "id"}} here, so text and charts cannot disagree`,
      }));
    }
    if (!found) clean.add(bare);
  });
  clean.save();

  for (const section of deck.sections) {
    for (const slide of [...section.slides, ...section.slides.flatMap((s) => Object.values(s.audienceVariants ?? {}))]) {
      for (const f of layoutModule(slide.layout).figures?.(slide, slide.path) ?? []) used.add(f.id);
      for (const chart of slide.drawnCharts ?? []) chart.series.forEach((s) => [...s.figureIds, ...(s.x?.figureIds ?? [])].forEach((id) => used.add(id)));
    }
  }
  // A figure a used derived figure is computed from is used too.
  for (const queue = [...used]; queue.length > 0;) {
    for (const input of deck.figures[queue.pop()!]?.derivation?.inputs ?? []) if (!used.has(input)) { used.add(input); queue.push(input); }
  }
  for (const id of Object.keys(deck.figures)) {
    if (!used.has(id)) {
      errors.push(new DeckError({
        code: "UNUSED_FIGURE", pos: map.posOf(["figures", id], "key"),
        message: `the figure "${id}" is declared but no slide uses it`,
        hint: `cite it with {{fig "${id}"}}, show it on a key-figures or chart slide, derive a used figure from it, or remove it`,
      }));
    }
  }
  return { errors, used };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
