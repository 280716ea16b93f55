// Test helper: small outlines to vary.
export const META = `deck:
  title: Test deck
  author: Tester
  date: "2026-01-15"
  source:
    title: Test source
`;

export function outline(slidesYaml: string, figuresYaml = "", extraSections = ""): string {
  return `${META}${figuresYaml ? `figures:\n${figuresYaml}` : ""}sections:
  - id: main
    title: Main
    divider: false
    slides:
${slidesYaml}${extraSections}`;
}

export const BULLETS = `      - layout: bullets
        title: A bullet slide
        notes: Say this.
        bullets:
          - First point
          - Second point
`;

/** 1-based line and column of the `nth` occurrence of `needle` in `text`. */
export function posOf(text: string, needle: string, nth = 0): { line: number; col: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not in text`);
  }
  const before = text.slice(0, at).split("\n");
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

/** A one-slide outline whose title slide shows `cover`. */
export function withCover(cover: string): string {
  return META.replace("deck:\n", `deck:\n  cover: ${cover}\n`) + `sections:
  - id: a
    title: A
    divider: false
    slides:
      - { layout: title, title: Cover, notes: "One. Two." }
`;
}
