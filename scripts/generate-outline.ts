// Writes a synthetic outline of N slides for benchmarks and tests: every layout in turn, a native
// chart on every fifth slide, ten slides per section. Usage: node dist/scripts/generate-outline.js N OUT.yaml
import { writeFileSync } from "node:fs";

const CYCLE = ["bullets", "two-columns", "key-figures", "timeline", "quote", "table", "takeaways", "bullets", "agenda"] as const;

export function generateOutline(slides: number): string {
  const figures: string[] = [];
  const sections: string[] = [];
  let slideNo = 0;
  for (let s = 0; slideNo < slides; s++) {
    // The first seven sections open with a divider and make the agenda; later ones are annex parts.
    const divider = s < 7;
    const lines = [`  - id: s${s}`, `    title: Section ${s + 1} of the annex`, `    gist: What part ${s + 1} covers, in one line`,
      `    notes: "Part ${s + 1} opens here. It covers ten topics."`, ...(divider ? [] : ["    divider: false"]), "    slides:"];
    if (divider) slideNo++;
    for (let k = 0; k < (divider ? 9 : 10) && slideNo < slides; k++) {
      slideNo++;
      const n = slideNo;
      const head = [`      - layout: LAYOUT`, `        title: "Slide ${n} states its point in one clear sentence"`,
        `        notes: "This is what the presenter says about slide ${n}. It adds context and a transition."`];
      let layout: string = n % 5 === 0 ? "chart" : CYCLE[(n + s) % CYCLE.length]!;
      if (layout === "agenda" && s > 0) layout = "bullets";
      head[0] = `      - layout: ${layout}`;
      const body: string[] = [];
      const fig = (id: string, value: number, unit: string, scale?: string) =>
        figures.push(`  ${id}: { value: ${value}, unit: ${unit},${scale ? ` scale: ${scale},` : ""} period: "${2000 + (n % 25)}", label: "Item ${id}", source: { doc: annex, locator: "part ${s + 1}" } }`);
      switch (layout) {
        case "bullets":
          body.push("        bullets:", ...[1, 2, 3, 4].map((b) => `          - "Claim ${b} on slide ${n}, with the evidence that supports it in a few words"`));
          break;
        case "two-columns":
          body.push("        left: { heading: One view, bullets: [\"First point of view\", \"Second point of view\"] }",
            "        right: { heading: Other view, bullets: [\"A contrasting point\", \"Another contrasting point\"] }");
          break;
        case "key-figures":
          fig(`k${n}a`, n * 10, "USD", "million"); fig(`k${n}b`, n * 3, "metric tons", "thousand");
          body.push(`        figures: [{ figure: k${n}a, caption: "raised in the period" }, { figure: k${n}b, caption: "shipped in the period" }]`);
          break;
        case "timeline":
          body.push(`        milestones: [{ date: "2021-03", label: "First step taken" }, { date: "2022-07", label: "Second step" }, { date: "2024-01", label: "Third step" }]`);
          break;
        case "quote":
          body.push(`        quote: "A statement worth quoting in large type on slide ${n}."`, "        attribution: The source, in its own words");
          break;
        case "chart":
          fig(`c${n}a`, n, "USD", "billion"); fig(`c${n}b`, n + 2, "USD", "billion"); fig(`c${n}c`, n + 4, "USD", "billion");
          body.push(`        chart: { title: "Three amounts compared on slide ${n}", figures: [c${n}a, c${n}b, c${n}c] }`);
          break;
        case "table":
          body.push("        columns: [When, What, Where]", "        rows:", "          - [March 2021, The first meeting, Capital]", "          - [July 2022, A second meeting, Port city]");
          break;
        case "takeaways":
          body.push("        takeaways: [{ point: The first conclusion, support: Why it holds }, { point: The second conclusion, support: Why it matters }]");
          break;
        case "agenda":
          break;
      }
      lines.push(...head, ...body);
    }
    sections.push(lines.join("\n"));
  }
  return [
    "deck:", "  title: Generated annex", "  author: briefdeck benchmark", '  date: "2026-01-15"', "sources:", "  - { id: annex, title: Generated source, publisher: briefdeck benchmark }",
    ...(figures.length ? ["figures:", ...figures] : []),
    "sections:", ...sections, "",
  ].join("\n");
}

if (process.argv[1]?.endsWith("generate-outline.js")) {
  const n = Number(process.argv[2] ?? 200);
  const out = process.argv[3] ?? `bench-${n}.yaml`;
  writeFileSync(out, generateOutline(n));
  console.log(`wrote ${out}: ${n} slides`);
}
