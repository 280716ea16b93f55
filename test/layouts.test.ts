// The layouts beyond text: chart with commentary, two charts, picture, comparison and big number
// with its chart, built from an outline on another subject (test/fixtures/harbour) at 16:9 and 4:3;
// and every slide's body used, measured from the layout model.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDeck, type BuildResult } from "../src/build-deck.js";
import { layoutModule } from "../src/layouts/index.js";
import { bodyBalance } from "./_helpers/balance.js";
import { buildErrors, buildYaml, tempDir } from "./_helpers/build.js";
import { outline, posOf } from "./_helpers/outline.js";
import { openPptx, type Pptx } from "./_helpers/pptx.js";

const EMU_PER_IN = 914400;

/** The harbour outline copied to a folder of its own, at the given size. */
async function harbour(size: "16:9" | "4:3"): Promise<{ built: BuildResult; deck: Pptx; dir: string }> {
  const dir = tempDir();
  cpSync("test/fixtures/harbour", dir, { recursive: true });
  const file = join(dir, "deck.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("deck:\n", `deck:\n  size: "${size}"\n`));
  const built = await buildDeck({ outline: file, outDir: join(dir, "out") });
  return { built, deck: openPptx(built.path!), dir };
}

const slideOf = (deck: Pptx, title: string) => {
  for (let n = 1; n <= deck.slideCount(); n++) if (deck.title(n) === title) return n;
  throw new Error(`no slide titled "${title}"`);
};
const xml = (deck: Pptx, n: number) => deck.text(`ppt/slides/slide${n}.xml`);
const chartsOf = (deck: Pptx, n: number) => deck.rels(`ppt/slides/slide${n}.xml`, "chart").map((r) => deck.text(`ppt/charts/${r.target.replace("../charts/", "")}`));

describe("the layouts on another subject (a harbour authority), at 16:9", () => {
  let deck: Pptx;
  let built: BuildResult;
  beforeAll(async () => ({ deck, built } = await harbour("16:9")));

  it("builds with no warnings, the first section's divider after the title slide and agenda", () => {
    expect(built.warnings.map((w) => `${w.code}: ${w.message}`)).toEqual([]);
    expect([deck.title(1), deck.title(2), deck.title(3)]).toEqual(["The harbour's year in numbers", "Three questions for the board this quarter", "The year"]);
  });

  it("warns, at the section, when a divider would come before the title slide", async () => {
    const yaml = readFileSync("test/fixtures/harbour/deck.yaml", "utf8")
      .replace("    divider: false\n    slides:\n      - layout: title", "    notes: One. Two.\n    slides:\n      - layout: title");
    const dir = tempDir();
    cpSync("test/fixtures/harbour", dir, { recursive: true });
    writeFileSync(join(dir, "deck.yaml"), yaml);
    const warned = await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out"), checkOnly: true });
    expect(warned.warnings.map((w) => w.info)).toContainEqual(expect.objectContaining({ code: "DIVIDER_BEFORE_TITLE", pos: expect.objectContaining(posOf(yaml, "Opening")) }));
  });

  it("chart-commentary: the chart on the left, its commentary beside it", () => {
    const n = slideOf(deck, "The quay wall takes most of this year's capital budget");
    expect(chartsOf(deck, n)).toHaveLength(1);
    const commentary = deck.slideShapes(n).find((s) => s.text.startsWith("The wall is sixty years old"))!;
    const frame = /<p:graphicFrame>[\s\S]*?<a:off x="(\d+)" y="\d+"\/><a:ext cx="(\d+)"/.exec(xml(deck, n))!;
    expect(commentary.xEmu).toBeGreaterThan(Number(frame[1]) + Number(frame[2]));
    expect(commentary.text.split("\n")).toHaveLength(3);
  });

  it("two-charts: two native charts side by side, each with its own title", () => {
    const n = slideOf(deck, "Containers rose while bulk cargo held level");
    const charts = chartsOf(deck, n);
    expect(charts).toHaveLength(2);
    const values = (c: string) => [...(/<c:numCache>.*?<\/c:numCache>/.exec(c)?.[0] ?? "").matchAll(/<c:v>([\d.]+)<\/c:v>/g)].map((m) => Number(m[1]));
    expect(charts.map(values)).toEqual([[1.42, 1.51, 1.68], [8.1, 7.6, 7.9]]);
    const texts = deck.slideTexts(n);
    expect(texts).toContain("Containers (TEU million)");
    expect(texts).toContain("Bulk cargo (million tonnes)");
  });

  it("comparison: numbers right-aligned from figures, units in the headings, a highlighted row, an exact total", () => {
    const n = slideOf(deck, "Three projects account for the whole capital programme");
    const table = deck.xml(`ppt/slides/slide${n}.xml`).getElementsByTagName("a:tbl")[0]!;
    const rows = Array.from(table.getElementsByTagName("a:tr")).map((tr) => Array.from(tr.getElementsByTagName("a:tc")).map((tc) => ({
      text: Array.from(tc.getElementsByTagName("a:t")).map((t) => t.textContent).join(""),
      align: tc.getElementsByTagName("a:pPr")[0]?.getAttribute("algn"),
      bold: tc.getElementsByTagName("a:rPr")[0]?.getAttribute("b") === "1",
    })));
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([
      ["Project", "Spending in 2025 (€ million)"],
      ["Quay wall renewal", "84.00"], ["Electric cranes", "46.50"], ["Channel dredging", "12.25"],
      ["Capital programme", "142.75"],
    ]);
    expect(rows.slice(1).map((r) => r[1]!.align)).toEqual(["r", "r", "r", "r"]);
    expect(rows.map((r) => r[0]!.bold)).toEqual([true, true, false, false, true]);
  });

  it("picture: the image cropped by sharp to its box, with its alt text, and the caption beside it", async () => {
    const n = slideOf(deck, "The north basin has the space the south basin lacks");
    const pic = deck.xml(`ppt/slides/slide${n}.xml`).getElementsByTagName("p:pic")[0]!;
    expect(pic.getElementsByTagName("p:cNvPr")[0]!.getAttribute("descr")).toBe("The north basin quay with a warehouse, two cranes and empty berths along the water");
    const ext = pic.getElementsByTagName("a:ext")[0]!;
    const box = Number(ext.getAttribute("cx")) / Number(ext.getAttribute("cy"));
    const media = deck.rels(`ppt/slides/slide${n}.xml`, "image")[0]!.target.replace("../", "ppt/");
    const { width, height } = await sharp(Buffer.from(deck.files[media]!)).metadata();
    expect(width! / height!).toBeCloseTo(box, 2);
    expect(Math.round(width! / (Number(ext.getAttribute("cx")) / EMU_PER_IN))).toBe(192);
    expect(deck.slideTexts(n)).toContain("The north basin's quay today, with berths free on most days of the week.");
  });

  it("big-number-chart: the figure's card beside the chart it comes from", () => {
    const n = slideOf(deck, "Container traffic grew every year and is now the port's largest business");
    expect(deck.slideTexts(n)).toContain("18.3%");
    expect(chartsOf(deck, n)).toHaveLength(1);
  });
});

describe("the new layouts' rules", () => {
  const figures = `  a1: { value: 3, unit: EUR, scale: million, period: "2024", label: North, source: src }
  a2: { value: 5, unit: EUR, scale: million, period: "2024", label: South, source: src }
  b1: { value: 4, unit: EUR, scale: million, period: "2025", label: North, source: src }
  b2: { value: 6, unit: EUR, scale: million, period: "2025", label: South, source: src }
  pct: { value: 40, unit: percent, period: "2025", label: Share, source: src }
`;
  const META_SOURCES = (yaml: string) => yaml.replace("  source:\n    title: Test source\n", "sources:\n  - { id: src, title: Test source }\n").replace("date: \"2026-01-15\"\n", "date: \"2026-01-15\"\n");

  it("two-charts draws one legend beneath both when their series match", async () => {
    const yaml = META_SOURCES(outline(`      - layout: two-charts
        title: Both basins spent more in 2025
        notes: One. Two.
        charts:
          - { title: Spending (EUR million), kind: column, categories: [North, South], series: [{ name: "2024", figures: [a1, a2] }, { name: "2025", figures: [b1, b2] }] }
          - { title: Spending again (EUR million), kind: bar, categories: [North, South], series: [{ name: "2024", figures: [a1, a2] }, { name: "2025", figures: [b1, b2] }] }
`, figures.split("\n").filter((l) => !l.includes("pct")).join("\n")));
    const built = await buildYaml(yaml);
    const deck = openPptx(built.path!);
    const charts = deck.rels("ppt/slides/slide1.xml", "chart").map((r) => deck.text(`ppt/charts/${r.target.replace("../charts/", "")}`));
    expect(charts).toHaveLength(2);
    for (const c of charts) expect(c).not.toContain("<c:legend>");
    const legend = built.placed.slides[0]!.items.filter((i) => i.kind === "text" && i.role === "chart-legend").map((i) => i.kind === "text" ? i.paragraphs[0]!.runs[0]!.text : "");
    expect(legend).toEqual(["2024", "2025"]);
  });

  it("comparison refuses a column of mixed units, and a total of percentages", async () => {
    const slide = (rows: string, total = "") => META_SOURCES(outline(`      - layout: comparison
        title: Compared
        notes: One. Two.
        columns: [Basin, Value]
        rows:
${rows}${total}`, figures));
    const mixed = slide("          - { label: North, figures: [a1] }\n          - { label: Share, figures: [pct] }\n");
    const [e] = await buildErrors(mixed);
    expect(e!.info).toMatchObject({ code: "FIGURE_UNITS", pos: expect.objectContaining({ line: posOf(mixed, "[pct]").line }) });
    const [t] = await buildErrors(slide("          - { label: Share, figures: [pct] }\n", "        total: true\n"));
    expect(t!.info.code).toBe("FIGURE_UNITS");
    expect(t!.message).toContain("does not add up");
  });

  it("key figures: the unit is not repeated where the caption begins with it", async () => {
    const yaml = META_SOURCES(outline(`      - layout: key-figures
        title: Two counts
        notes: One. Two.
        figures:
          - { figure: homes, caption: homes passed this year }
          - { figure: crews, caption: of them at work in the north }
`, `  homes: { value: 1.4, scale: million, unit: homes, period: "2026", label: Homes, source: src }
  crews: { value: 120, unit: crews, period: "2026", label: Crews, source: src }
`));
    const texts = openPptx((await buildYaml(yaml)).path!).slideTexts(1);
    expect(texts).toContain("homes passed this year");
    expect(texts).toContain("crews of them at work in the north");
    expect(texts.join("\n")).not.toContain("homes homes");
  });

  it("big-number-chart refuses a figure its chart does not draw", async () => {
    const yaml = META_SOURCES(outline(`      - layout: big-number-chart
        title: North leads
        notes: One. Two.
        figure: { figure: b1, caption: spent in the north }
        chart: { title: Spending in 2024 (EUR million), figures: [a1, a2] }
`, figures.split("\n").filter((l) => !l.includes("pct")).join("\n")));
    const errors = await buildErrors(yaml);
    expect(errors.map((e) => e.info.code)).toContain("CHART_DATA_MISMATCH");
  });

  it("picture needs alt text, and refuses an image outside the outline's folder", async () => {
    const noAlt = META_SOURCES(outline(`      - { layout: picture, title: A view, notes: One. Two., source: src, image: pic.png }
`));
    expect((await buildErrors(noAlt))[0]!.info.code).toBe("OUTLINE_MISSING");
    const outside = META_SOURCES(outline(`      - { layout: picture, title: A view, notes: One. Two., source: src, image: ../pic.png, alt: A view of the quay }
`));
    expect((await buildErrors(outside))[0]!.info.code).toMatch(/ASSET_NOT_FOUND|ASSET_OUTSIDE_PROJECT/);
  });
});

describe("slides that use their space", () => {
  /** Non-sparse slides whose body is more than a third empty, as "slide: layout empty%". */
  const sparse = (deck: BuildResult) => deck.placed.slides
    .map((s, i) => ({ i, s, empty: bodyBalance(s).empty }))
    .filter(({ s, empty }) => !layoutModule(s.master).sparse && empty > 1 / 3)
    .map(({ i, s, empty }) => `${i + 1}: ${s.master} ${Math.round(empty * 100)}%`);

  it("leaves no body more than a third empty, in the shipped deck, every audience", async () => {
    for (const audience of ["analysts", "executive", "business"]) {
      const built = await buildDeck({ outline: "deck.yaml", outDir: "unused", checkOnly: true, audience });
      expect(sparse(built), audience).toEqual([]);
    }
  });

  it("nor in the harbour outline, at 16:9 and at 4:3", async () => {
    for (const size of ["16:9", "4:3"] as const) {
      const { built } = await harbour(size);
      expect(sparse(built), size).toEqual([]);
    }
  });

  it("(the measure finds a body left mostly empty)", async () => {
    const built = await buildYaml(outline(`      - { layout: bullets, title: One short point, notes: One. Two., bullets: [Short] }
`));
    expect(bodyBalance(built.placed.slides[0]!).empty).toBeGreaterThan(0.5);
  });

  it("notes a body left mostly empty at the slide, with what would fill it; --strict is not stopped by a note", async () => {
    const yaml = outline(`      - { layout: bullets, title: One short point, notes: One. Two., bullets: [Short] }
      - layout: bullets
        title: Enough to say
        notes: One. Two.
        bullets:
          - The first claim, with the evidence that supports it and a second line of detail to read
          - The second claim, with its evidence, set out at enough length to take two lines on the slide
          - A third claim, also with its evidence, so the list spreads down the body of the slide
          - A fourth claim, which with the others fills the body as a briefing slide should
`);
    const built = await buildYaml(yaml);
    const notes = built.warnings.filter((w) => w.code === "SPARSE_BODY");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.info).toMatchObject({ severity: "note", pos: posOf(yaml, "{ layout: bullets, title: One short point"), hint: expect.stringContaining("three to five points") });
    expect(notes[0]!.message).toMatch(/^the body of slide "One short point" is \d+% empty/);
    expect((await buildYaml(yaml, { strict: true })).slides).toBe(2);
  });
});

describe("4:3", () => {
  it("builds every audience of the shipped outline, with no warnings and no body more than a third empty", async () => {
    const dir = tempDir();
    cpSync("assets", join(dir, "assets"), { recursive: true });
    writeFileSync(join(dir, "deck.yaml"), readFileSync("deck.yaml", "utf8").replace("deck:\n", 'deck:\n  size: "4:3"\n'));
    const { buildAllAudiences } = await import("../src/build-deck.js");
    for (const built of await buildAllAudiences({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out"), checkOnly: true })) {
      expect(built.warnings.map((w) => w.message), built.audience.id).toEqual([]);
      expect(built.placed.size.wIn).toBe(10);
      const sparse = built.placed.slides.filter((s) => !layoutModule(s.master).sparse && bodyBalance(s).empty > 1 / 3).map((s) => s.title);
      expect(sparse, built.audience.id).toEqual([]);
    }
  });

  it("builds the harbour outline on a 10 × 7.5 in canvas, every box inside it", async () => {
    const { deck, built } = await harbour("4:3");
    expect(deck.text("ppt/presentation.xml")).toMatch(/<p:sldSz cx="9144000" cy="6858000"/);
    expect(built.warnings.map((w) => w.code)).toEqual([]);
    for (const s of built.placed.slides) for (const item of s.items) expect(item.xIn + item.wIn, `${s.title} ${item.kind}`).toBeLessThanOrEqual(10 + 1e-3);
  });
});
