// The organisation's own template: the shipped outline built on templates of different origin and
// size (two made by LibreOffice from its bundled Impress templates, one authored by PowerPoint at
// 4:3), read back from the .pptx: the template's size, theme, masters and layouts; each slide on the
// layout its kind maps to, its title inside that layout's title placeholder and its content inside
// the body's; chart series in the template's theme colours; text that reads on the template's real
// backgrounds; and located errors for templates that cannot be used.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAllAudiences, buildDeck, type BuildResult } from "../src/build-deck.js";
import { main } from "../src/cli.js";
import type { PlacedText } from "../src/model/layout.js";
import { readTemplate, type OrgTemplate } from "../src/template/read-template.js";
import { buildErrors, tempDir } from "./_helpers/build.js";
import { outline } from "./_helpers/outline.js";
import { openPptx, type Pptx } from "./_helpers/pptx.js";
import { messyTemplate, powerPointTemplate } from "./_helpers/templates.js";

const EMU = 914400;

/** A colour's hue in degrees. */
function hue(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b), min = Math.min(r, g, b), d = max - min;
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

const TEMPLATES: ReadonlyArray<{ name: string; file: () => string; size: [number, number] }> = [
  { name: "LibreOffice Blue Curve (16:9, 11.02 × 6.20 in)", file: () => "test/fixtures/templates/blue-curve.pptx", size: [10080625, 5670550] },
  { name: "LibreOffice Metropolis (dark picture background)", file: () => "test/fixtures/templates/metropolis.pptx", size: [10080625, 5670550] },
  { name: "PowerPoint's default (4:3, 10 × 7.5 in)", file: powerPointTemplate, size: [9144000, 6858000] },
];

const rectOf = (xml: string, marker: string) => {
  const at = xml.indexOf(marker);
  const m = /<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"/.exec(xml.slice(at));
  return m ? { x: Number(m[1]) / EMU, y: Number(m[2]) / EMU, w: Number(m[3]) / EMU, h: Number(m[4]) / EMU } : undefined;
};

for (const t of TEMPLATES) {
  describe(`the shipped outline on ${t.name}`, () => {
    let file: string;
    let built: BuildResult;
    let deck: Pptx;
    let template: OrgTemplate;
    beforeAll(async () => {
      file = t.file();
      built = await buildDeck({ outline: "deck.yaml", outDir: tempDir(), template: file });
      deck = openPptx(built.path!);
      template = readTemplate(file, { file, line: 1, col: 1 });
    });

    it("takes the template's slide size, theme, masters and layouts, and none of its slides", () => {
      expect(deck.text("ppt/presentation.xml")).toContain(`<p:sldSz cx="${t.size[0]}" cy="${t.size[1]}"`);
      const tplTheme = new TextDecoder().decode(template.parts.get("ppt/theme/theme1.xml")!);
      const scheme = /<a:clrScheme name="[^"]*">[\s\S]*?<\/a:clrScheme>/.exec(tplTheme)![0];
      const masterTheme = deck.rels("ppt/slideMasters/slideMaster1.xml", "theme")[0]!.target.replace("../", "ppt/");
      expect(deck.text(masterTheme)).toContain(scheme);
      const layouts = Object.keys(deck.files).filter((n) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(n)).sort();
      expect(layouts).toEqual(template.layouts.map((l) => l.part).sort());
      expect(deck.slideCount()).toBe(built.slides);
      for (let n = 1; n <= deck.slideCount(); n++) {
        // Every slide on one of the template's layouts, its title found where readers look for it.
        const layout = deck.rels(`ppt/slides/slide${n}.xml`, "slideLayout")[0]!.target.replace("../", "ppt/");
        expect(template.layouts.map((l) => l.part), `slide ${n}`).toContain(layout);
        expect(deck.title(n), `slide ${n}`).toBeTruthy();
      }
    });

    it("puts each content slide's title inside its layout's title placeholder and its content inside the body's", () => {
      built.placed.slides.forEach((s, i) => {
        if (s.master === "title" || s.master === "section") return;
        const layout = template.layouts.find((l) => l.part === s.templateLayout)!;
        const phTitle = layout.placeholders.find((p) => p.type === "title" || p.type === "ctrTitle")?.rect;
        const bodies = layout.placeholders.filter((p) => ["body", "obj"].includes(p.type) && p.rect).map((p) => p.rect!);
        const xml = deck.text(`ppt/slides/slide${i + 1}.xml`);
        const title = rectOf(xml, '<p:ph type="title"/>')!;
        const where = `slide ${i + 1} (${s.master} on "${layout.name}")`;
        if (phTitle) {
          expect(title.x, where).toBeGreaterThanOrEqual(phTitle.xIn - 0.01);
          expect(title.x + title.w, where).toBeLessThanOrEqual(phTitle.xIn + phTitle.wIn + 0.01);
          expect(title.y, where).toBeGreaterThanOrEqual(phTitle.yIn - 0.6);
        }
        if (bodies.length === 0) return;
        const x0 = Math.min(...bodies.map((b) => b.xIn), phTitle?.xIn ?? Infinity);
        const x1 = Math.max(...bodies.map((b) => b.xIn + b.wIn), phTitle ? phTitle.xIn + phTitle.wIn : -Infinity);
        const y1 = Math.max(...bodies.map((b) => b.yIn + b.hIn));
        for (const it of s.items) {
          if (it.kind === "text" && ["title", "kicker", "footer", "marking"].includes(it.role)) continue;
          if (it.kind === "shape" && it.wIn > t.size[0] / EMU * 0.9) continue;
          expect(it.xIn, `${where} ${it.kind}`).toBeGreaterThanOrEqual(x0 - 0.02);
          expect(it.xIn + it.wIn, `${where} ${it.kind}`).toBeLessThanOrEqual(x1 + 0.02);
          expect(it.yIn + it.hIn, `${where} ${it.kind}`).toBeLessThanOrEqual(y1 + 0.02);
        }
      });
    });

    it("draws chart series in the template's theme colours, and every text reads on what is behind it", () => {
      const accents = ["accent1", "accent2", "accent3"].map((a) => template.theme.colors[a]!);
      const chartParts = Object.keys(deck.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
      expect(chartParts.length).toBeGreaterThan(0);
      // The first series in accent1, or a shade of it (the same hue) darkened or lightened until bars
      // read on the slide at 3:1.
      const first = /<c:ser>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/.exec(deck.text(chartParts[0]!))![1]!;
      expect(Math.abs(hue(first) - hue(accents[0]!)), `${first} against accent1 ${accents[0]}`).toBeLessThan(8);
      expect(built.warnings.filter((w) => w.code.startsWith("A11Y_"))).toEqual([]);
    });

    it("measures text in the template's own fonts", () => {
      const major = template.theme.fonts.major;
      const title = built.placed.slides[2]!.items.find((i): i is PlacedText => i.kind === "text" && i.placeholder === "title")!;
      expect(title).toBeDefined();
      const xml = deck.text("ppt/slides/slide3.xml");
      expect(xml).toContain(`<a:latin typeface="${major}"`);
    });
  });
}

describe("templates and audiences", () => {
  it("builds every audience on the template, and --template overrides the outline's deck.template", async () => {
    const dir = tempDir();
    cpSync("deck.yaml", join(dir, "deck.yaml"));
    cpSync("assets", join(dir, "assets"), { recursive: true });
    cpSync("test/fixtures/templates/blue-curve.pptx", join(dir, "brand.pptx"));
    writeFileSync(join(dir, "deck.yaml"), readFileSync(join(dir, "deck.yaml"), "utf8").replace("deck:\n", "deck:\n  template: brand.pptx\n"));
    const all = await buildAllAudiences({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") });
    expect(all.map((b) => b.audience.id)).toEqual(["analysts", "executive", "business"]);
    for (const b of all) expect(openPptx(b.path!).text("ppt/presentation.xml"), b.audience.id).toContain('<p:sldSz cx="10080625" cy="5670550"');
    const other = await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out2"), template: "test/fixtures/templates/metropolis.pptx" });
    const names = Object.keys(openPptx(other.path!).files).filter((n) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(n));
    expect(names).toHaveLength(1);
  });

  it("accepts a .potx (the template's own content type) and an explicit templateLayouts mapping", async () => {
    const dir = tempDir();
    const files = unzipSync(readFileSync("test/fixtures/templates/blue-curve.pptx"));
    const types = new TextDecoder().decode(files["[Content_Types].xml"]!);
    files["[Content_Types].xml"] = strToU8(types.replace("presentationml.presentation.main+xml", "presentationml.template.main+xml"));
    writeFileSync(join(dir, "brand.potx"), zipSync(files));
    const layouts = readTemplate(join(dir, "brand.potx"), { file: "x", line: 1, col: 1 }).layouts;
    // Blue Curve's layouts share a name (LibreOffice names them after the template): named by part instead.
    expect(layouts.map((l) => l.name)).toEqual(["Blue_Curve", "Blue_Curve", "Blue_Curve1"]);
    writeFileSync(join(dir, "deck.yaml"), outline(`      - { layout: bullets, title: On the brand, notes: "One. Two.", bullets: [A point, Another point, A third point] }
      - { layout: quote, title: Said, notes: "One. Two.", quote: A line }
`).replace("deck:\n", 'deck:\n  template: brand.potx\n  templateLayouts: { bullets: slideLayout3, quote: "Blue_Curve" }\n'));
    const built = await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") });
    expect(built.placed.slides.map((s) => s.templateLayout)).toEqual(["ppt/slideLayouts/slideLayout3.xml", "ppt/slideLayouts/slideLayout1.xml"]);
  });
});

describe("a messy template", () => {
  it("keeps its embedded font, resolves mc:AlternateContent to its fallback and makes shape ids unique", async () => {
    const built = await buildDeck({ outline: "deck.yaml", outDir: tempDir(), template: messyTemplate() });
    const deck = openPptx(built.path!);
    expect(Object.keys(deck.files)).toContain("ppt/fonts/template-font1.fntdata");
    expect(deck.text("ppt/presentation.xml")).toMatch(/<p:embeddedFontLst><p:embeddedFont><p:font typeface="Carlito"\/><p:regular r:id="rIdT\d+"\/>/);
    for (const name of Object.keys(deck.files).filter((n) => /^ppt\/(slideLayouts|slideMasters|slides)\/[^/]+\.xml$/.test(n))) {
      const xml = deck.text(name);
      expect(xml, name).not.toContain("AlternateContent");
      const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size, name).toBe(ids.length);
    }
    expect(deck.text("ppt/slideLayouts/slideLayout1.xml")).toContain('<p:cNvPr id="41" name="Deco"/>');
  });
});

describe("templates that cannot be used", () => {
  const withTemplate = (bytes: Uint8Array | string, extra = "") => {
    const dir = tempDir();
    writeFileSync(join(dir, "brand.pptx"), bytes);
    const yaml = outline(`      - { layout: bullets, title: T, notes: "One. Two.", bullets: [a] }\n`).replace("deck:\n", `deck:\n  template: brand.pptx\n${extra}`);
    writeFileSync(join(dir, "deck.yaml"), yaml);
    return { dir, yaml };
  };
  const errorsOf = async (dir: string) => {
    try { await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") }); } catch (err) {
      const { userErrorsOf } = await import("../src/errors.js");
      return userErrorsOf(err) ?? [];
    }
    return [];
  };

  it("an encrypted or old binary file, a file that is not a presentation, and a zip without one: located errors with hints", async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const word = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") });
    for (const [bytes, says] of [[ole, "encrypted"], ["just text", "not a PowerPoint file"], [word, "not a presentation"]] as const) {
      const { dir, yaml } = withTemplate(bytes);
      const [e] = await errorsOf(dir);
      expect(e?.info.code, says).toBe("TEMPLATE_INVALID");
      expect(e!.message, says).toContain(says);
      expect(e!.info.pos?.line, says).toBe(yaml.split("\n").findIndex((l) => l.includes("template: brand.pptx")) + 1);
      expect(e!.info.hint, says).toBeTruthy();
      expect(existsSync(join(dir, "out")), says).toBe(false);
    }
  });

  it("a zip bomb (a small file that unpacks to gigabytes, or to thousands of files) is refused before it is unpacked", async () => {
    const bomb = zipSync({ "ppt/presentation.xml": new Uint8Array(200 * 1024 * 1024) }, { level: 1 });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const many = zipSync(Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`f${i}.xml`, strToU8("<a/>")])), { level: 0 });
    for (const [bytes, says] of [[bomb, "MiB (a zip bomb"], [many, "10000 files"]] as const) {
      const { dir } = withTemplate(bytes);
      const [e] = await errorsOf(dir);
      expect(e?.info.code, says).toBe("TEMPLATE_INVALID");
      expect(e!.message, says).toContain(says);
    }
  }, 60_000);

  it("a template with no title placeholder anywhere, and a templateLayouts name it does not have", async () => {
    const files = unzipSync(readFileSync("test/fixtures/templates/blue-curve.pptx"));
    for (const name of Object.keys(files).filter((n) => /^ppt\/(slideLayouts|slideMasters)\/[^/]+\.xml$/.test(n))) {
      files[name] = strToU8(new TextDecoder().decode(files[name]!).replace(/<p:ph type="(ctr)?[tT]itle"\/>/g, '<p:ph type="body"/>'));
    }
    const untitled = withTemplate(zipSync(files));
    expect((await errorsOf(untitled.dir))[0]!.message).toContain("no layout with a title placeholder");
    const typo = withTemplate(readFileSync("test/fixtures/templates/blue-curve.pptx"), '  templateLayouts: { bullets: "Blue Curv" }\n');
    const [e] = await errorsOf(typo.dir);
    expect(e!.info).toMatchObject({ code: "TEMPLATE_LAYOUT", hint: expect.stringMatching(/^did you mean "Blue_Curve"/) });
    expect(e!.info.pos?.line).toBe(typo.yaml.split("\n").findIndex((l) => l.includes("Blue Curv")) + 1);
  });

  it("a template outside the outline's folder is refused unless named with --template or --allow-outside", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "deck"));
    cpSync("test/fixtures/templates/blue-curve.pptx", join(dir, "brand.pptx"));
    writeFileSync(join(dir, "deck", "deck.yaml"), outline(`      - { layout: bullets, title: T, notes: "One. Two.", bullets: [a] }\n`).replace("deck:\n", "deck:\n  template: ../brand.pptx\n"));
    const [e] = await errorsOf(join(dir, "deck"));
    expect(e!.info.code).toBe("ASSET_OUTSIDE_PROJECT");
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    expect(await main([join(dir, "deck", "deck.yaml"), "--out", join(dir, "out"), "--template", join(dir, "brand.pptx")], io)).toBe(0);
  });
});
