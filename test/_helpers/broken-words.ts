// Test helper: words a renderer broke between letters. pdftotext gives each rendered line on a line
// of its own; a line that ends in part of a word whose rest starts the next line is a break the
// deck's own layout did not make (its hyphenated breaks end in "-", and its words stay whole).
const WORD = /[\p{L}\p{M}\p{N}'’]+/gu;

/** Pairs like "Intergovernment|al": `text` is one page of `pdftotext` output, `slideText` the slide's own text. */
export function brokenWords(text: string, slideText: string): string[] {
  const words = new Set(slideText.match(WORD) ?? []);
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  const found: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const tail = /([\p{L}\p{M}\p{N}'’]+)$/u.exec(lines[i]!)?.[1];
    const head = /^([\p{L}\p{M}\p{N}'’]+)/u.exec(lines[i + 1]!)?.[1];
    if (!tail || !head) continue;
    if (words.has(tail + head) && !(words.has(tail) && words.has(head))) found.push(`${tail}|${head}`);
  }
  return found;
}
