// Bad input: every user error is located (file:line:col), coded, and explained with a hint.
import { mkdirSync, writeFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DeckError, formatDiagnostic } from "../src/errors.js";
import { buildErrors, buildYaml, tempDir } from "./_helpers/build.js";
import { BULLETS, META, outline, posOf, withCover } from "./_helpers/outline.js";

describe("outline errors", () => {
  it("reports YAML syntax errors at their position", async () => {
    const yaml = `${META}sections:\n  - id: a\n    title: "unclosed\n`;
    const [e] = await buildErrors(yaml);
    expect(e!.info.code).toBe("YAML_SYNTAX");
    expect(e!.info.pos?.line).toBeGreaterThanOrEqual(posOf(yaml, '"unclosed').line);
  });

  it("collects every shape problem in one run", async () => {
    const yaml = outline(`      - layout: bulets
        title: Typo in layout
        notes: One. Two.
      - layout: bullets
        title: Wrong key
        notes: One. Two.
        bulets: [a]
      - layout: quote
        notes: One. Two.
        quote: 42
        title: [not, text]
`);
    const errors = await buildErrors(yaml);
    expect(errors.map((e) => [e.info.code, e.info.pos?.line, e.info.pos?.col])).toEqual([
      ["UNKNOWN_LAYOUT", posOf(yaml, "bulets").line, posOf(yaml, "bulets").col],
      ["OUTLINE_MISSING", posOf(yaml, "layout: bullets").line, posOf(yaml, "layout: bullets").col],
      ["OUTLINE_UNKNOWN_KEY", posOf(yaml, "bulets: [a]").line, posOf(yaml, "bulets: [a]").col],
      ["OUTLINE_TYPE", posOf(yaml, "[not, text]").line, posOf(yaml, "[not, text]").col],
    ]);
    expect(errors[0]!.info.hint).toBe('did you mean "bullets"?');
    expect(errors[2]!.info.hint).toBe('did you mean "bullets"?');
  });

  it("says to quote text with a comma inside { … }, where the comma made a key of its tail", async () => {
    const yaml = outline(`      - { layout: quote, title: Trade grew, and fast, notes: "One. Two.", quote: Q }
`);
    const [e] = await buildErrors(yaml);
    expect(e!.info).toMatchObject({ code: "OUTLINE_UNKNOWN_KEY", pos: posOf(yaml, "and fast") });
    expect(e!.info.hint).toMatch(/^if "and fast" belongs to the text before it, put that text in quotes/);
  });

  it("reports a missing required field at its owner", async () => {
    const yaml = outline(`      - layout: bullets
        title: No notes
        bullets: [a]
`);
    const [e] = await buildErrors(yaml);
    expect(e!.info).toMatchObject({ code: "OUTLINE_MISSING", pos: posOf(yaml, "layout: bullets") });
    expect(e!.message).toContain('"notes" is missing');
  });

  it("refuses a YAML alias bomb quickly", async () => {
    const bomb = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
`;
    const started = performance.now();
    const [e] = await buildErrors(bomb);
    expect(e!.info.code).toBe("YAML_ALIAS_LIMIT");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("reports duplicate ids and unknown figure sources", async () => {
    const yaml = `${META}figures:
  x: { value: 1, unit: USD, period: "2020", label: X, source: nowhere }
sections:
  - id: a
    title: A
    divider: false
    slides:
      - layout: bullets
        id: same
        title: T
        notes: One. Two.
        bullets: ["{{fig \\"x\\"}}"]
      - layout: bullets
        id: same
        title: T2
        notes: One. Two.
        bullets: [b]
`;
    const errors = await buildErrors(yaml);
    expect(errors.map((e) => e.info.code).sort()).toEqual(["DUPLICATE_ID", "UNKNOWN_SOURCE"]);
  });
});

describe("template errors", () => {
  /** A templates folder holding one file: it overrides that one, the built-ins serve the rest. */
  function templatesWith(name: string, text: string): string {
    const dir = tempDir("tpl-");
    writeFileSync(join(dir, name), text);
    return dir;
  }

  it("reports a syntax error at its position in the .hbs file", async () => {
    const dir = templatesWith("bullets.hbs", "{{> kicker}}\n{{#field \"title\"}}{{slide.title}{{/field}}\n");
    const [e] = await buildErrors(outline(BULLETS), { templatesDir: dir });
    expect(e!.info.code).toBe("TEMPLATE_SYNTAX");
    expect(e!.info.pos).toMatchObject({ file: join(dir, "bullets.hbs"), line: 2 });
  });

  it("reports a missing field at its position in the .hbs file, never blank text", async () => {
    const dir = templatesWith("bullets.hbs", "{{> kicker}}\n{{#field \"title\"}}{{slide.title}}{{/field}}\n  {{#field \"bullet\"}}{{slide.subtitel}}{{/field}}\n");
    const [e] = await buildErrors(outline(BULLETS), { templatesDir: dir });
    expect(e!.info).toMatchObject({ code: "TEMPLATE_FIELD_MISSING", pos: { file: join(dir, "bullets.hbs"), line: 3, col: 24 } });
  });

  it("reports a missing field in outline text at its deck.yaml position", async () => {
    const yaml = outline(`      - layout: bullets
        title: "Hello {{deck.titel}}"
        notes: One. Two.
        bullets: [a]
`);
    const [e] = await buildErrors(yaml);
    expect(e!.info).toMatchObject({ code: "TEMPLATE_FIELD_MISSING", pos: posOf(yaml, "{{deck.titel}}") });
  });

  it("does not let templates reach object prototypes", async () => {
    const built = await buildYaml(outline(`      - layout: bullets
        title: "P {{deck.constructor}} {{deck.__proto__}} {{lookup deck 'constructor'}}"
        notes: One. Two.
        bullets: [a]
`)).catch((err: unknown) => err);
    if (built instanceof Error) {
      expect(built.name).toMatch(/DeckError/);
    } else {
      const { openPptx } = await import("./_helpers/pptx.js");
      const text = openPptx((built as { path: string }).path).slideTexts(1).join(" ");
      expect(text).not.toMatch(/function|Object|native code/);
    }
  });
});

describe("asset errors", () => {

  it("reports a missing image at the cover line", async () => {
    const yaml = withCover("nope.png");
    const [e] = await buildErrors(yaml);
    expect(e!.info).toMatchObject({ code: "ASSET_NOT_FOUND", pos: posOf(yaml, "nope.png") });
  });

  it("reports an image that cannot be decoded", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "deck.yaml"), withCover("broken.png"));
    writeFileSync(join(dir, "broken.png"), Buffer.from("\x89PNG\r\n\x1a\n this is not really a png"));
    const { buildDeck } = await import("../src/build-deck.js");
    const err = await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeckError);
    expect((err as DeckError).info.code).toBe("ASSET_UNREADABLE");
  });

  it("refuses an image outside the outline's folder unless allowed", async () => {
    const [e] = await buildErrors(withCover("../../etc/hostname"));
    expect(e!.info.code).toBe("ASSET_OUTSIDE_PROJECT");
  });
});

describe("formatDiagnostic", () => {
  it("renders file:line:col, code, message, the source line with a caret, and the hint", () => {
    const err = new DeckError({
      code: "UNKNOWN_FIGURE", message: 'no figure has the id "imf_2024"',
      pos: { file: "deck.yaml", line: 3, col: 17, length: 8 }, hint: 'did you mean "imf_2023"?',
    });
    const source = "sections:\n  - slides:\n      - figure: imf_2024\n";
    expect(formatDiagnostic(err, () => source)).toBe([
      'deck.yaml:3:17 error UNKNOWN_FIGURE: no figure has the id "imf_2024"',
      "  3 |       - figure: imf_2024",
      "    |                 ^^^^^^^^",
      '  hint: did you mean "imf_2023"?',
    ].join("\n"));
  });
});

describe("errors inside partials", () => {
  it("are reported in the partial's file, at the field's position", async () => {
    const dir = tempDir("tpl-");
    mkdirSync(join(dir, "partials"));
    writeFileSync(join(dir, "partials", "footer.hbs"), "{{#field \"footer\"}}{{deck.tilte}}{{/field}}\n");
    const [e] = await buildErrors(outline(BULLETS), { templatesDir: dir });
    expect(e!.info).toMatchObject({ code: "TEMPLATE_FIELD_MISSING", pos: { file: join(dir, "partials", "footer.hbs"), line: 1, col: 22 } });
  });
});
