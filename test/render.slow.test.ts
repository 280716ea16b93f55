// The shipped deck rendered by LibreOffice headless: one PDF page per slide, and every slide's text
// on its page (LibreOffice silently drops text it cannot read, so this is what catches it).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAllAudiences, buildDeck } from "../src/build-deck.js";
import { tempDir } from "./_helpers/build.js";
import { brokenWords } from "./_helpers/broken-words.js";
import { openPptx, squash, type Pptx } from "./_helpers/pptx.js";

/** Text as pdftotext gives it back: ligatures and dashes unified, whitespace collapsed. */
// Hyphens go too: pdftotext joins a word broken at a hyphen without it.
const norm = (s: string) => squash(s.normalize("NFKC").replace(/[-‐-―]/g, "").replace(/…/g, "..."));

describe("LibreOffice render of the shipped deck", () => {
  let deck: Pptx;
  let pdf: string;
  let pages: string[];
  beforeAll(async () => {
    const dir = tempDir();
    const built = await buildDeck({ outline: "deck.yaml", outDir: dir });
    deck = openPptx(built.path!);
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, built.path!], { stdio: "pipe", timeout: 180_000 });
    pdf = join(dir, "deck.pdf");
    pages = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
  });

  it("has one page per slide", () => {
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(deck.slideCount());
    expect(pages).toHaveLength(deck.slideCount());
  });

  it("shows every text box of every slide on its page", () => {
    for (let n = 1; n <= deck.slideCount(); n++) {
      const page = norm(pages[n - 1]!).replace(/ /g, "");
      for (const shape of deck.slideShapes(n)) {
        for (const line of shape.text.split("\n").filter((l) => l.trim())) {
          // Compare without spaces: the PDF wraps lines where the slide does.
          expect(page, `slide ${n}: "${line}"`).toContain(norm(line).replace(/ /g, ""));
        }
      }
    }
  });

  it("shows no word broken between letters", () => {
    for (let n = 1; n <= deck.slideCount(); n++) {
      expect(brokenWords(pages[n - 1]!, deck.slideTexts(n).join(" ")), `slide ${n}`).toEqual([]);
    }
  });

  it("(the check above finds a word LibreOffice broke between letters)", async () => {
    // The same deck with its cover title squeezed into one inch, so LibreOffice must break words.
    const { unzipSync, zipSync } = await import("fflate");
    const { writeFileSync } = await import("node:fs");
    const dir = tempDir();
    const files = unzipSync(readFileSync(join(pdf, "..", "deck.pptx")));
    const slide = new TextDecoder().decode(files["ppt/slides/slide1.xml"]!);
    const squeezed = slide.replace(/(<p:sp>(?:(?!<\/p:sp>)[\s\S])*?type="title"[\s\S]*?<a:ext cx=")\d+/, "$1914400");
    expect(squeezed).not.toBe(slide);
    files["ppt/slides/slide1.xml"] = new TextEncoder().encode(squeezed);
    writeFileSync(join(dir, "squeezed.pptx"), zipSync(files));
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, join(dir, "squeezed.pptx")], { stdio: "pipe", timeout: 180_000 });
    const page = execFileSync("pdftotext", ["-f", "1", "-l", "1", join(dir, "squeezed.pdf"), "-"], { encoding: "utf8" });
    expect(brokenWords(page, deck.slideTexts(1).join(" ")).length).toBeGreaterThan(0);
  });

  it("draws the chart with its labels", () => {
    const chartPage = Array.from({ length: deck.slideCount() }, (_, i) => i).find((i) => deck.rels(`ppt/slides/slide${i + 1}.xml`, "chart").length > 0)!;
    const text = norm(pages[chartPage]!);
    for (const label of ["$0.5 bn", "$3.0 bn", "$7.0 bn", "IMF follow-up bailout"]) expect(text).toContain(norm(label));
    expect(readFileSync(pdf).length).toBeGreaterThan(10_000);
  });
});

describe("LibreOffice round trip of every audience's deck", () => {
  it("saves each as ODP without failing (25.2 once aborted on a layout named \"table\")", async () => {
    const dir = tempDir();
    const built = await buildAllAudiences({ outline: "deck.yaml", outDir: dir });
    const decks = built.map((b) => b.path!);
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "odp", "--outdir", join(dir, "odp"), ...decks], { stdio: "pipe", timeout: 300_000 });
    for (const d of decks) {
      const odp = join(dir, "odp", d.slice(dir.length + 1).replace(/\.pptx$/, ".odp"));
      expect(existsSync(odp), odp).toBe(true);
      expect(statSync(odp).size).toBeGreaterThan(10_000);
    }
  });
});
