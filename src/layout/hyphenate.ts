// Layout stage: words too wide for their box, broken at a real break point. The only importer of
// `hyphen` (TeX's en-GB patterns). A word is broken with a visible hyphen and a line break, so every
// renderer breaks it in the same place; layout warns wherever it had to.
import { createRequire } from "node:module";
import type hyphenModule from "hyphen/en-gb/index.js";
import { textWidthPt, type FontRole } from "./measure-text.js";

/** The patterns, loaded the first time a word is too wide for its line (most decks have none). */
let patterns: typeof hyphenModule | undefined;
const hyphen = (): typeof hyphenModule => (patterns ??= createRequire(import.meta.url)("hyphen/en-gb/index.js") as typeof hyphenModule);

const SOFT = "\u00AD";

/** Two letters at least before a break and three after, as TeX sets English (lefthyphenmin, righthyphenmin). */
const MIN_BEFORE = 2;
const MIN_AFTER = 3;

/** The word in pieces at its syllable breaks (the patterns' that leave enough letters either side) and its own hyphens. */
function breakPoints(word: string): string[] {
  const pieces: string[] = [];
  for (const part of word.split(/(?<=-)/)) {
    const syllables = hyphen().hyphenateSync(part, { hyphenChar: SOFT }).split(SOFT);
    let current = "";
    let before = 0;
    const letters = part.replace(/\P{L}/gu, "").length;
    for (const s of syllables) {
      const n = s.replace(/\P{L}/gu, "").length;
      if (current && before >= MIN_BEFORE && letters - before >= MIN_AFTER) { pieces.push(current); current = ""; }
      current += s;
      before += n;
    }
    pieces.push(current);
  }
  return pieces;
}

/**
 * `text` with each word wider than `maxPt` broken at its last syllable boundary (or hyphen) that
 * fits, as "Intergovern-\nmental"; undefined when a single syllable is wider than the line.
 */
export function hyphenateToWidth(text: string, fontPt: number, maxPt: number, bold = false, spacingPt = 0, role: FontRole = "body"): string | undefined {
  const width = (s: string) => textWidthPt(s, fontPt, bold, spacingPt, role);
  const out: string[] = [];
  for (const hard of text.split("\n")) {
    const words: string[] = [];
    for (const word of hard.split(/ +/)) {
      if (width(word) <= maxPt) { words.push(word); continue; }
      // Break points: syllables, and the hyphens the word already has.
      const pieces = breakPoints(word);
      const lines: string[] = [];
      let line = "";
      for (const piece of pieces) {
        const candidate = line + piece;
        const closing = candidate.endsWith("-") ? candidate : `${candidate}-`;
        if (line && width(closing) > maxPt) {
          lines.push(line.endsWith("-") ? line : `${line}-`);
          line = piece;
        } else {
          line = candidate;
        }
        if (width(line.endsWith("-") ? line : `${line}-`) > maxPt && width(line) > maxPt) return undefined;
      }
      lines.push(line);
      words.push(lines.join("\n"));
    }
    out.push(words.join(" "));
  }
  return out.join("\n");
}
