// Long text on another subject (test/fixtures/stress): every layout filled past what fits, in Latin,
// Cyrillic and Greek with long words. Whatever the layout does to make it fit (smaller type,
// continuation slides, hyphenation, a cut with "…"), it says so, and the deck as PowerPoint shows it
// has no text that collides or leaves the slide (pptx-overlap), no word broken between letters in
// LibreOffice's rendering, and no number cut away from its unit.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { BuildResult } from "../src/build-deck.js";
import { buildYaml, tempDir } from "./_helpers/build.js";
import { brokenWords } from "./_helpers/broken-words.js";
import { openPptx, type Pptx } from "./_helpers/pptx.js";
import { stressOutline } from "./fixtures/stress/make-stress.js";

const TOOLS = join("..", "shared", "tools");

describe("a long-text stress outline", () => {
  let built: BuildResult & { dir: string };
  let deck: Pptx;
  beforeAll(async () => {
    built = await buildYaml(stressOutline());
    deck = openPptx(built.path!);
  });

  it("continues long bullets and tables over slides, and says so", () => {
    const codes = built.warnings.map((w) => w.code);
    expect(codes.filter((c) => c === "TEXT_CONTINUED").length).toBeGreaterThanOrEqual(2);
    expect(deck.slideCount()).toBeGreaterThan(15);
    for (const w of built.warnings) expect(w.info.pos, `${w.code}: ${w.message}`).toBeDefined();
  });

  it("announces every cut: each text box ending in … has a TEXT_OVERFLOW warning at its slide", () => {
    let cuts = 0;
    for (let n = 1; n <= deck.slideCount(); n++) cuts += deck.slideShapes(n).filter((s) => /…$/.test(s.text)).length;
    expect(cuts).toBeGreaterThan(0);
    expect(built.warnings.filter((w) => w.code === "TEXT_OVERFLOW").length).toBeGreaterThanOrEqual(cuts);
  });

  it("never cuts a number away from its unit or scale", () => {
    for (let n = 1; n <= deck.slideCount(); n++) {
      for (const t of deck.slideTexts(n)) expect(t, `slide ${n}`).not.toMatch(/[\d€$£%]…$/);
    }
    const keyFigures = Array.from({ length: deck.slideCount() }, (_, i) => deck.slideTexts(i + 1).map((t) => t.replace(/\u00A0/g, " "))).find((t) => t.includes("412.5"))!;
    for (const number of ["1,234,568", "412.5", "€987.65 million", "2,750,000"]) expect(keyFigures).toContain(number);
  });

  it("has no text that collides or leaves the slide as PowerPoint shows it, and passes pptx-check", () => {
    const overlap = execFileSync(join(TOOLS, "pptx-overlap"), [built.path!], { encoding: "utf8" });
    expect(overlap).toMatch(/: 0 problems/);
    const check = execFileSync(join(TOOLS, "pptx-check"), [built.path!], { encoding: "utf8" });
    expect(check).toMatch(/\b0 problems\b/);
  });

  it("shows no word broken between letters in LibreOffice's rendering", () => {
    const dir = tempDir();
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, built.path!], { stdio: "pipe", timeout: 180_000 });
    const pages = execFileSync("pdftotext", [join(dir, "deck.pdf"), "-"], { encoding: "utf8" }).split("\f");
    for (let n = 1; n <= deck.slideCount(); n++) {
      expect(brokenWords(pages[n - 1]!, deck.slideTexts(n).join(" ")), `slide ${n}`).toEqual([]);
    }
  });
});
