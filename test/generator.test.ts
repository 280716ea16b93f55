// The benchmark's outline generator: valid outlines of any size, every layout, a chart every fifth slide.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateOutline } from "../scripts/generate-outline.js";
import { buildDeck } from "../src/build-deck.js";
import { tempDir } from "./_helpers/build.js";
import { pptxCheck } from "./_helpers/checks.js";
import { openPptx } from "./_helpers/pptx.js";

describe("generateOutline", () => {
  it.each([30, 200])("writes a valid %i-slide outline with every layout and a chart on every fifth slide", async (n) => {
    const dir = tempDir();
    writeFileSync(join(dir, "outline.yaml"), generateOutline(n));
    const built = await buildDeck({ outline: join(dir, "outline.yaml"), outDir: dir });
    expect(built.slides).toBe(n);
    const masters = new Set(built.placed.slides.map((s) => s.master));
    for (const layout of ["section", "agenda", "bullets", "two-columns", "key-figures", "timeline", "quote", "chart", "table", "takeaways"]) {
      expect(masters, layout).toContain(layout);
    }
    // Every fifth slide is a chart, unless a section divider falls there; no other slide is.
    built.placed.slides.forEach((s, i) => {
      if ((i + 1) % 5 === 0) expect(["chart", "section"], `slide ${i + 1}`).toContain(s.master);
      else expect(s.master, `slide ${i + 1}`).not.toBe("chart");
    });
    const charts = built.placed.slides.filter((s) => s.master === "chart").length;
    expect(charts).toBeGreaterThanOrEqual(Math.floor(n / 5) - 1);
    expect(openPptx(built.path!).slideCount()).toBe(n);
    expect(pptxCheck(built.path!).problems).toBe(0);
  });
});
