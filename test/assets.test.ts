// Images go through sharp: rendered or scaled to twice their placed size, cached by content hash.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { buildDeck } from "../src/build-deck.js";
import { cacheDir } from "../src/util/cache-dir.js";
import { tempDir } from "./_helpers/build.js";
import { BULLETS, outline, withCover } from "./_helpers/outline.js";
import { openPptx } from "./_helpers/pptx.js";


function placedPx(path: string): { w: number; h: number; pngW: number; pngH: number } {
  const deck = openPptx(path);
  const pic = deck.xml("ppt/slides/slide1.xml").getElementsByTagName("p:pic")[0]!;
  const ext = pic.getElementsByTagName("a:ext")[0]!;
  const media = Object.keys(deck.files).find((n) => n.startsWith("ppt/media/"))!;
  const png = Buffer.from(deck.files[media]!);
  return { w: Number(ext.getAttribute("cx")) / 914400, h: Number(ext.getAttribute("cy")) / 914400, pngW: png.readUInt32BE(16), pngH: png.readUInt32BE(20) };
}

describe("images", () => {
  it("renders an SVG at twice its placed size and does not process it again when unchanged", async () => {
    const dir = tempDir();
    // Bytes of its own, so no other test has cached this image already.
    writeFileSync(join(dir, "cover.svg"), readFileSync("assets/cover.svg", "utf8").replace("</svg>", `<!-- ${dir} --></svg>`));
    writeFileSync(join(dir, "deck.yaml"), withCover("cover.svg"));
    const cache = join(cacheDir(), "images");
    const files = () => (existsSync(cache) ? readdirSync(cache) : []).map((f) => [f, statSync(join(cache, f)).mtimeMs]);
    const others = files();
    const first = await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") });
    const before = files().filter((f) => !others.some((o) => o[0] === f[0]));
    expect(before).toHaveLength(1);
    // The cache is the user's own, never the outline's folder (which travels between people).
    expect(readdirSync(dir).sort()).toEqual(["cover.svg", "deck.yaml", "out"]);
    await new Promise((r) => setTimeout(r, 20));
    await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") });
    expect(files().filter((f) => !others.some((o) => o[0] === f[0]))).toEqual(before);
    const p = placedPx(first.path!);
    expect(p.pngW).toBe(Math.round(p.w * 192));
    expect(p.pngH).toBe(Math.round(p.h * 192));
  });

  it("scales and compresses a large raster image to twice its placed size", async () => {
    const dir = tempDir();
    await sharp({ create: { width: 3000, height: 2400, channels: 3, background: "#14365D" } }).png().toFile(join(dir, "photo.png"));
    writeFileSync(join(dir, "deck.yaml"), withCover("photo.png"));
    const built = await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") });
    const p = placedPx(built.path!);
    expect([p.pngW, p.pngH]).toEqual([Math.round(p.w * 192), Math.round(p.h * 192)]);
    expect(statSync(built.path!).size).toBeLessThan(statSync(join(dir, "photo.png")).size);
  });

  it.each([
    ["an image file", '<image href="photo.jpg" width="10" height="10"/>', "photo.jpg"],
    ["an image by xlink:href", '<image xlink:href="file:///etc/hostname" width="10" height="10"/>', "file:///etc/hostname"],
    ["a style sheet", '<style>@import url("https://example.org/a.css");</style>', "https://example.org/a.css"],
    ["a paint server in another file", '<rect width="10" height="10" fill="url(other.svg#g)"/>', "other.svg#g"],
  ])("refuses an SVG that links to %s (never loaded, so the picture would lack it)", async (_what, inner, target) => {
    const dir = tempDir();
    writeFileSync(join(dir, "cover.svg"), `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">\n${inner}</svg>`);
    writeFileSync(join(dir, "deck.yaml"), withCover("cover.svg"));
    const err = await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") }).then(() => undefined, (e: unknown) => e as { code: string; message: string; info: { pos: { line: number } } });
    expect(err?.code).toBe("ASSET_UNREADABLE");
    expect(err?.message).toContain(`links to "${target}" (its line 2)`);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("draws an SVG whose links stay inside it (#ids, data: URIs, hyperlinks)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "cover.svg"), '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><defs><linearGradient id="g"><stop offset="0" stop-color="#14365D"/></linearGradient></defs>'
      + '<a href="https://example.org"><rect width="10" height="10" fill="url(#g)"/></a><use xlink:href="#g"/><image href="data:image/png;base64,AAAA" width="1" height="1"/></svg>');
    writeFileSync(join(dir, "deck.yaml"), withCover("cover.svg"));
    const built = await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") });
    expect(existsSync(built.path!)).toBe(true);
  });
});

describe("fonts an outline brings", () => {
  // Debian's fonts-crosextra-caladea (CI installs it): a family briefdeck ships no metrics for.
  const caladea = "/usr/share/fonts/truetype/crosextra";

  it("reads a font file's family and weight from its name table", async () => {
    const { fontMetricsFromBytes } = await import("../src/util/font-metrics.js");
    const regular = fontMetricsFromBytes(readFileSync(join(caladea, "Caladea-Regular.ttf")));
    const bold = fontMetricsFromBytes(readFileSync(join(caladea, "Caladea-Bold.ttf")));
    expect([regular.family, regular.bold, bold.family, bold.bold]).toEqual(["Caladea", false, "Caladea", true]);
    expect(regular.metrics.regular["61"]).toBeGreaterThan(0);
    expect(bold.metrics.regular["61"]).not.toBe(regular.metrics.regular["61"]);
  });

  it("measures and sets the deck in a font from the outline's fonts/ folder (the CLI, as users run it)", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "fonts"));
    mkdirSync(join(dir, "assets", "themes"), { recursive: true });
    for (const f of ["Caladea-Regular.ttf", "Caladea-Bold.ttf"]) copyFileSync(join(caladea, f), join(dir, "fonts", f));
    const theme = JSON.parse(readFileSync("assets/themes/default.json", "utf8")) as { name: string; fonts: object };
    writeFileSync(join(dir, "assets", "themes", "book.json"), JSON.stringify({ ...theme, name: "Book", fonts: { heading: "Caladea", body: "Caladea" } }));
    writeFileSync(join(dir, "deck.yaml"), outline(BULLETS).replace(/^deck:\n/m, "deck:\n  theme: book\n"));
    execFileSync(process.execPath, ["bin/briefdeck.js", join(dir, "deck.yaml"), "--out", join(dir, "out"), "--quiet"], { stdio: "pipe" });
    const deck = openPptx(join(dir, "out", "deck.pptx"));
    const faces = new Set([...deck.text("ppt/slides/slide1.xml").matchAll(/typeface="([^"]*)"/g)].map((m) => m[1]));
    expect([...faces]).toEqual(["Caladea"]);
  });
});
