// Figures as data: native charts whose categories, values, format and workbook come from `figures`.
import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDeck } from "../src/build-deck.js";
import { buildErrors, buildYaml, tempDir } from "./_helpers/build.js";
import { pptxCheck } from "./_helpers/checks.js";
import { outline, posOf } from "./_helpers/outline.js";
import { openPptx, type Pptx } from "./_helpers/pptx.js";

const shipped = parse(readFileSync("deck.yaml", "utf8")) as { figures: Record<string, { value: number; scale?: string; label: string }> };

/** Chart parts a slide links to, with the slide's graphic frame alt text. */
function chartsOf(deck: Pptx, slide: number) {
  return deck.rels(`ppt/slides/slide${slide}.xml`, "chart").map((r) => ({ part: partOf(r.target) }));
}

/** A relationship target from a part under ppt/xxx/, as a package part name. */
function partOf(target: string): string {
  return target.startsWith("/") ? target.slice(1) : `ppt/${target.replace(/^\.\.\//, "")}`;
}

function seriesOf(deck: Pptx, part: string) {
  const doc = deck.xml(part);
  return Array.from(doc.getElementsByTagName("c:ser")).map((ser) => ({
    name: ser.getElementsByTagName("c:tx")[0]?.getElementsByTagName("c:v")[0]?.textContent,
    categories: Array.from(ser.getElementsByTagName("c:cat")[0]!.getElementsByTagName("c:pt")).map((p) => p.getElementsByTagName("c:v")[0]!.textContent),
    values: Array.from(ser.getElementsByTagName("c:val")[0]!.getElementsByTagName("c:pt")).map((p) => Number(p.getElementsByTagName("c:v")[0]!.textContent)),
    format: ser.getElementsByTagName("c:dLbls")[0]?.getElementsByTagName("c:numFmt")[0]?.getAttribute("formatCode"),
  }));
}

function workbookValues(deck: Pptx, chartPart: string): string {
  const rel = deck.rels(chartPart, "package")[0]!;
  const book = unzipSync(deck.files[partOf(rel.target)]!);
  const sheet = new TextDecoder().decode(book["xl/worksheets/sheet1.xml"]);
  const shared = new TextDecoder().decode(book["xl/sharedStrings.xml"]);
  const table = new TextDecoder().decode(book["xl/tables/table1.xml"]);
  return sheet + shared + table;
}

describe("the shipped deck's chart", () => {
  let deck: Pptx;
  let slide: number;
  beforeAll(async () => {
    const result = await buildDeck({ outline: "deck.yaml", outDir: tempDir() });
    deck = openPptx(result.path!);
    slide = Array.from({ length: deck.slideCount() }, (_, i) => i + 1).find((n) => chartsOf(deck, n).length > 0)!;
  });

  it("is a native bar chart of the three dollar figures, exact", () => {
    const [chart] = chartsOf(deck, slide);
    expect(deck.has(chart!.part)).toBe(true);
    const xml = deck.text(chart!.part);
    expect(xml).toContain("<c:barChart>");
    expect(xml).toContain('<c:barDir val="bar"/>');
    const series = seriesOf(deck, chart!.part);
    expect(series).toHaveLength(1);
    const ids = ["delegation_exports", "imf_standby", "imf_followup"];
    expect(series[0]!.categories).toEqual(ids.map((id) => shipped.figures[id]!.label));
    // $500 million, $3 billion, $7 billion, shown in billions.
    expect(series[0]!.values).toEqual([0.5, 3, 7]);
    expect(series[0]!.format).toBe('"$"General" bn"');
  });

  it("embeds a workbook holding the same values, with a valid table range", () => {
    const [chart] = chartsOf(deck, slide);
    const book = workbookValues(deck, chart!.part);
    for (const v of ["0.5", "3", "7"]) expect(book).toContain(`<v>${v}</v>`);
    expect(book).toContain("IMF follow-up bailout");
    expect(book).toMatch(/ref="A1:[A-Z]+\d+"/);
    expect(book).not.toContain("'\"");
  });

  it("carries alt text generated from its data, and a source line", () => {
    const frame = deck.xml(`ppt/slides/slide${slide}.xml`).getElementsByTagName("p:graphicFrame")[0]!;
    const alt = frame.getElementsByTagName("p:cNvPr")[0]!.getAttribute("descr");
    expect(alt).toBe("Bar chart, US dollar amounts in the source, compared: Delegation firms' combined exports over $500 million; IMF package, 2023 $3 billion; IMF follow-up bailout $7 billion");
    expect(deck.slideTexts(slide).join(" ")).toMatch(/^.*Source: .*Navigating Economic Challenges/);
  });
});

const FIGURES = `  a:
    value: 3
    scale: billion
    unit: USD
    period: "2023"
    label: Standby package
    source: main
  b:
    value: 7
    scale: billion
    unit: USD
    period: "2024"
    label: Follow-up programme
    source: main
  t1:
    value: 100000
    unit: metric tons
    period: "2023"
    label: Cargo
    source: main
`;

const chartSlide = (chart: string, title = "Money") => `      - layout: chart
        title: ${title}
        notes: Explain it. Then move on.
        chart:
${chart}`;

describe("chart kinds chosen from the data", () => {
  it.each([
    ["two values of one unit", "          title: IMF\n          figures: [a, b]\n", "c:barChart", 'barDir val="col"', 1],
    ["an explicit doughnut", "          title: Split\n          kind: doughnut\n          figures: [a, b]\n", "c:doughnutChart", "holeSize", 1],
    ["an explicit line", "          title: Trend\n          kind: line\n          figures: [a, b]\n", "c:lineChart", "c:marker", 1],
    ["a stacked column", "          title: Stack\n          kind: stacked-column\n          categories: [One]\n          series:\n            - { name: A, figures: [a] }\n            - { name: B, figures: [b] }\n", "c:barChart", 'grouping val="stacked"', 2],
    ["two units as a combo", "          title: Mixed\n          categories: [2023]\n          series:\n            - { name: Money, figures: [a] }\n            - { name: Tons, figures: [t1] }\n", "c:lineChart", "c:barChart", 2],
  ])("%s", async (_name, chart, element, detail, seriesCount) => {
    const built = await buildYaml(outline(chartSlide(chart) + `      - layout: bullets
        title: Cites the rest
        notes: One. Two.
        bullets:
          - "{{fig \\"a\\"}} and {{fig \\"b\\"}} and {{fig \\"t1\\"}}"
`, FIGURES));
    const deck = openPptx(built.path!);
    const part = chartsOf(deck, 1)[0]!.part;
    const xml = deck.text(part);
    expect(xml).toContain(`<${element}>`);
    expect(xml).toContain(detail);
    expect(seriesOf(deck, part)).toHaveLength(seriesCount);
    expect(pptxCheck(built.path!).problems).toBe(0);
  });
});

describe("chart and figure errors", () => {
  const cite = `      - layout: bullets
        title: Cites
        notes: One. Two.
        bullets:
          - "{{fig \\"a\\"}} {{fig \\"b\\"}} {{fig \\"t1\\"}}"
`;
  it("refuses dollars and tons on one axis, at the chart's position", async () => {
    const yaml = outline(chartSlide("          title: Bad\n          kind: column\n          figures: [a, t1]\n") + cite, FIGURES);
    const errors = await buildErrors(yaml);
    expect(errors[0]).toMatchObject({ info: { code: "CHART_MIXED_UNITS", pos: { file: expect.stringMatching(/deck\.yaml$/), ...posOf(yaml, "[a, t1]") } } });
  });

  it("refuses a series whose length differs from its categories", async () => {
    const yaml = outline(chartSlide("          title: Bad\n          categories: [x, y]\n          series:\n            - { name: A, figures: [a] }\n") + cite, FIGURES);
    const errors = await buildErrors(yaml);
    expect(errors[0]!.info.code).toBe("CHART_DATA_MISMATCH");
    expect(errors[0]!.info.pos).toMatchObject(posOf(yaml, "[a] }"));
  });

  it("refuses a chart with no data", async () => {
    const errors = await buildErrors(outline(chartSlide("          title: Empty\n") + cite, FIGURES));
    expect(errors[0]!.info.code).toBe("CHART_NO_DATA");
  });

  it("reports an amount typed into the text at its line and column", async () => {
    const yaml = outline(`      - layout: bullets
        title: Retyped
        notes: The package was worth $3 billion. Really.
        bullets:
          - "{{fig \\"a\\"}} {{fig \\"b\\"}} {{fig \\"t1\\"}} and 45% more"
`, FIGURES);
    const errors = await buildErrors(yaml);
    expect(errors.map((e) => [e.info.code, e.info.pos?.line, e.info.pos?.col])).toEqual([
      ["LITERAL_AMOUNT", posOf(yaml, "$3 billion").line, posOf(yaml, "$3 billion").col],
      ["LITERAL_AMOUNT", posOf(yaml, "45%").line, posOf(yaml, "45%").col],
    ]);
  });

  it("allows plain years and dates", async () => {
    const built = await buildYaml(outline(`      - layout: bullets
        title: Dates only, in 2023 and September 2024
        notes: It happened on 12 May 2024. Then in 2025.
        bullets:
          - "{{fig \\"a\\"}} {{fig \\"b\\"}} {{fig \\"t1\\"}} since 2022"
`, FIGURES));
    expect(built.slides).toBe(1);
  });

  it("reports a figure no slide uses, at its key", async () => {
    const yaml = outline(`      - layout: bullets
        title: Only a
        notes: One. Two.
        bullets:
          - "{{fig \\"a\\"}} and {{fig \\"b\\"}}"
`, FIGURES);
    const errors = await buildErrors(yaml);
    expect(errors.map((e) => [e.info.code, e.info.pos?.line])).toEqual([["UNUSED_FIGURE", posOf(yaml, "  t1:").line]]);
  });

  it("names the nearest ids for an unknown figure", async () => {
    const yaml = outline(`      - layout: bullets
        title: Typo
        notes: One. Two.
        bullets:
          - "{{fig \\"t2\\"}} {{fig \\"a\\"}} {{fig \\"b\\"}} {{fig \\"t1\\"}}"
`, FIGURES);
    const errors = await buildErrors(yaml);
    expect(errors[0]).toMatchObject({ info: { code: "UNKNOWN_FIGURE", pos: posOf(yaml, '{{fig \\"t2\\"'), hint: 'did you mean "t1"?' } });
  });
});

describe("chart labels", () => {
  it("reports an amount typed into a figure's label, which becomes a chart category", async () => {
    const yaml = outline(`      - layout: chart
        title: Money
        notes: One. Two.
        chart: { title: Amounts, figures: [a, b] }
`, FIGURES.replace("label: Standby package", "label: Standby package of $3 billion").replace(/  t1:[\s\S]*$/, ""));
    const errors = await buildErrors(yaml);
    expect(errors.map((e) => [e.info.code, e.info.pos?.line, e.info.pos?.col])).toEqual([["LITERAL_AMOUNT", posOf(yaml, "$3 billion").line, posOf(yaml, "$3 billion").col]]);
  });
});
