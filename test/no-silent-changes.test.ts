// Nothing is dropped, cut or changed silently: a build renders what the outline says, or it says what
// it changed and where (a located warning, an error under --strict), or it fails with a located error.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDeck } from "../src/build-deck.js";
import { main, type Io } from "../src/cli.js";
import type { PlacedText } from "../src/model/layout.js";
import { wrap } from "../src/layout/measure-text.js";
import { CHART_KINDS } from "../src/validate/outline-schema.js";
import { projectRoot } from "../src/util/project-root.js";
import { buildErrors, buildYaml, tempDir } from "./_helpers/build.js";
import { chartsOn } from "./_helpers/charts.js";
import { META, outline, posOf } from "./_helpers/outline.js";
import { openPptx } from "./_helpers/pptx.js";

const capture = (): Io & { stdout: string[]; stderr: string[] } => {
  const stdout: string[] = []; const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
};

const AUDIENCES = `audiences:
  full: { label: Everyone, description: All, default: true }
  short: { label: Short, description: Three at most, maxBullets: 2, exclude: [detail] }
`;
const BULLETS5 = `      - layout: bullets
        title: Five claims
        notes: One. Two.
        bullets:
          - First claim
          - Second claim
          - text: A detail only analysts need
            tags: [detail]
          - Third claim
          - Fourth claim
`;

describe("audiences cut only what the outline allows, and say so", () => {
  it("leaves out tagged bullets, and warns at each bullet maxBullets cuts", async () => {
    const yaml = META + AUDIENCES + `sections:\n  - id: main\n    title: Main\n    divider: false\n    slides:\n${BULLETS5}`;
    const dir = tempDir();
    writeFileSync(join(dir, "deck.yaml"), yaml);
    const built = await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out"), audience: "short" });
    expect(openPptx(built.path!).slideShapes(1).find((s) => s.text.includes("First claim"))!.text.split("\n")).toEqual(["First claim", "Second claim"]);
    const cut = built.warnings.filter((w) => w.code === "CONTENT_CUT");
    expect(cut.map((w) => [w.info.pos?.line, w.message.split(": ").pop()])).toEqual([
      [posOf(yaml, "- Third claim").line, `"Third claim"`], [posOf(yaml, "- Fourth claim").line, `"Fourth claim"`],
    ]);
    // The full deck keeps every bullet, the tagged one included.
    const full = await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out2") });
    expect(openPptx(full.path!).slideTexts(1).join("|")).toContain("A detail only analysts need");
  });

  it("fails under --strict and writes nothing", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "deck.yaml"), META + AUDIENCES + `sections:\n  - id: main\n    title: Main\n    divider: false\n    slides:\n${BULLETS5}`);
    const io = capture();
    expect(await main([join(dir, "deck.yaml"), "--out", join(dir, "out"), "--all", "--strict"], io)).toBe(1);
    expect(io.stderr.join("\n")).toContain("error CONTENT_CUT");
    expect(readdirSync(dir)).toEqual(["deck.yaml"]);
  });
});

describe("tables", () => {
  it("refuses rows with more or fewer cells than columns, at the row", async () => {
    const yaml = outline(`      - layout: table
        title: Ragged
        notes: One. Two.
        columns: [A, B]
        rows:
          - [one, two, three]
          - [alone]
          - [fine, ""]
`);
    const errors = await buildErrors(yaml);
    expect(errors.map((e) => [e.code, e.info.pos?.line])).toEqual([
      ["TABLE_RAGGED", posOf(yaml, "[one, two, three]").line], ["TABLE_RAGGED", posOf(yaml, "[alone]").line],
    ]);
  });
});

describe("templates", () => {
  /** A templates/ folder beside the outline holding just one file: it overrides only that one. */
  async function withTemplate(name: string, text: string, slides = "      - { layout: bullets, title: T, notes: \"One. Two.\", bullets: [one, two] }\n") {
    const dir = tempDir();
    mkdirSync(join(dir, "templates", "partials"), { recursive: true });
    writeFileSync(join(dir, "templates", name), text);
    writeFileSync(join(dir, "deck.yaml"), outline(slides));
    try { await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") }); return { dir, errors: [] as Array<{ code: string; info: { pos?: { file: string; line: number; col: number }; hint?: string } }> }; } catch (err) {
      return { dir, errors: (err as { errors?: unknown[] }).errors as never ?? [err as never] };
    }
  }

  it("reports a misspelt field in the .hbs, with the field the layout has, never lost bullets", async () => {
    const { dir, errors } = await withTemplate("bullets.hbs", '{{> kicker}}\n{{#field "title"}}{{slide.title}}{{/field}}\n{{#each slide.bullets}}{{#field "bulet" level=1}}{{this}}{{/field}}{{/each}}\n{{> notes}}\n');
    expect(errors[0]).toMatchObject({ code: "TEMPLATE_FIELD_UNKNOWN", info: { pos: { file: expect.stringMatching(/templates\/bullets\.hbs$/), line: 3, col: 24 }, hint: 'did you mean "bullet"?' } });
    expect(dir).toBeTruthy();
  });

  it("reports a misspelt field in a branch this outline never renders (object bullets), and in a partial", async () => {
    const own = readFileSync(join(projectRoot(), "src", "layouts", "bullets", "bullets.hbs"), "utf8");
    const misspelt = own.replace('{{#field "bullet" level=1}}{{this.text}}', '{{#field "bulet" level=1}}{{this.text}}');
    expect(misspelt).not.toBe(own);
    // The outline's bullets are plain strings: the misspelt branch (bullets with sub-points) never runs.
    const { errors } = await withTemplate("bullets.hbs", misspelt);
    const line = misspelt.split("\n").findIndex((l) => l.includes('"bulet"')) + 1;
    expect(errors[0]).toMatchObject({ code: "TEMPLATE_FIELD_UNKNOWN", info: { pos: { file: expect.stringMatching(/templates\/bullets\.hbs$/), line, col: 1 }, hint: 'did you mean "bullet"?' } });
    const partial = await withTemplate(join("partials", "footer.hbs"), '{{#field "footer"}}{{deck.title}}{{/field}}{{#if deck.marking}}{{#field "fotter"}}{{deck.marking}}{{/field}}{{/if}}');
    expect(partial.errors[0]).toMatchObject({ code: "TEMPLATE_FIELD_UNKNOWN", info: { pos: { file: expect.stringMatching(/partials\/footer\.hbs$/), line: 1, col: 64 }, hint: 'did you mean "footer"?' } });
  });

  it("reports a field the layout needs that the template never writes", async () => {
    const { errors } = await withTemplate("bullets.hbs", '{{> kicker}}\n{{#field "title"}}{{slide.title}}{{/field}}\n{{> notes}}\n');
    expect(errors[0]).toMatchObject({ code: "TEMPLATE_FIELD_MISSING", info: { pos: { file: expect.stringMatching(/bullets\.hbs$/), line: 1 } } });
  });

  it("reports a field that renders no text, in the partial that wrote it", async () => {
    const { errors } = await withTemplate(join("partials", "footer.hbs"), '{{#field "footer"}}{{#if deck.marking}}{{deck.marking}}{{/if}}{{/field}}');
    expect(errors[0]).toMatchObject({ code: "TEMPLATE_FIELD_EMPTY", info: { pos: { file: expect.stringMatching(/partials\/footer\.hbs$/), line: 1 } } });
  });

  it("refuses an empty partial, and a lookup of a key that does not exist", async () => {
    expect((await withTemplate(join("partials", "kicker.hbs"), "  \n")).errors[0]!.code).toBe("TEMPLATE_SYNTAX");
    const { errors } = await withTemplate(join("partials", "kicker.hbs"), '{{#field "kicker"}}{{lookup section "titel"}}{{/field}}');
    expect(errors[0]).toMatchObject({ code: "TEMPLATE_FIELD_MISSING", info: { hint: 'did you mean "title"?' } });
  });

  it("uses an outline's own templates/ for the files it has and the built-in ones for the rest", async () => {
    const { dir, errors } = await withTemplate(join("partials", "footer.hbs"), '{{#field "footer"}}Custom footer for {{deck.title}}{{/field}}');
    expect(errors).toEqual([]);
    const deck = openPptx(join(dir, "out", "deck.pptx"));
    expect(deck.slideTexts(1)).toContain("Custom footer for Test deck");
  });
});

describe("chart kinds", () => {
  it("draws a native chart for every kind the outline schema names", async () => {
    const figures = `  p: { value: 40, unit: percent, period: "2024", label: P, source: source }
  q: { value: 60, unit: percent, period: "2024", label: Q, source: source }
  x1: { value: 2, unit: GW, period: "2024", label: X1, source: source }
  x2: { value: 3, unit: GW, period: "2024", label: X2, source: source }
  t: { derive: { sum: [p, q] }, period: "2024", label: T }
`;
    const chartFor = (kind: string) => kind === "combo"
      ? "{ title: C, kind: combo, categories: [A, B], series: [{ name: S1, figures: [p, q] }, { name: S2, figures: [x1, x2] }] }"
      : kind === "scatter" ? "{ title: C, kind: scatter, figures: [p, q], x: [x1, x2] }"
      : kind === "waterfall" ? "{ title: C, kind: waterfall, figures: [p, q, t], totals: [p, t] }"
      : `{ title: C, kind: ${kind}, figures: [p, q] }`;
    const slides = CHART_KINDS.map((k, i) => `      - { layout: chart, title: "Chart ${i} ${k}", notes: "One. Two.", chart: ${chartFor(k)} }\n`).join("");
    const built = await buildYaml(outline(slides, figures));
    const deck = openPptx(built.path!);
    CHART_KINDS.forEach((kind, i) => expect(chartsOn(deck, i + 1), kind).toHaveLength(1));
  });
});

describe("fonts", () => {
  it("refuses a theme font that has no metrics, at its place in the theme", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "assets", "themes"), { recursive: true });
    const theme = readFileSync("assets/themes/default.json", "utf8").replace('"body": "Calibri"', '"body": "Gill Sans"');
    writeFileSync(join(dir, "assets", "themes", "mine.json"), theme);
    writeFileSync(join(dir, "deck.yaml"), META.replace("deck:\n", "deck:\n  theme: mine\n") + "sections:\n  - id: a\n    title: A\n    divider: false\n    slides:\n      - { layout: bullets, title: T, notes: \"One. Two.\", bullets: [one] }\n");
    try { await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") }); throw new Error("built"); } catch (err) {
      const at = posOf(theme, '"Gill Sans"');
      expect((err as { info: unknown }).info).toMatchObject({ code: "UNKNOWN_FONT", pos: { file: expect.stringMatching(/mine\.json$/), line: at.line, col: at.col } });
    }
  });
});

describe("words are never broken between letters", () => {
  /** Every placed text, re-wrapped at its own size: no word may need splitting. */
  const brokenWords = (texts: PlacedText[]) => texts.flatMap((t) => t.paragraphs.flatMap((p) => p.runs.map((r) => r.text)))
    .filter((text) => text.split("\n").some((line) => line.split(" ").some((w) => /[a-z]{30,}/i.test(w))));

  it("hyphenates a word too wide for a timeline slot at a real break point, with a warning", async () => {
    const built = await buildYaml(outline(`      - layout: timeline
        title: Many dates
        notes: One. Two.
        milestones:
${["2019", "2020", "2021", "2022", "2023", "2024"].map((d) => `          - { date: "${d}", label: Electroencephalographically recorded transcontinental commissions }`).join("\n")}
`).replace("deck:\n", 'deck:\n  size: "4:3"\n'), { checkOnly: true });
    expect(built.warnings.map((w) => w.code)).toContain("TEXT_HYPHENATED");
    const labels = built.placed.slides[0]!.items.filter((i): i is PlacedText => i.kind === "text" && i.role === "timeline-label");
    for (const l of labels) {
      const text = l.paragraphs[0]!.runs[0]!.text;
      expect(text.replace(/-\n/g, "")).toBe("Electroencephalographically recorded transcontinental commissions");
      // Each line, as placed, fits its box without a break between letters.
      for (const line of text.split("\n")) expect(wrap(line, l.fontPt, l.wIn * 72 * 0.96).broken).toBe(false);
    }
    expect(brokenWords(labels)).toEqual([]);
  });

  it("cuts a 300-character unbroken title with a warning instead of letting it overflow", async () => {
    const built = await buildYaml(outline(`      - { layout: bullets, title: "${"x".repeat(300)}", notes: "One. Two.", bullets: [one] }\n`), { checkOnly: true });
    expect(built.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["TEXT_OVERFLOW"]));
    const title = built.placed.slides[0]!.items.find((i): i is PlacedText => i.kind === "text" && i.role === "title")!;
    expect(title.paragraphs[0]!.runs[0]!.text.endsWith("…")).toBe(true);
  });
});

describe("--check", () => {
  it("runs every check a build runs, assets included, and writes nothing", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "deck.yaml"), META.replace("deck:\n", "deck:\n  cover: missing.png\n") + "sections:\n  - id: a\n    title: A\n    divider: false\n    slides:\n      - { layout: title, title: Cover, notes: \"One. Two.\" }\n");
    const io = capture();
    expect(await main([join(dir, "deck.yaml"), "--check", "--out", join(dir, "out")], io)).toBe(1);
    expect(io.stderr.join("\n")).toMatch(/deck\.yaml:\d+:\d+ error ASSET_NOT_FOUND/);
    expect(readdirSync(dir)).toEqual(["deck.yaml"]);
  });
});

describe("dates", () => {
  it.each([["2026-02-31"], ["2026-13-01"], ["1979-12-31"], ["2150-01-01"]])("refuses the deck date %s at its position", async (date) => {
    const yaml = outline("      - { layout: bullets, title: T, notes: \"One. Two.\", bullets: [one] }\n").replace('"2026-01-15"', `"${date}"`);
    expect((await buildErrors(yaml))[0]).toMatchObject({ code: "INVALID_DATE", info: { pos: posOf(yaml, `"${date}"`) } });
  });

  it("takes a SOURCE_DATE_EPOCH it cannot stamp as a usage error (exit 2), not an internal one", async () => {
    const io = capture();
    const saved = process.env["SOURCE_DATE_EPOCH"];
    process.env["SOURCE_DATE_EPOCH"] = "0";
    try { expect(await main(["--out", tempDir()], io)).toBe(2); } finally { if (saved === undefined) delete process.env["SOURCE_DATE_EPOCH"]; else process.env["SOURCE_DATE_EPOCH"] = saved; }
    expect(io.stderr.join("\n")).toContain("SOURCE_DATE_EPOCH");
  });

  it("formats dates in milestones as the README says", async () => {
    const built = await buildYaml(outline("      - { layout: timeline, title: T, notes: \"One. Two.\", milestones: [{ date: \"2024-09\", label: A }, { date: \"2026-11-28\", label: B }] }\n"));
    expect(openPptx(built.path!).slideTexts(1)).toEqual(expect.arrayContaining(["September 2024", "28 November 2026"]));
  });
});

describe("what the outline holds is read as written", () => {
  it("refuses a __proto__ key, which would otherwise vanish", async () => {
    const yaml = outline("      - { layout: bullets, title: T, notes: \"One. Two.\", bullets: [one] }\n") + "audiences:\n  __proto__: { label: X, description: Y }\n";
    expect((await buildErrors(yaml))[0]).toMatchObject({ code: "OUTLINE_UNKNOWN_KEY", info: { pos: posOf(yaml, "__proto__") } });
  });

  it("refuses a variant for an audience the outline does not declare, even with no audiences", async () => {
    const yaml = outline("      - { layout: bullets, title: T, notes: \"One. Two.\", bullets: [one], variants: { ministers: { title: U } } }\n");
    expect((await buildErrors(yaml))[0]).toMatchObject({ code: "UNKNOWN_AUDIENCE", info: { pos: posOf(yaml, "ministers") } });
  });

  it("refuses text that is not UTF-8, at the byte's line and column", async () => {
    const dir = tempDir();
    const text = outline("      - { layout: bullets, title: \"Caf\u0000\", notes: \"One. Two.\", bullets: [one] }\n");
    const bytes = Buffer.from(text, "utf8");
    bytes[text.indexOf("\u0000")] = 0xe9; // Latin-1 é
    writeFileSync(join(dir, "deck.yaml"), bytes);
    const io = capture();
    expect(await main([join(dir, "deck.yaml"), "--out", join(dir, "out")], io)).toBe(1);
    const at = posOf(text, "\u0000");
    expect(io.stderr.join("\n")).toContain(`deck.yaml:${at.line}:${at.col} error ENCODING`);
  });
});

describe("README claims", () => {
  const pct = (id: string, v: number) => `  ${id}: { value: ${v}, unit: percent, period: "2024", label: "${id.toUpperCase()}", source: source }\n`;

  it("draws four or more dated categories as a line, and percentages adding up to 100 as a doughnut", async () => {
    const line = await buildYaml(outline("      - { layout: chart, title: T, notes: \"One. Two.\", chart: { title: C, categories: ['2021', '2022', '2023', '2024'], series: [{ name: S, figures: [a, b, c, d] }] } }\n", pct("a", 1) + pct("b", 2) + pct("c", 3) + pct("d", 4)));
    expect(chartsOn(openPptx(line.path!), 1)[0]!.kinds).toEqual(["c:lineChart"]);
    const ring = await buildYaml(outline("      - { layout: chart, title: T, notes: \"One. Two.\", chart: { title: C, figures: [a, b, c] } }\n", pct("a", 50) + pct("b", 30) + pct("c", 20)));
    expect(chartsOn(openPptx(ring.path!), 1)[0]!.kinds).toEqual(["c:doughnutChart"]);
  });

  it("allows an image outside the outline's folder only with --allow-outside", async () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, "cover.svg"), readFileSync("assets/cover.svg"));
    symlinkSync(join(outside, "cover.svg"), join(dir, "linked.svg"));
    writeFileSync(join(dir, "deck.yaml"), META.replace("deck:\n", "deck:\n  cover: linked.svg\n") + "sections:\n  - id: a\n    title: A\n    divider: false\n    slides:\n      - { layout: title, title: Cover, notes: \"One. Two.\" }\n");
    await expect(buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") })).rejects.toMatchObject({ code: "ASSET_OUTSIDE_PROJECT" });
    const built = await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out"), allowOutside: true });
    expect(Object.keys(openPptx(built.path!).files).some((n) => n.startsWith("ppt/media/"))).toBe(true);
  });

  it("names the themes there are for an unknown theme, at deck.theme", async () => {
    const yaml = outline("      - { layout: bullets, title: T, notes: \"One. Two.\", bullets: [one] }\n").replace("deck:\n", "deck:\n  theme: nosuch\n");
    expect((await buildErrors(yaml))[0]).toMatchObject({ code: "UNKNOWN_THEME", info: { pos: posOf(yaml, "nosuch"), hint: expect.stringContaining('"default"') } });
  });

  it("exits 70 with a report request on an internal error", async () => {
    const { PptxGenJS } = await import("../src/build/pptx-lib.js");
    const original = PptxGenJS.prototype.addSlide;
    PptxGenJS.prototype.addSlide = () => { throw new Error("simulated bug"); };
    const io = capture();
    try { expect(await main(["--out", tempDir()], io)).toBe(70); } finally { PptxGenJS.prototype.addSlide = original; }
    expect(io.stderr.join("\n")).toMatch(/internal error\. Please report it[\s\S]*simulated bug/);
  });
});
