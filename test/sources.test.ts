// Sources and citations: several documents, a source line on every slide that uses one (whatever its
// layout, continuation slides too), notes that end with the figures' full citations, and a sources
// slide listing exactly what each audience's deck cites. Read back from the .pptx.
import { beforeAll, describe, expect, it } from "vitest";
import { buildAllAudiences } from "../src/build-deck.js";
import { buildErrors, buildYaml, tempDir } from "./_helpers/build.js";
import { posOf } from "./_helpers/outline.js";
import { openPptx, squash, type Pptx } from "./_helpers/pptx.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const SOURCES = `sources:
  - id: iea
    title: World Energy Investment 2024
    publisher: International Energy Agency
    date: "2024-06"
    url: https://www.iea.org/reports/world-energy-investment-2024
    accessed: "2026-02-01"
    short: IEA, World Energy Investment 2024
  - id: imf
    title: Fossil Fuel Subsidies Data
    author: Jane Doe
    publisher: International Monetary Fund
    date: "2023-08-24"
    short: IMF WP/23/169
  - id: wire
    title: Grid investment wire report
`;

const FIGS = `figures:
  clean: { value: 2000, scale: billion, unit: USD, period: "2024", label: Clean energy, source: { doc: iea, locator: "Table 2.1" } }
  fossil: { value: 1100, scale: billion, unit: USD, period: "2024", label: Fossil fuels, source: { doc: iea, locator: "Table 3.4" } }
  subsidy: { value: 7, scale: trillion, unit: USD, period: "2022", label: Subsidies, source: { doc: imf, locator: "p. 12" } }
  ratio: { derive: { ratio: [clean, fossil] }, period: "2024", label: Clean-to-fossil ratio }
`;

const OUTLINE = `deck:
  title: Sources test
  author: Desk
  date: "2026-03-01"
${SOURCES}${FIGS}audiences:
  full: { label: Everyone, description: All, default: true }
  exec: { label: Ministers, description: Short, include: [exec] }
sections:
  - id: main
    title: Main
    divider: false
    slides:
      - layout: bullets
        tags: [exec]
        title: Clean energy leads
        notes: Say it. Then pause.
        bullets:
          - "Clean {{fig \\"clean\\"}} against fossil {{fig \\"fossil\\"}}"
          - "Subsidies reached {{fig \\"subsidy\\"}}"
      - layout: two-columns
        title: Two views without figures
        notes: One view. Then the other.
        left: { heading: Left, bullets: [Plain claim] }
        right: { heading: Right, bullets: [Another claim] }
      - layout: table
        title: Grid projects by region
        notes: Walk through the rows. Note the last.
        source: [{ doc: wire, locator: "14 March 2025" }, { doc: iea, locator: "chapter 4" }]
        columns: [Region, Project]
        rows:
${Array.from({ length: 12 }, (_, i) => `          - ["Region ${i} with a long name that wraps over a line", "Project ${i} of considerable scope and a long description that needs room"]`).join("\n")}
      - layout: key-figures
        tags: [exec]
        title: The ratio in one number
        notes: "The ratio is computed. Remember {{fig \\"subsidy\\"}} too."
        figures: [{ figure: ratio, caption: clean to fossil }]
      - layout: sources
        tags: [exec]
        title: Where this comes from
        notes: Cite them. Thank them.
`;

/** The source line of each slide (the text box at the foot of the body that starts with Source). */
const sourceLine = (deck: Pptx, n: number) => deck.slideShapes(n).find((s) => /^Sources?: /.test(s.text))?.text.replace(/\n/g, " ");

describe("sources and citations", () => {
  let full: Pptx;
  let exec: Pptx;
  beforeAll(async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "deck.yaml"), OUTLINE);
    const built = await buildAllAudiences({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") });
    full = openPptx(built[0]!.path!);
    exec = openPptx(built[1]!.path!);
  });

  it("gives every slide that shows a figure or declares a source a line of exactly those citations, in house style", () => {
    const titles = Array.from({ length: full.slideCount() }, (_, i) => full.title(i + 1));
    const at = (title: string) => titles.findIndex((t) => t === title) + 1;
    expect(sourceLine(full, at("Clean energy leads"))).toBe("Sources: IEA, World Energy Investment 2024, Tables 2.1 and 3.4; IMF WP/23/169, p. 12");
    expect(sourceLine(full, at("Two views without figures"))).toBeUndefined();
    expect(sourceLine(full, at("Grid projects by region"))).toBe("Sources: Grid investment wire report, 14 March 2025; IEA, World Energy Investment 2024, chapter 4");
    // A derived figure cites its inputs' documents.
    expect(sourceLine(full, at("The ratio in one number"))).toBe("Source: IEA, World Energy Investment 2024, Tables 2.1 and 3.4");
  });

  it("repeats the source line on continuation slides", () => {
    const cont = Array.from({ length: full.slideCount() }, (_, i) => i + 1).filter((n) => /^Grid projects by region \(cont/.test(full.title(n) ?? ""));
    expect(cont.length).toBeGreaterThan(0);
    for (const n of cont) expect(sourceLine(full, n)).toBe("Sources: Grid investment wire report, 14 March 2025; IEA, World Energy Investment 2024, chapter 4");
  });

  it("ends the notes with the full citation of each figure on the slide, derivations included", () => {
    const notes = full.notes(1);
    expect(notes.startsWith("Say it. Then pause.")).toBe(true);
    expect(squash(notes)).toContain("Where the figures come from: $2,000 billion (Clean energy): International Energy Agency, World Energy Investment 2024, June 2024, https://www.iea.org/reports/world-energy-investment-2024 (accessed 1 February 2026), Table 2.1.");
    expect(squash(notes)).toContain("$7 trillion (Subsidies): Jane Doe (International Monetary Fund), Fossil Fuel Subsidies Data, 24 August 2023, p. 12.");
    const ratioNotes = squash(full.notes(Array.from({ length: full.slideCount() }, (_, i) => i + 1).find((n) => full.title(n) === "The ratio in one number")!));
    expect(ratioNotes).toContain("1.8× (Clean-to-fossil ratio), the ratio of Clean energy ($2,000 billion) to Fossil fuels ($1,100 billion), rounded to 1 decimal: International Energy Agency");
    // A figure cited only in the notes is cited there too.
    expect(ratioNotes).toContain("$7 trillion (Subsidies)");
  });

  it("lists on the sources slide every document the deck cites, in order of first citation, in full, and nothing else", () => {
    const texts = (deck: Pptx) => deck.slideShapes(deck.slideCount()).map((s) => s.text).join("\n");
    expect(texts(full)).toContain([
      "International Energy Agency, World Energy Investment 2024, June 2024 (accessed 1 February 2026)",
      "https://www.iea.org/reports/world-energy-investment-2024",
      "Cited here: Table 2.1; Table 3.4; chapter 4",
      "Jane Doe (International Monetary Fund), Fossil Fuel Subsidies Data, 24 August 2023",
      "Cited here: p. 12",
      "Grid investment wire report",
      "Cited here: 14 March 2025",
    ].join("\n"));
    // The ministers' deck has no table slide, so the wire report is not on its sources slide.
    expect(texts(exec)).toContain("Jane Doe (International Monetary Fund), Fossil Fuel Subsidies Data, 24 August 2023");
    expect(texts(exec)).not.toContain("Grid investment wire report");
  });

  it("writes the one-source shorthand's date as a date, not [object Object]", async () => {
    const built = await buildYaml(`deck:
  title: T
  author: A
  date: "2026-01-15"
  source: { title: Annual report, publication: Port authority, date: "2024-09", url: "https://example.org/report" }
sections:
  - id: a
    title: A
    divider: false
    slides:
      - { layout: sources, title: Sources, notes: "One. Two." }
`);
    const text = openPptx(built.path!).slideShapes(1).map((s) => s.text).join("\n");
    expect(text).toContain("Port authority, Annual report, September 2024");
    expect(text).not.toContain("[object Object]");
  });
});

describe("source checks", () => {
  const deck = (sources: string, figures: string, slideSource = "") => `deck:
  title: T
  author: A
  date: "2026-01-15"
${sources}figures:
${figures}sections:
  - id: a
    title: A
    divider: false
    slides:
      - layout: bullets
        title: B
        notes: One. Two.
${slideSource}        bullets: ["{{fig \\"x\\"}}"]
`;
  const one = "sources:\n  - { id: iea, title: Report }\n";

  it("reports an unknown document, with the nearest id", async () => {
    const yaml = deck(one, '  x: { value: 1, unit: USD, period: "2020", label: X, source: { doc: ieaa, locator: p. 1 } }\n');
    expect((await buildErrors(yaml))[0]).toMatchObject({ info: { code: "UNKNOWN_SOURCE", pos: posOf(yaml, "ieaa"), hint: 'did you mean "iea"?' } });
    const onSlide = deck(one, '  x: { value: 1, unit: USD, period: "2020", label: X, source: iea }\n', "        source: { doc: imff }\n");
    expect((await buildErrors(onSlide))[0]).toMatchObject({ info: { code: "UNKNOWN_SOURCE", pos: posOf(onSlide, "imff") } });
  });

  it("reports a document nothing cites, at its place in sources", async () => {
    const yaml = deck("sources:\n  - { id: iea, title: Report }\n  - { id: idle, title: Unused }\n", '  x: { value: 1, unit: USD, period: "2020", label: X, source: iea }\n');
    expect((await buildErrors(yaml)).map((e) => [e.code, e.info.pos?.line])).toEqual([["SOURCE_UNUSED", posOf(yaml, "{ id: idle").line]]);
  });

  it("reports a figure without a source", async () => {
    const yaml = deck(one, '  x: { value: 1, unit: USD, period: "2020", label: X }\n', "        source: iea\n");
    expect((await buildErrors(yaml))[0]).toMatchObject({ info: { code: "SOURCE_MISSING", pos: posOf(yaml, "x: {") } });
  });

  it("reports a URL that is not a URL and a date that is not a date", async () => {
    const yaml = deck('sources:\n  - { id: iea, title: Report, url: "www.iea.org report", date: "2026-02-31", accessed: "yesterday" }\n', '  x: { value: 1, unit: USD, period: "2020", label: X, source: iea }\n');
    const errors = await buildErrors(yaml);
    expect(errors.map((e) => [e.code, e.info.pos?.line, e.info.pos?.col])).toEqual([
      ["INVALID_DATE", ...Object.values(posOf(yaml, '"2026-02-31"'))],
      ["INVALID_DATE", ...Object.values(posOf(yaml, '"yesterday"'))],
      ["INVALID_URL", ...Object.values(posOf(yaml, '"www.iea.org report"'))],
    ]);
  });

  it("reads the old form (an outline section) with a located warning that shows the new one", async () => {
    const yaml = `deck:
  title: T
  author: A
  date: "2026-01-15"
  source: { title: The article }
figures:
  x: { value: 1, unit: USD, period: "2020", label: X, source: a }
sections:
  - id: a
    title: Trade
    divider: false
    slides:
      - layout: bullets
        title: B
        notes: One. Two.
        bullets: ["{{fig \\"x\\"}}"]
`;
    const built = await buildYaml(yaml);
    expect(built.warnings.map((w) => w.info)).toContainEqual(expect.objectContaining({
      code: "SOURCE_DEPRECATED", pos: expect.objectContaining(posOf(yaml, "a }")), hint: 'write the citation itself: source: { doc: source, locator: "section “Trade”" }',
    }));
    expect(sourceLine(openPptx(built.path!), 1)).toBe("Source: The article, section “Trade”");
  });
});
