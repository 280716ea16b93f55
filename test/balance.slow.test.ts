// "Slides that use their space", confirmed on rendered pages: LibreOffice renders the shipped deck
// and the harbour outline (16:9 and 4:3); on each page, the body (from under the title to the source
// line, as the layout model places them) is scanned row by row for ink: text, bars, dots, rules and
// gridlines (anything darker than the panels). A band of rows without ink taller than GAP_IN (more
// than the space between two paragraphs) is empty space, and so is the space above the first ink
// and below the last; no slide whose layout is not sparse by design may be more than a third empty.
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { buildDeck, type BuildResult } from "../src/build-deck.js";
import { layoutModule } from "../src/layouts/index.js";
import { bodyBalance } from "./_helpers/balance.js";
import { tempDir } from "./_helpers/build.js";

const DPI = 100;
const GAP_IN = 0.8;
/** Luminance below which a pixel is ink (the panels' colour is lighter; rules and gridlines darker). */
const INK = 225;

async function renderedEmptiness(built: BuildResult, dir: string): Promise<string[]> {
  execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, built.path!], { stdio: "pipe", timeout: 180_000 });
  const pdf = join(dir, built.path!.replace(/^.*\//, "").replace(/\.pptx$/, ".pdf"));
  execFileSync("pdftoppm", ["-r", String(DPI), "-gray", "-png", pdf, join(dir, "page")]);
  const pages = readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).sort();
  const found: string[] = [];
  for (const [i, slide] of built.placed.slides.entries()) {
    if (layoutModule(slide.master).sparse) continue;
    const { data, info } = await sharp(join(dir, pages[i]!)).raw().toBuffer({ resolveWithObject: true });
    const { topIn, bottomIn } = bodyBalance(slide);
    const rows = (a: number) => Math.round(a * DPI);
    const inkRows: boolean[] = [];
    for (let y = rows(topIn); y < rows(bottomIn); y++) {
      let ink = false;
      for (let x = 0; x < info.width && !ink; x++) ink = data[(y * info.width + x) * info.channels]! < INK;
      inkRows.push(ink);
    }
    const first = inkRows.indexOf(true);
    const last = inkRows.lastIndexOf(true);
    let empty = first < 0 ? inkRows.length : first + (inkRows.length - 1 - last);
    let run = 0;
    for (const ink of inkRows.slice(Math.max(0, first), last + 1)) {
      if (ink) { if (run > GAP_IN * DPI) empty += run; run = 0; } else run++;
    }
    const share = empty / inkRows.length;
    if (share > 1 / 3) found.push(`${i + 1}: ${slide.master} ${Math.round(share * 100)}%`);
  }
  return found;
}

describe("rendered pages use their space", () => {
  it("in the shipped deck", async () => {
    const dir = tempDir();
    const built = await buildDeck({ outline: "deck.yaml", outDir: dir });
    expect(await renderedEmptiness(built, dir)).toEqual([]);
  });

  for (const size of ["16:9", "4:3"]) {
    it(`in the harbour outline at ${size}`, async () => {
      const dir = tempDir();
      cpSync("test/fixtures/harbour", dir, { recursive: true });
      const file = join(dir, "deck.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("deck:\n", `deck:\n  size: "${size}"\n`));
      const built = await buildDeck({ outline: file, outDir: join(dir, "out") });
      expect(await renderedEmptiness(built, dir)).toEqual([]);
    });
  }

  it("(the scan finds a page left mostly empty)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "deck.yaml"), `deck: { title: T, author: A, date: "2026-01-15" }
sources: [{ id: s, title: S }]
sections:
  - { id: a, title: A, divider: false, slides: [{ layout: bullets, title: One short point, notes: "One. Two.", source: s, bullets: [Short] }] }
`);
    const built = await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") });
    expect(await renderedEmptiness(built, dir)).toHaveLength(1);
  });
});
