// Slow tier: random figure sets of every unit, scale and chart kind, built into decks and rendered by
// LibreOffice. The data labels it draws (pdftotext) are the house format of each value, series by
// series; the chart's number formats and its workbook's cell formats are the same Excel format; and
// pptx-overlap finds no label that collides with another or leaves the slide.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDeck } from "../src/build-deck.js";
import type { PlacedChart } from "../src/model/layout.js";
import { decimalOf, decimalPlaces, shift, toNumber } from "../src/util/decimal.js";
import { excelFormat, formatQuantity, SCALE_EXPONENT } from "../src/util/number-format.js";
import { tempDir } from "./_helpers/build.js";
import { chartSlides, chartsOn } from "./_helpers/charts.js";
import { openPptx } from "./_helpers/pptx.js";

const UNITS = ["USD", "EUR", "GBP", "PKR", "JPY", "percent", "times", "metric tons"] as const;
const SCALES = [undefined, "thousand", "million", "billion", "trillion"] as const;
const KINDS = ["column", "bar", "line", "stacked-column", "stacked-bar-100", "pie", "doughnut", "combo", "waterfall", "area"] as const;

interface FigureSet { unit: (typeof UNITS)[number]; scale: (typeof SCALES)[number]; values: number[]; kind: (typeof KINDS)[number] }

/**
 * Values as authors write them, from 0.2 to hundreds of thousands with up to two decimals: a base
 * and points spread around it (a chart's values are usually of one order of magnitude, sometimes not).
 */
const values = fc.record({
  base: fc.constantFrom(0.2, 1.5, 7, 45, 320, 2235.36, 75_000),
  spread: fc.array(fc.integer({ min: 30, max: 300 }), { minLength: 2, maxLength: 4 }),
  wild: fc.boolean(),
}).map(({ base, spread, wild }) => spread.map((m, i) => Number((base * (wild && i === 0 ? m : m / 100)).toFixed(base < 10 ? 2 : 0)) || 0.2));
const figureSets = (kinds: readonly FigureSet["kind"][]) => fc.tuple(...kinds.map((kind) => fc.record({
  unit: fc.constantFrom(...UNITS), scale: fc.constantFrom(...SCALES), values, kind: fc.constant(kind),
})));

function outlineOf(sets: readonly FigureSet[]): string {
  const figures: string[] = [];
  const slides: string[] = [];
  sets.forEach((set, k) => {
    const scalable = !["percent", "times"].includes(set.unit);
    const ids = set.values.map((v, i) => {
      const id = `f${k}_${i}`;
      // A waterfall's last figure is the total of the others, derived exactly.
      const derived = set.kind === "waterfall" && i === set.values.length - 1;
      figures.push(derived
        ? `  ${id}: { derive: { sum: [${set.values.slice(0, -1).map((_, j) => `f${k}_${j}`).join(", ")}] }, period: "2024", label: "Total ${k}" }`
        : `  ${id}: { value: ${v}, unit: "${set.unit}",${scalable && set.scale ? ` scale: ${set.scale},` : ""} period: "2024", label: "Item ${k}-${i}", source: main }`);
      return id;
    });
    let chart = `{ title: "Chart ${k}", kind: ${set.kind}, figures: [${ids.join(", ")}] }`;
    if (set.kind === "waterfall") chart = `{ title: "Chart ${k}", kind: waterfall, figures: [${ids.join(", ")}], totals: [${ids[0]}, ${ids[ids.length - 1]}] }`;
    if (set.kind === "combo" || set.kind === "stacked-bar-100") {
      const other = ids.map((id, i) => {
        const id2 = `${id}_r`;
        figures.push(`  ${id2}: { value: ${(i + 1) * 1.5}, unit: ${set.kind === "combo" ? "times" : `"${set.unit}"`},${set.kind !== "combo" && scalable && set.scale ? ` scale: ${set.scale},` : ""} period: "2024", label: "Ratio ${k}-${i}", source: main }`);
        return id2;
      });
      chart = `{ title: "Chart ${k}", kind: ${set.kind}, categories: [${ids.map((_, i) => `"C${i}"`).join(", ")}], series: [{ name: "First", figures: [${ids.join(", ")}] }, { name: "Second", figures: [${other.join(", ")}] }] }`;
    }
    slides.push(`      - layout: chart\n        title: "Chart slide ${k}"\n        notes: One. Two.\n        chart: ${chart}`);
  });
  return `deck:\n  title: Labels\n  author: T\n  date: "2026-01-15"\n  source: { title: S }\nfigures:\n${figures.join("\n")}\nsections:\n  - id: main\n    title: Main\n    divider: false\n    slides:\n${slides.join("\n")}\n`;
}

/** A waterfall needs a start, steps and a total. */
function valid(set: FigureSet): FigureSet {
  return set.kind === "waterfall" && set.values.length < 3 ? { ...set, values: [...set.values, set.values[0]!] } : set;
}

const squash = (s: string) => s.replace(/\s+/g, "");

describe("data labels as LibreOffice draws them", () => {
  it("are the house format of every value, series by series, and never collide", async () => {
    const samples = fc.sample(figureSets(KINDS), { numRuns: 3, seed: 20261129 });
    let labels = 0; let tickChecks = 0;
    for (const drawn of samples) {
      const sets = drawn.map(valid);
      const dir = tempDir();
      writeFileSync(join(dir, "deck.yaml"), outlineOf(sets));
      const built = await buildDeck({ outline: join(dir, "deck.yaml"), outDir: dir });
      const deck = openPptx(built.path!);
      execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, built.path!], { stdio: "pipe", timeout: 300_000 });
      const pages = execFileSync("pdftotext", [join(dir, "deck.pdf"), "-"], { encoding: "utf8" }).split("\f");
      const charts = built.placed.slides.map((s) => s.items.find((i): i is PlacedChart => i.kind === "chart")!);
      charts.forEach((chart, n) => {
        const page = squash(pages[n]!);
        // The placed labels are the house format of each drawn value (or a waterfall's signed step).
        for (const [k, s] of chart.series.entries()) {
          const data = chart.data.series[k];
          if (!s.labels || s.labels.onlyCustom || !data || chart.data.kind === "waterfall") continue;
          s.values.forEach((v, i) => {
            if (v === null) return;
            const expected = formatQuantity(v, data.style, "chart");
            expect(chart.labelBoxes.map((b) => b.text), `chart ${n} series ${k}`).toContain(s.labels!.pointText?.[i] ?? expected);
          });
        }
        // LibreOffice draws exactly those strings.
        for (const label of chart.labelBoxes) expect(page, `chart ${n} (${chart.data.kind}): "${label.text}"`).toContain(squash(label.text));
        labels += chart.labelBoxes.length;
        // A shown value axis labels its ticks in the unit and scale of the series on it.
        chart.axes.filter((a) => a.role === "value" && a.visible).forEach((a) => {
          const style = chart.data.series.find((s) => s.axis === (a.secondary ? "secondary" : "primary"))!.style;
          const decimals = decimalPlaces(decimalOf(a.majorUnit!));
          for (let t = a.min!; t <= a.max! + 1e-9; t = Number((t + a.majorUnit!).toPrecision(12))) {
            const text = a.format === "0%" ? `${Math.round(t * 100)}%` : formatQuantity(t, { ...style, decimals }, "chart");
            expect(page, `chart ${n} (${chart.data.kind}) axis tick ${text}`).toContain(squash(text));
            tickChecks++;
          }
        });
        // Number formats: the chart's series and the workbook cells use the series' Excel format.
        const read = chartsOn(deck, n + 1)[0]!;
        chart.data.series.forEach((d, k) => {
          if (chart.data.kind === "waterfall") return;
          expect(read.series[k]!.format).toBe(excelFormat(d.style));
          for (const [ref, cell] of read.workbook.cells) if (/^[B-Z]\d+$/.test(ref) && !/1$/.test(ref) && ref.startsWith(String.fromCharCode(66 + k))) expect(cell.format).toBe(excelFormat(d.style));
          // Values in the chart are the figures re-expressed in the series' scale, exactly.
          d.figureIds.forEach((id, i) => {
            const f = sets[n]!;
            const written = f.values[i]!;
            if (chart.data.kind !== "combo" && k === 0 && !(chart.data.kind as string).startsWith("stacked")) {
              const scale = f.scale && !["percent", "times"].includes(f.unit) ? SCALE_EXPONENT[f.scale] : 0;
              expect(d.values[i], id).toBe(toNumber(shift(decimalOf(written), scale - (d.style.scale ? SCALE_EXPONENT[d.style.scale] : 0))));
            }
          });
        });
      });
      expect(chartSlides(deck)).toHaveLength(sets.length);
      const overlap = execFileSync(join("..", "shared", "tools", "pptx-overlap"), [built.path!], { encoding: "utf8" });
      expect(overlap).toMatch(/: 0 problems/);
    }
    // The samples must exercise both labels and axes.
    expect(labels).toBeGreaterThan(40);
    expect(tickChecks).toBeGreaterThan(20);
  }, 600_000);
});
