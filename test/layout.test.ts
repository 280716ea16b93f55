// Layout invariants on plain data: boxes inside the slide, no text on text, sizes within limits,
// measured text inside its box, and continuation slides when bullets cannot fit.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDeck } from "../src/build-deck.js";
import { minimumPt } from "../src/a11y/check-accessibility.js";
import { measureAt } from "../src/layout/fit-text.js";
import { textWidthPt, wrapLines } from "../src/layout/measure-text.js";
import type { PathCommand, PlacedDeck, PlacedText } from "../src/model/layout.js";
import { pathContains } from "../src/layout/path-geometry.js";
import { buildYaml } from "./_helpers/build.js";
import { outline } from "./_helpers/outline.js";

const EPS = 0.001;

function assertInvariants(deck: PlacedDeck): void {
  for (const [i, slide] of deck.slides.entries()) {
    const where = `slide ${i + 1} (${slide.title})`;
    const texts = slide.items.filter((it): it is PlacedText => it.kind === "text");
    for (const item of slide.items) {
      expect(item.xIn, where).toBeGreaterThanOrEqual(-EPS);
      expect(item.yIn, where).toBeGreaterThanOrEqual(-EPS);
      expect(item.xIn + item.wIn, where).toBeLessThanOrEqual(deck.size.wIn + EPS);
      expect(item.yIn + item.hIn, where).toBeLessThanOrEqual(deck.size.hIn + EPS);
    }
    for (const t of texts) {
      const min = t.role === "title" ? 24 : ["footer", "source", "marking"].includes(t.role) ? 12 : t.role === "kicker" || t.role === "figure-period" ? 13 : t.role.startsWith("chart-") ? 14 : t.role.startsWith("map-") ? minimumPt(t.role) : 16;
      expect(t.fontPt, `${where} ${t.role}`).toBeGreaterThanOrEqual(min);
      if (t.paragraphs.some((p) => p.runs.some((r) => r.fontPt !== undefined))) {
        // Runs of several sizes (a qualifier beside its number) are set on one line: it must fit the width.
        for (const p of t.paragraphs) {
          const width = p.runs.reduce((w, r) => w + textWidthPt(r.text, r.fontPt ?? p.fontPt ?? t.fontPt, r.bold ?? t.bold ?? false), 0);
          expect(width, `${where} ${t.role} fits one line`).toBeLessThanOrEqual(t.wIn * 72 * 0.96 + 0.5);
        }
        continue;
      }
      const height = measureAt({ paragraphs: t.paragraphs.map((p) => ({ text: p.runs.map((r) => r.text).join(""), bold: p.bold ?? t.bold ?? false, indentPt: p.indent === 1 ? 43.2 : p.bullet ? 21.6 : 0 })), wIn: t.wIn, hIn: t.hIn, maxPt: t.fontPt, minPt: t.fontPt }, t.fontPt).heightIn;
      expect(height, `${where} ${t.role} text fits its box`).toBeLessThanOrEqual(t.hIn + 0.02);
    }
    for (let a = 0; a < texts.length; a++) {
      for (let b = a + 1; b < texts.length; b++) {
        const [p, q] = [texts[a]!, texts[b]!];
        const overlapW = Math.min(p.xIn + p.wIn, q.xIn + q.wIn) - Math.max(p.xIn, q.xIn);
        const overlapH = Math.min(p.yIn + p.hIn, q.yIn + q.hIn) - Math.max(p.yIn, q.yIn);
        expect(overlapW > EPS && overlapH > EPS, `${where}: ${p.role} overlaps ${q.role}`).toBe(false);
      }
    }
  }
}

describe("text measurement", () => {
  it("measures with Carlito's advance widths", () => {
    // Carlito regular: "a" is 981/2048 em wide, so 2048 of them at 1 pt are 981 pt.
    expect(textWidthPt("a".repeat(2048), 1)).toBeCloseTo(981, 0);
    expect(textWidthPt("W", 20, true)).toBeGreaterThan(textWidthPt("W", 20, false));
  });

  it("may end a line after a dash inside a compound word, as renderers do; a title avoids it where a size allows", async () => {
    const width = textWidthPt("The ties between Pakistan–", 20) + 1;
    expect(wrapLines("The ties between Pakistan–Russia grow", 20, width)).toEqual(["The ties between Pakistan–", "Russia grow"]);
    // Not after a minus sign: "-5%" stays whole.
    expect(wrapLines("fell -5% in 2024", 20, textWidthPt("-5% in", 20) + 1)).toEqual(["fell", "-5% in", "2024"]);
    const { fitText } = await import("../src/layout/fit-text.js");
    // A box just wide enough for the first line to end at the dash at 30 pt.
    const wIn = (textWidthPt("Four points to carry into any discussion of Pakistan–", 30, true) + 2) / 72 / 0.96;
    const req = { paragraphs: [{ text: "Four points to carry into any discussion of Pakistan–Russia ties", bold: true }], wIn, hIn: 2, maxPt: 30, minPt: 24, maxLines: 2 };
    const plain = fitText(req);
    const avoiding = fitText({ ...req, avoidDashBreaks: true });
    expect(plain.fits && avoiding.fits).toBe(true);
    const linesAt = (pt: number) => wrapLines(req.paragraphs[0]!.text, pt, wIn * 72 * 0.96, true);
    expect(linesAt(plain.fontPt).slice(0, -1).some((l) => l.endsWith("–"))).toBe(true);
    expect(linesAt(avoiding.fontPt).slice(0, -1).some((l) => l.endsWith("–"))).toBe(false);
  });

  it("wraps at spaces and breaks only words wider than the line", () => {
    expect(wrapLines("one two three four", 20, textWidthPt("three four", 20) + 1)).toEqual(["one two", "three four"]);
    const long = "x".repeat(200);
    expect(wrapLines(long, 20, 300).every((l) => textWidthPt(l, 20) <= 300)).toBe(true);
  });
});

describe("measurement kept incremental", () => {
  // Wrapping extends a line's width word by word, and point-in-outline counts crossings in one
  // pass: both must give exactly what measuring each candidate afresh gives, as they used to.
  const naiveWrap = (text: string, pt: number, maxPt: number, bold: boolean) => {
    const lines: string[] = [];
    for (const hard of text.split("\n")) {
      let line = "";
      for (const word of hard.split(/ +/)) {
        word.split(/(?<=[\p{L}\p{N}][-‐–—])(?=[\p{L}\p{N}])/u).forEach((part, k) => {
          const candidate = `${line}${k === 0 && line ? " " : ""}${part}`;
          if (textWidthPt(candidate, pt, bold) <= maxPt) { line = candidate; return; }
          if (line) lines.push(line);
          let piece = "";
          for (const ch of part) { if (piece && textWidthPt(piece + ch, pt, bold) > maxPt) { lines.push(piece); piece = ""; } piece += ch; }
          line = piece;
        });
      }
      lines.push(line);
    }
    return lines;
  };

  it("wraps exactly as measuring every candidate line afresh does", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "W", "i", "m", "é", "–", "-", "1", "東", "\u00A0", "🇵🇰"), minLength: 1, maxLength: 14 });
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 8, max: 40 }), fc.integer({ min: 20, max: 600 }), fc.boolean(), (words, pt, maxPt, bold) => {
      const text = words.join(" ");
      expect(wrapLines(text, pt, maxPt, bold)).toEqual(naiveWrap(text, pt, maxPt, bold));
    }), { numRuns: 2000, seed: 7 });
  });

  it("finds a point inside an outline exactly as the ring-by-ring test does", () => {
    const naiveContains = (path: readonly PathCommand[], x: number, y: number) => {
      let inside = false;
      let ring: Array<[number, number]> = [];
      const crossRing = () => {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i]!; const [xj, yj] = ring[j]!;
          if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
        }
        ring = [];
      };
      for (const c of path) {
        if (c.op === "M") { if (ring.length > 2) crossRing(); ring = [[c.x, c.y]]; } else if (c.op === "Z") { if (ring.length > 2) crossRing(); ring = []; } else ring.push([c.x, c.y]);
      }
      if (ring.length > 2) crossRing();
      return inside;
    };
    const coord = fc.integer({ min: 0, max: 40 }).map((n) => n / 4);
    const command = fc.oneof(
      fc.record({ op: fc.constant("M" as const), x: coord, y: coord }), fc.record({ op: fc.constant("L" as const), x: coord, y: coord }),
      fc.record({ op: fc.constant("C" as const), x1: coord, y1: coord, x2: coord, y2: coord, x: coord, y: coord }), fc.constant({ op: "Z" as const }),
    ) as fc.Arbitrary<PathCommand>;
    fc.assert(fc.property(fc.array(command, { maxLength: 40 }), coord, coord, (path, x, y) => {
      expect(pathContains(path, x + 0.125, y + 0.125)).toBe(naiveContains(path, x + 0.125, y + 0.125));
      expect(pathContains(path, x, y)).toBe(naiveContains(path, x, y));
    }), { numRuns: 5000, seed: 11 });
  });
});

describe("layout of the shipped deck", () => {
  it("keeps every invariant", async () => {
    const { placed, warnings } = await buildDeck({ outline: "deck.yaml", outDir: "unused", checkOnly: true });
    expect(warnings).toEqual([]);
    assertInvariants(placed);
  });
});

const longWords = "Extraordinarily consequential intergovernmental negotiations concerning transcontinental infrastructure";
const slide = (title: string, bullets: string[]) => `      - layout: bullets
        title: "${title}"
        notes: One. Two.
        bullets:
${bullets.map((b) => `          - "${b}"`).join("\n")}
`;

describe("layout of unusual text", () => {
  it.each([
    ["short", slide("Hi", ["a"])],
    ["long", slide(`${longWords} ${longWords}`, [longWords + " " + longWords, longWords])],
    ["Cyrillic", slide("Пакистан и Россия: от соперников к партнёрам в торговле и энергетике", ["Россия предложила сотрудничество с Евразийским экономическим союзом", "Железные и автомобильные дороги"])],
    ["Urdu", slide("پاکستان اور روس: تجارت اور توانائی", ["پاکستان وسطی ایشیا تک رسائی چاہتا ہے", "روس نئی منڈیاں تلاش کر رہا ہے"])],
  ])("%s text stays inside its boxes", async (_name, yaml) => {
    const built = await buildYaml(outline(yaml), { checkOnly: true });
    assertInvariants(built.placed);
  });

  it("continues bullets that cannot fit on a following slide, with a located warning", async () => {
    const many = Array.from({ length: 8 }, (_, i) => `Claim ${i + 1}: ${longWords}, with evidence that runs over several lines of the slide body`);
    const yaml = outline(slide("Too much to say on one slide", many));
    const built = await buildYaml(yaml, { checkOnly: true });
    const titles = built.placed.slides.map((s) => s.title);
    expect(titles[0]).toBe("Too much to say on one slide");
    expect(titles.slice(1)).toEqual(titles.slice(1).map((_, i) => (i === 0 ? "Too much to say on one slide (cont.)" : `Too much to say on one slide (cont. ${i + 2})`)));
    expect(titles.length).toBeGreaterThan(1);
    expect(built.warnings.map((w) => [w.info.code, w.info.pos?.line])).toEqual([["TEXT_CONTINUED", yaml.split("\n").findIndex((l) => l.includes("layout: bullets")) + 1]]);
    assertInvariants(built.placed);
  });
});

describe("every layout under very long text", () => {
  const L = `${longWords} ${longWords} ${longWords}`;
  const yaml = `deck:
  title: "${L}"
  subtitle: "${L}"
  author: "${longWords}"
  date: "2026-01-15"
  source: { title: "${L}" }
figures:
  f1: { value: 1234567, unit: metric tons, period: "${longWords}", label: "An eighty-character label, as long as the schema allows for any figure label!!", source: main, qualifier: more than }
  f2: { value: 3, scale: billion, unit: USD, period: "2023", label: "Second label", source: main }
sections:
  - id: main
    title: "${L}"
    gist: "${L}"
    notes: One. Two.
    slides:
      - { layout: title, title: "${L}", notes: "One. Two." }
      - { layout: agenda, title: "${L}", notes: "One. Two." }
      - { layout: two-columns, title: "${L}", notes: "One. Two.", left: { heading: "${L}", bullets: ["${L}", "${L}", "${L}", "${L}"] }, right: { heading: "${L}", bullets: ["${L}"] } }
      - { layout: key-figures, title: "${L}", notes: "One. Two.", figures: [{ figure: f1, caption: "${L}" }, { figure: f2, caption: "${L}" }] }
      - { layout: timeline, title: "${L}", notes: "One. Two.", milestones: [{ date: "${longWords}", label: "${L} ${L}" }, { date: "2024-01", label: "${L}" }] }
      - { layout: quote, title: "${L}", notes: "One. Two.", quote: "${L} ${L} ${L}", attribution: "${L}", context: "${L} ${L}" }
      - { layout: chart, title: "${L}", notes: "One. Two.", takeaway: "${L} ${L} ${L}", chart: { title: "${L}", figures: [f2] } }
      - { layout: table, title: "${L}", notes: "One. Two.", columns: ["${longWords}", "B"], rows: [["${L}", "x"], ["y", "z"]] }
      - { layout: takeaways, title: "${L}", notes: "One. Two.", takeaways: [{ point: "${L}", support: "${L} ${L}" }, { point: "a", support: "b" }] }
      - { layout: sources, title: "${L}", notes: "One. Two.", method: "${L} ${L} ${L} ${L}" }
      - { layout: bullets, title: "${L}", notes: "One. Two.", bullets: ["${L} ${L} ${L} ${L} ${L} ${L} ${L} ${L} ${L} ${L}"] }
      - { layout: bullets, title: "x", notes: "One. Two.", bullets: ["{{fig \\"f1\\"}}"] }
`;
  it("keeps all text inside its boxes, cutting with a warning where it must", async () => {
    const built = await buildYaml(yaml, { checkOnly: true });
    assertInvariants(built.placed);
    expect(built.warnings.length).toBeGreaterThan(0);
    expect(built.warnings.every((w) => w.info.pos?.line !== undefined)).toBe(true);
  });
});

describe("tables and charts under pressure", () => {
  it("continues a long table on (cont.) slides with its header repeated", async () => {
    const row = `          - ["${longWords} ${longWords}", "${longWords}", "x"]`;
    const yaml = outline(`      - layout: table
        title: A long table
        notes: One. Two.
        columns: [First, Second, Third]
        rows:
${Array.from({ length: 12 }, () => row).join("\n")}
`);
    const built = await buildYaml(yaml, { checkOnly: true });
    const titles = built.placed.slides.map((s) => s.title);
    expect(titles.length).toBeGreaterThan(1);
    expect(titles[1]).toBe("A long table (cont.)");
    const tables = built.placed.slides.flatMap((s) => s.items.filter((i) => i.kind === "table"));
    expect(tables.every((t) => t.kind === "table" && t.header.join() === "First,Second,Third")).toBe(true);
    expect(tables.reduce((n, t) => n + (t.kind === "table" ? t.rows.length : 0), 0)).toBe(12);
    expect(built.warnings.map((w) => w.code)).toContain("TEXT_CONTINUED");
    assertInvariants(built.placed);
  });

  it("drops data labels that would run into one another, and shows the value axis instead", async () => {
    const figs = Array.from({ length: 12 }, (_, i) => `  f${i}: { value: ${987654321 + i}, scale: trillion, unit: USD, period: "2020", label: "Item ${i}", source: main }\n`).join("");
    const yaml = outline(`      - layout: chart
        title: Big numbers
        notes: One. Two.
        chart: { title: Amounts, kind: column, figures: [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11] }
`, figs);
    const built = await buildYaml(yaml, { checkOnly: true });
    const chart = built.placed.slides[0]!.items.find((i) => i.kind === "chart");
    if (chart?.kind !== "chart") throw new Error("no chart");
    expect(chart.series[0]!.labels).toBeUndefined();
    expect(chart.axes.find((a) => a.role === "value")).toMatchObject({ visible: true, gridlines: true });
    const shipped = await buildDeck({ outline: "deck.yaml", outDir: "unused", checkOnly: true });
    const small = shipped.placed.slides.flatMap((s) => s.items).find((i) => i.kind === "chart");
    if (small?.kind !== "chart") throw new Error("no chart");
    expect(small.series[0]!.labels?.position).toBe("outEnd");
    expect(small.labelBoxes).toHaveLength(3);
  });
});
