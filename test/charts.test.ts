// Figures as data: native charts whose categories, values, number formats, colours, labels and
// workbooks come from `figures`, read back from the .pptx.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDeck } from "../src/build-deck.js";
import { contrastRatio } from "../src/a11y/contrast.js";
import { buildErrors, buildYaml, tempDir } from "./_helpers/build.js";
import { chartSlides, chartsOn, type ReadChart } from "./_helpers/charts.js";
import { pptxCheck } from "./_helpers/checks.js";
import { outline, posOf } from "./_helpers/outline.js";
import { openPptx, type Pptx } from "./_helpers/pptx.js";

const shipped = parse(readFileSync("deck.yaml", "utf8")) as { figures: Record<string, { value: number; scale?: string; label: string }> };
const USD_BN_1 = '"$"#,##0.0" bn";-"$"#,##0.0" bn"';

describe("the shipped deck's chart", () => {
  let chart: ReadChart;
  beforeAll(async () => {
    const deck = openPptx((await buildDeck({ outline: "deck.yaml", outDir: tempDir() })).path!);
    chart = chartsOn(deck, chartSlides(deck)[0]!)[0]!;
  });

  it("is a native bar chart of the three dollar figures, exact, labelled in one format", () => {
    expect(chart.kinds).toEqual(["c:barChart"]);
    expect(chart.xml).toContain('<c:barDir val="bar"/>');
    expect(chart.series).toHaveLength(1);
    const ids = ["delegation_exports", "imf_standby", "imf_followup"];
    expect(chart.series[0]!.categories).toEqual(ids.map((id) => shipped.figures[id]!.label));
    // $500 million, $3 billion, $7 billion, shown in billions with one decimal and thousands separators.
    expect(chart.series[0]!.values).toEqual([0.5, 3, 7]);
    expect(chart.series[0]!.format).toBe(USD_BN_1);
    expect(chart.series[0]!.labelFormat).toBe(USD_BN_1);
    expect(chart.series[0]!.labelPosition).toBe("outEnd");
  });

  it("embeds a workbook whose table columns are its header cells, with the chart's number format on every value", () => {
    const { header, tableColumns, cells } = chart.workbook;
    expect(header).toEqual(["Category", "US dollar amounts in the source, compared"]);
    expect(tableColumns).toEqual(header);
    expect(["B2", "B3", "B4"].map((r) => cells.get(r))).toEqual([
      { value: "0.5", format: USD_BN_1 }, { value: "3", format: USD_BN_1 }, { value: "7", format: USD_BN_1 },
    ]);
  });

  it("carries alt text generated from its data", () => {
    expect(chart.alt.replace(/\u00A0/g, " ")).toBe("Bar chart, US dollar amounts in the source, compared: Delegation firms' combined exports over $500 million; IMF package, 2023 $3 billion; IMF follow-up bailout $7 billion");
  });
});

describe("charts of an outline on another subject (energy investment)", () => {
  let deck: Pptx;
  let path: string;
  const chart = (title: string): ReadChart => {
    for (const n of chartSlides(deck)) if (deck.title(n) === title) return chartsOn(deck, n)[0]!;
    throw new Error(`no chart slide "${title}"`);
  };
  beforeAll(async () => {
    const built = await buildDeck({ outline: "test/fixtures/energy/deck.yaml", outDir: tempDir() });
    path = built.path!;
    deck = openPptx(path);
  });

  it("passes pptx-check", () => {
    expect(pptxCheck(path).problems).toBe(0);
  });

  it("formats each series of a combo chart in its own unit: dollars on the bars, × on the line and its axis", () => {
    const c = chart("The gap keeps widening");
    expect(c.kinds).toEqual(["c:barChart", "c:lineChart"]);
    const [clean, fossil, ratio] = c.series;
    expect([clean!.format, fossil!.format]).toEqual([USD_BN_1, USD_BN_1]);
    expect(ratio!.format).toBe('#,##0.0"×";-#,##0.0"×"');
    expect(ratio!.labelFormat).not.toContain("$");
    expect(ratio!.values).toEqual([1.5, 1.7, 1.8]);
    expect(ratio!.secondary).toBe(true);
    expect(c.axes.find((a) => a.id === "4")!.format).toContain("×");
    // The annotation replaces the 2024 point's label.
    expect(ratio!.pointLabels.find((p) => p.idx === 2)?.text).toBe("1.8× · record");
    // Every label inside a bar is readable on that bar.
    expect(c.workbook.tableColumns).toEqual(["Category", "Clean energy", "Fossil fuels", "Clean-to-fossil ratio"]);
  });

  it("chooses the scale the figures are written in, not the largest: $757 billion stays billions", () => {
    const c = chart("Trillions and billions on one scale");
    expect(c.series[0]!.values).toEqual([2200, 757]);
    expect(c.series[0]!.format).toBe('"$"#,##0" bn";-"$"#,##0" bn"');
  });

  it("computes derived figures exactly and cites them in text", () => {
    const bullets = deck.slideTexts(1).join("\n");
    expect(bullets).toContain("a ratio of 1.8×");
    // The number and its scale word are bound by a no-break space: they never part at a line end.
    expect(bullets).toContain("$3,100\u00A0billion");
    expect(bullets).toContain("64.5%");
    expect(bullets).toContain("23.7%");
    expect(bullets).toContain("$0.20 per kWh");
  });

  it("sorts and highlights: renewables first, in the accent colour, the rest muted", () => {
    const s = chart("Renewables lead the clean segments").series[0]!;
    expect(s.categories).toEqual(["Renewable power", "Efficiency and end use", "Grids", "Nuclear", "Storage"]);
    expect(s.values).toEqual([771, 660, 400, 80, 54]);
    const theme = JSON.parse(readFileSync("assets/themes/default.json", "utf8")) as { colors: Record<string, string>; chartColors: string[] };
    const fillOf = (i: number) => s.pointFills.find((p) => p.idx === i)?.fill ?? s.fill;
    expect(s.values.map((_, i) => fillOf(i))).toEqual([theme.chartColors[0], ...Array(4).fill(theme.colors["muted"])]);
  });

  it("draws a waterfall from stacked columns: a hidden base, signed steps, totals, every step labelled", () => {
    const c = chart("Clean gains outweighed the fossil decline");
    expect(c.series.map((s) => s.name)).toEqual(["Base (hidden)", "Increase", "Decrease", "Total", "Label position (hidden)"]);
    expect(c.xml).toContain('<c:grouping val="stacked"/>');
    // Every point cached (zero where a series has no segment): readers such as Apache POI 4.0.1 read
    // caches by position and misread or throw on one that leaves points out.
    expect(c.series[0]!.values).toEqual([0, 2.4, 2.6, 0]);
    expect(c.series[1]!.values).toEqual([0, 0.3, 0, 0]);
    expect(c.series[2]!.values).toEqual([0, 0, 0.1, 0]);
    expect(c.series[3]!.values).toEqual([2.4, 0, 0, 2.6]);
    const caches = c.xml.match(/<c:numCache>.*?<\/c:numCache>/g)!;
    expect(caches.length).toBeGreaterThan(0);
    for (const cache of caches) expect((cache.match(/<c:pt /g) ?? []).length).toBe(Number(/<c:ptCount val="(\d+)"/.exec(cache)![1]));
    expect(c.series[2]!.format!.startsWith('"-"')).toBe(true);
    expect(c.series[4]!.pointLabels.map((p) => p.text)).toEqual(["$2.4 tn", "+$0.3 tn", "-$0.1 tn", "$2.6 tn"]);
    expect(c.workbook.tableColumns).toEqual(["Category", "Base (hidden)", "Increase", "Decrease", "Total", "Label position (hidden)"]);
  });

  it("draws a scatter chart with x and y in their own units", () => {
    const c = chart("Cheaper technologies get built most");
    expect(c.kinds).toEqual(["c:scatterChart"]);
    expect(c.series[0]!.x).toEqual([44, 38, 70]);
    expect(c.series[0]!.values).toEqual([450, 120, 40]);
    const [x, y] = c.axes;
    expect([x!.title, y!.title]).toEqual(["US$", "GW"]);
    expect(c.workbook.tableColumns).toEqual(["Category", "Technologies (x)", "Technologies"]);
    // The chart's caches in their own figures' units: dollars for x, plain gigawatt counts for y. The
    // x cells are General, so readers that compare them as category text with the cache agree.
    expect(c.workbook.cells.get("B2")).toEqual({ value: "44", format: undefined });
    expect(c.workbook.cells.get("C2")).toEqual({ value: "450", format: "#,##0;-#,##0" });
    expect(c.xml).toMatch(/<c:xVal><c:numRef><c:f>Sheet1!\$B\$2:\$B\$4<\/c:f><c:numCache><c:formatCode>"\$"#,##0;/);
  });

  it("draws 100% stacked columns, doughnuts and areas natively", () => {
    expect(chart("Clean's share of the total rose").xml).toContain('<c:grouping val="percentStacked"/>');
    expect(chart("Oil takes the largest share of subsidies").kinds).toEqual(["c:doughnutChart"]);
    expect(chart("Both segments grew, clean faster").kinds).toEqual(["c:areaChart"]);
  });

  it("gives every label on a fill a colour with 4.5:1 contrast against it", () => {
    for (const n of chartSlides(deck)) {
      for (const c of chartsOn(deck, n)) {
        for (const s of c.series) {
          const fills = new Map(s.pointFills.map((p) => [p.idx, p.fill]));
          for (const p of s.pointLabels.filter((x) => x.color)) {
            const fill = fills.get(p.idx) ?? s.fill;
            if (fill && (s.labelPosition === "ctr" || s.labelPosition === "inEnd" || s.type === "c:doughnutChart")) {
              expect(contrastRatio(p.color!, fill), `slide ${n} ${s.name} point ${p.idx}`).toBeGreaterThanOrEqual(4.5);
            }
          }
        }
      }
    }
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
const cite = `      - layout: bullets
        title: Cites
        notes: One. Two.
        bullets:
          - "{{fig \\"a\\"}} {{fig \\"b\\"}} {{fig \\"t1\\"}}"
`;

describe("chart kinds chosen from the data", () => {
  it.each([
    ["two values of one unit", "          title: IMF\n          figures: [a, b]\n", "c:barChart", 'barDir val="col"', 1],
    ["an explicit doughnut", "          title: Split\n          kind: doughnut\n          figures: [a, b]\n", "c:doughnutChart", "holeSize", 1],
    ["an explicit pie", "          title: Split\n          kind: pie\n          figures: [a, b]\n", "c:pieChart", "firstSliceAng", 1],
    ["an explicit line", "          title: Trend\n          kind: line\n          figures: [a, b]\n", "c:lineChart", "c:marker", 1],
    ["a stacked column", "          title: Stack\n          kind: stacked-column\n          categories: [One]\n          series:\n            - { name: A, figures: [a] }\n            - { name: B, figures: [b] }\n", "c:barChart", 'grouping val="stacked"', 2],
    ["a stacked bar", "          title: Stack\n          kind: stacked-bar\n          categories: [One]\n          series:\n            - { name: A, figures: [a] }\n            - { name: B, figures: [b] }\n", "c:barChart", 'barDir val="bar"', 2],
    ["two units as a combo", "          title: Mixed\n          categories: [2023]\n          series:\n            - { name: Money, figures: [a] }\n            - { name: Tons, figures: [t1] }\n", "c:lineChart", "c:barChart", 2],
  ])("%s", async (_name, chart, element, detail, seriesCount) => {
    const built = await buildYaml(outline(chartSlide(chart) + cite, FIGURES));
    const deck = openPptx(built.path!);
    const c = chartsOn(deck, 1)[0]!;
    expect(c.xml).toContain(`<${element}>`);
    expect(c.xml).toContain(detail);
    expect(c.series).toHaveLength(seriesCount);
    expect(pptxCheck(built.path!).problems).toBe(0);
  });
});

describe("number formats", () => {
  const money = (values: Array<[string, number, string | undefined]>, extra = "") => outline(chartSlide(`          title: Money\n          figures: [${values.map(([id]) => id).join(", ")}]\n${extra}`),
    values.map(([id, v, scale]) => `  ${id}: { value: ${v}, ${scale ? `scale: ${scale}, ` : ""}unit: USD, period: "2024", label: L ${id}, source: main }\n`).join(""));

  it("keeps thousands separators with decimals, and minor units of unscaled money", async () => {
    const deck = openPptx((await buildYaml(money([["p", 2235.36, "billion"], ["q", 0.2, undefined]], "          kind: column\n          scale: billion\n"))).path!);
    expect(chartsOn(deck, 1)[0]!.series[0]!.format).toBe('"$"#,##0.00" bn";-"$"#,##0.00" bn"');
    const small = openPptx((await buildYaml(money([["p", 0.2, undefined], ["q", 1.5, undefined]]))).path!);
    expect(chartsOn(small, 1)[0]!.series[0]!.format).toBe('"$"#,##0.00;-"$"#,##0.00');
  });

  it("honours the chart's own scale and decimals, and warns when it had to round", async () => {
    const fixed = await buildYaml(money([["p", 757, "billion"], ["q", 2.2, "trillion"]], "          scale: trillion\n          decimals: 3\n"));
    expect(chartsOn(openPptx(fixed.path!), 1)[0]!.series[0]!.values).toEqual([0.757, 2.2]);
    expect(fixed.warnings.filter((w) => w.code === "FIGURE_ROUNDED")).toEqual([]);
    const rounded = await buildYaml(money([["p", 1.2345, "billion"], ["q", 2, "billion"]]));
    expect(rounded.warnings.map((w) => w.code)).toContain("FIGURE_ROUNDED");
  });
});

describe("chart and figure errors", () => {
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
    expect((await buildErrors(outline(chartSlide("          title: Empty\n") + cite, FIGURES)))[0]!.info.code).toBe("CHART_NO_DATA");
  });

  it("refuses pies of negative or all-zero values", async () => {
    const figs = (a: number, b: number) => `  n1: { value: ${a}, unit: percent, period: "2024", label: One, source: main }\n  n2: { value: ${b}, unit: percent, period: "2024", label: Two, source: main }\n`;
    const pie = chartSlide("          title: Split\n          kind: pie\n          figures: [n1, n2]\n");
    expect((await buildErrors(outline(pie, figs(-5, 105))))[0]!.info.code).toBe("CHART_KIND");
    expect((await buildErrors(outline(pie, figs(0, 0))))[0]!.info.code).toBe("CHART_KIND");
  });

  it("refuses a waterfall whose total is not the sum of its steps, or that falls below zero", async () => {
    const figs = (end: number, step: number) => `  s0: { value: 10, unit: USD, period: "2023", label: Start, source: main }\n  s1: { value: ${step}, unit: USD, period: "2024", label: Step, source: main }\n  s2: { value: ${end}, unit: USD, period: "2024", label: End, source: main }\n`;
    const fall = chartSlide("          title: Bridge\n          kind: waterfall\n          figures: [s0, s1, s2]\n          totals: [s0, s2]\n");
    const bad = outline(fall, figs(13, 2));
    const errors = await buildErrors(bad);
    expect(errors[0]).toMatchObject({ info: { code: "CHART_DATA_MISMATCH" } });
    expect(errors[0]!.info.hint).toContain("12");
    expect((await buildErrors(outline(fall, figs(-5, -15))))[0]!.info.code).toBe("CHART_KIND");
  });

  it("names the nearest category for a highlight that matches none", async () => {
    const errors = await buildErrors(outline(chartSlide("          title: IMF\n          figures: [a, b]\n          highlight: Standby packag\n") + cite, FIGURES));
    expect(errors[0]).toMatchObject({ info: { code: "UNKNOWN_CATEGORY", hint: 'did you mean "Standby package"?' } });
  });

  it("refuses a title that names another scale than the labels use", async () => {
    const yaml = outline(chartSlide("          title: Programmes, USD trillion\n          figures: [a, b]\n") + cite, FIGURES);
    expect((await buildErrors(yaml))[0]).toMatchObject({ info: { code: "CHART_MIXED_UNITS", pos: posOf(yaml, "Programmes, USD trillion") } });
    expect((await buildYaml(outline(chartSlide("          title: Programmes, USD trillion\n          scale: trillion\n          decimals: 3\n          figures: [a, b]\n") + cite, FIGURES))).slides).toBe(2);
  });

  it("refuses to sort a line chart", async () => {
    expect((await buildErrors(outline(chartSlide("          title: T\n          kind: line\n          figures: [a, b]\n          sort: descending\n") + cite, FIGURES)))[0]!.info.code).toBe("CHART_KIND");
  });

  it("reports derived figures that loop, mix units or divide by zero, at their derive", async () => {
    const derived = (def: string) => outline(cite.replace('{{fig \\"t1\\"}}', '{{fig \\"t1\\"}} {{fig \\"d\\"}}'), FIGURES + `  d: { derive: ${def}, period: "2024", label: D }\n  z: { value: 0, unit: USD, period: "2024", label: Z, source: main }\n  e: { derive: { sum: [d, a] }, period: "2024", label: E }\n`);
    const codes = async (def: string) => (await buildErrors(derived(def))).map((e) => e.code);
    expect(await codes("{ ratio: [a, t1] }")).toContain("FIGURE_UNITS");
    expect(await codes("{ ratio: [a, z] }")).toContain("FIGURE_UNITS");
    expect(await codes("{ sum: [e, b] }")).toContain("FIGURE_CYCLE");
    expect(await codes("{ ratio: [a, nope] }")).toContain("UNKNOWN_FIGURE");
  });
});

/** A bullet slide with these lines, citing the typed-amount tests' figures. */
const bullets = (...lines: string[]) => outline(`      - layout: bullets
        title: Checked
        notes: One. Two.
        bullets:
${lines.map((l) => `          - "${l}"`).join("\n")}
          - "{{fig \\"a\\"}} {{fig \\"b\\"}} {{fig \\"t1\\"}}"
`, FIGURES);

describe("the typed-amount check", () => {


  it.each([
    ["$3 billion"], ["45%"], ["fifteen percent"], ["eighteen percent"], ["a trillion dollars"], ["two-thirds"], ["twenty-five per cent"],
    ["3bn"], ["two million metric tons"], ["billions of dollars"],
    // fractions, proportions and multiples in words; units and currencies written after the number
    ["almost half"], ["by half"], ["three quarters of"], ["one in five"], ["nine out of ten"],
    ["tripled"], ["threefold"], ["five-fold"], ["1.7×"], ["3x"], ["40 €"], ["₦40"], ["3 lakh"], ["40 basis points"], ["5 pp"], ["15 pc"],
    ["3.2 mb/d"], ["1.5°C"],
  ])("catches %s", async (amount) => {
    const yaml = bullets(`Spending rose by ${amount} last year`);
    const errors = await buildErrors(yaml);
    expect(errors.map((e) => e.code)).toEqual(["LITERAL_AMOUNT"]);
    expect(errors[0]!.info.pos).toMatchObject(posOf(yaml, amount));
  });

  it.each([["half of", "Exports: half of the total"], ["half a million", "Visitors: half a million a year"]])("catches %s in “%s”", async (amount, line) => {
    const yaml = bullets(line);
    const errors = await buildErrors(yaml);
    expect(errors.map((e) => e.code)).toEqual(["LITERAL_AMOUNT"]);
    expect(errors[0]!.info.pos).toMatchObject(posOf(yaml, amount));
  });

  it.each([
    ["Investment by segment in 2024, USD billion"], ["in 2024"], ["per cent of GDP"], ["USD billion"], ["the ninth session"], ["two countries"], ["one of the partners"],
    ["the second half of 2024"], ["on behalf of the ministry"], ["a third party"], ["a year and a half later"], ["doubled down on talks"],
    ["three quarters of 2024"], ["manifold benefits"], ["4x4 vehicles"], ["UN Resolution 2231"], ["one in the morning"],
  ])("lets %s pass (no quantity)", async (text) => {
    expect((await buildYaml(bullets(text))).slides).toBe(1);
  });

  it("refuses helpers handed a typed number, and an unquoted figure id with a hint to quote it", async () => {
    for (const helper of ["{{number 5}}", "{{amount 3}}", "{{ordinal 9}}"]) {
      const yaml = bullets(helper.replace(/"/g, '\\"'));
      expect((await buildErrors(yaml)).map((e) => e.code), helper).toContain("LITERAL_AMOUNT");
    }
    const errors = await buildErrors(bullets("{{fig a}}"));
    expect(errors[0]).toMatchObject({ info: { code: "TEMPLATE_HELPER", hint: 'quote the id: {{fig "a"}}' } });
  });

  it("reports a helper called with wrong or missing arguments at its position, with its signature", async () => {
    const yaml = bullets('{{fig \\"a\\" \\"b\\"}}');
    expect((await buildErrors(yaml))[0]).toMatchObject({ info: { code: "TEMPLATE_HELPER", pos: posOf(yaml, '{{fig \\"a\\"'), hint: expect.stringContaining('{{fig "id"}}') } });
    for (const bad of ["{{date}}", "{{upper}}", "{{pad section.number 99}}", "{{fig}}"]) {
      const errors = await buildErrors(bullets(bad));
      expect(errors[0]!.info.code, bad).toBe("TEMPLATE_HELPER");
      expect(errors[0]!.info.hint, bad).toMatch(/^write it as \{\{/);
    }
  });

  it("takes \\{{…}} as literal braces: printed as written, no citation, no check", async () => {
    const built = await buildYaml(bullets('Write \\\\{{fig \\"x\\"}} to cite a figure'));
    expect(openPptx(built.path!).slideTexts(1).join("\n")).toContain('Write {{fig "x"}} to cite a figure');
  });

  it("reports an amount typed into a figure's label, which becomes a chart category", async () => {
    const yaml = outline(chartSlide("          title: Amounts\n          figures: [a, b]\n"),
      FIGURES.replace("label: Standby package", "label: Standby package of $3 billion").replace(/  t1:[\s\S]*$/, ""));
    const errors = await buildErrors(yaml);
    expect(errors.map((e) => [e.info.code, e.info.pos?.line, e.info.pos?.col])).toEqual([["LITERAL_AMOUNT", posOf(yaml, "$3 billion").line, posOf(yaml, "$3 billion").col]]);
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
    const yaml = bullets('{{fig \\"t2\\"}}');
    const errors = await buildErrors(yaml);
    expect(errors[0]).toMatchObject({ info: { code: "UNKNOWN_FIGURE", pos: posOf(yaml, '{{fig \\"t2\\"'), hint: 'did you mean "t1"?' } });
  });
});

describe("texts remembered as free of typed amounts", () => {
  // Each run is a new process: the second reads what the first stored in the per-user cache.
  const run = (outline: string, cache: string, args: string[] = []) => {
    try {
      execFileSync(process.execPath, ["bin/briefdeck.js", outline, "--out", join(dirname(outline), "out"), "--quiet", ...args], { env: { ...process.env, BRIEFDECK_CACHE_DIR: cache }, encoding: "utf8", stdio: "pipe" });
      return "";
    } catch (err) {
      return String((err as { stderr?: string }).stderr);
    }
  };

  it("are stored after a clean run, never hide an amount typed into them later, and are never stored with one", () => {
    const dir = tempDir();
    const cache = join(dir, "cache");
    const file = join(dir, "deck.yaml");
    writeFileSync(file, bullets("Trade grew in 2024 as two partners signed on"));
    expect(run(file, cache, ["--check"])).toBe("");
    expect(existsSync(join(cache, "checked-texts"))).toBe(false); // --check stores nothing
    expect(run(file, cache)).toBe("");
    const [stored] = readdirSync(join(cache, "checked-texts"));
    const before = JSON.parse(readFileSync(join(cache, "checked-texts", stored!), "utf8")) as string[];
    expect(before.length).toBeGreaterThan(0);
    // The same sentence with an amount typed in: caught, as on a first run, and not remembered.
    writeFileSync(file, bullets("Trade grew by $3 billion in 2024 as two partners signed on"));
    for (let i = 0; i < 2; i++) expect(run(file, cache)).toMatch(/LITERAL_AMOUNT[\s\S]*\$3 billion/);
    expect(JSON.parse(readFileSync(join(cache, "checked-texts", stored!), "utf8"))).toEqual(before);
  });
});
