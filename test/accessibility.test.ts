// The accessibility check: each rule on a deck built to break it, and the shipped decks clean.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkAccessibility } from "../src/a11y/check-accessibility.js";
import { contrastRatio } from "../src/a11y/contrast.js";
import { buildAllAudiences } from "../src/build-deck.js";
import { main } from "../src/cli.js";
import type { PlacedDeck, PlacedSlide, PlacedText } from "../src/model/layout.js";
import type { Theme } from "../src/model/theme.js";
import { buildYaml, tempDir } from "./_helpers/build.js";
import { BULLETS, outline, posOf } from "./_helpers/outline.js";

const theme = JSON.parse(readFileSync("assets/themes/default.json", "utf8")) as Theme;
const pos = { file: "deck.yaml", line: 1, col: 1 };
const text = (role: string, t: string, extra: Partial<PlacedText> = {}): PlacedText => ({
  kind: "text", role, xIn: 1, yIn: 1, wIn: 4, hIn: 1, paragraphs: [{ runs: [{ text: t }] }], fontPt: 20, color: "1B2430", ...extra,
});
const slide = (items: PlacedSlide["items"], master: PlacedSlide["master"] = "bullets"): PlacedSlide =>
  ({ id: "s", master, sectionTitle: "S", title: "T", items, notes: "", pos });
const deckOf = (...slides: PlacedSlide[]): PlacedDeck => ({ title: "D", subject: "", author: "", company: "", date: "2026-01-01", size: { name: "16:9", wIn: 13.333, hIn: 7.5 }, slides });
const codes = (d: PlacedDeck) => checkAccessibility(d, theme).map((w) => w.code);

describe("accessibility rules", () => {
  it("passes a clean slide", () => {
    expect(codes(deckOf(slide([text("title", "A title", { placeholder: "title", fontPt: 28 }), text("bullets", "Body")])))).toEqual([]);
  });

  it("wants one title placeholder per slide, unique across the deck", () => {
    expect(codes(deckOf(slide([text("bullets", "Body")])))).toEqual(["A11Y_TITLE"]);
    const titled = slide([text("title", "Same", { placeholder: "title", fontPt: 28 })]);
    expect(codes(deckOf(titled, { ...titled, id: "t" }))).toEqual(["A11Y_TITLE"]);
  });

  it("wants the title first in reading order", () => {
    expect(codes(deckOf(slide([text("kicker", "KICK", { fontPt: 13 }), text("title", "T", { placeholder: "title", fontPt: 28 })])))).toEqual(["A11Y_READING_ORDER"]);
  });

  it("wants alt text on charts and images", () => {
    const image = { kind: "image" as const, xIn: 6, yIn: 0, wIn: 2, hIn: 2, path: "x.png", alt: " ", pos };
    expect(codes(deckOf(slide([text("title", "T", { placeholder: "title", fontPt: 28 }), image])))).toEqual(["A11Y_ALT_TEXT"]);
  });

  it("wants readable sizes: body 16 pt, titles 24 pt, footers 12 pt", () => {
    expect(codes(deckOf(slide([text("title", "T", { placeholder: "title", fontPt: 20 }), text("bullets", "x", { fontPt: 14 }), text("footer", "f", { fontPt: 11 })]))))
      .toEqual(["A11Y_TEXT_SIZE", "A11Y_TEXT_SIZE", "A11Y_TEXT_SIZE"]);
  });

  it("wants WCAG AA contrast against the real background: 4.5:1, or 3:1 from 24 pt", () => {
    expect(contrastRatio("000000", "FFFFFF")).toBeCloseTo(21, 5);
    expect(contrastRatio("B26B00", "FFFFFF")).toBeCloseTo(4.2, 1);
    const amberSmall = text("bullets", "amber", { color: theme.colors.amber });
    const amberLarge = text("bullets", "amber", { color: theme.colors.amber, fontPt: 28, yIn: 3 });
    expect(codes(deckOf(slide([text("title", "T", { placeholder: "title", fontPt: 28 }), amberSmall, amberLarge])))).toEqual(["A11Y_CONTRAST"]);
    const panel = { kind: "shape" as const, shape: "rect" as const, xIn: 0, yIn: 2, wIn: 13, hIn: 5, fill: theme.colors.navy };
    expect(codes(deckOf(slide([text("title", "T", { placeholder: "title", fontPt: 28 }), panel, text("bullets", "ink on navy", { yIn: 3 })])))).toEqual(["A11Y_CONTRAST"]);
  });
});

describe("accessibility in the build", () => {
  it("finds nothing to report in any shipped deck", async () => {
    for (const r of await buildAllAudiences({ outline: "deck.yaml", outDir: tempDir(), checkOnly: true })) {
      expect(r.warnings, r.audience.id).toEqual([]);
    }
  });

  it("warns about a low-contrast theme at the slide's position, and fails the build under --strict", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "assets", "themes"), { recursive: true });
    const pale = { ...theme, colors: { ...theme.colors, ink: "C0C0C0" } };
    writeFileSync(join(dir, "assets", "themes", "default.json"), JSON.stringify(pale));
    writeFileSync(join(dir, "deck.yaml"), outline(BULLETS));
    const built = await buildYaml(outline(BULLETS), { checkOnly: true });
    // (A one-bullet slide gets a note that its body is mostly empty; notes are not warnings.)
    expect(built.warnings.filter((w) => w.info.severity !== "note")).toEqual([]);
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    expect(await main([join(dir, "deck.yaml"), "--out", join(dir, "out")], io)).toBe(0);
    expect(out.join("\n")).toMatch(/deck\.yaml:\d+:\d+ warning A11Y_CONTRAST/);
    expect(await main([join(dir, "deck.yaml"), "--out", join(dir, "out"), "--strict"], io)).toBe(1);
  });

  it("warns about two slides with the same title", async () => {
    const built = await buildYaml(outline(BULLETS + BULLETS), { checkOnly: true });
    const warnings = built.warnings.filter((w) => w.info.severity !== "note");
    expect(warnings.map((w) => w.code)).toEqual(["A11Y_TITLE"]);
    const yaml = outline(BULLETS + BULLETS);
    expect(warnings[0]!.info.pos).toMatchObject(posOf(yaml, "layout: bullets", 1));
  });
});
