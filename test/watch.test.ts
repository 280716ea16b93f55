// Watch mode: an edit to any input (outline, theme, template, image) triggers one rebuild; a broken
// edit or an internal error is reported, the last good deck stays, and watching goes on.
import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import sharp from "sharp";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PptxGenJS } from "../src/build/pptx-lib.js";
import type { DeckError } from "../src/errors.js";
import type { BuildResult } from "../src/build-deck.js";
import { watchDeck, type Watcher, type WatchOutcome } from "../src/watch/watch-deck.js";
import { tempDir } from "./_helpers/build.js";
import { BULLETS, outline } from "./_helpers/outline.js";
import { openPptx } from "./_helpers/pptx.js";

type Outcome = { ok: true; results: readonly BuildResult[]; ms: number } | { ok: false; errors: readonly DeckError[] };

function setUp() {
  const dir = tempDir();
  cpSync("deck.yaml", join(dir, "deck.yaml"));
  cpSync("assets", join(dir, "assets"), { recursive: true });
  const outcomes: Outcome[] = [];
  let notify: (() => void) | undefined;
  const watcher = watchDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") }, {
    onBuild: (o) => { outcomes.push(o as Outcome); notify?.(); },
  });
  const next = (count: number) => new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`expected ${count} builds, saw ${outcomes.length}`)), 20_000);
    notify = () => { if (outcomes.length >= count) { clearTimeout(timeout); resolve(); } };
    notify();
  });
  return { dir, outcomes, watcher, next };
}

let current: Watcher | undefined;
afterEach(() => current?.close());

describe("watch mode", () => {
  it("rebuilds once per edit, with the edit in the deck", async () => {
    const { dir, outcomes, watcher, next } = setUp();
    current = watcher;
    await watcher.ready;
    expect(outcomes).toHaveLength(1);
    const outline = join(dir, "deck.yaml");
    writeFileSync(outline, readFileSync(outline, "utf8").replace("Economics, not bloc politics, now drives", "Economics, not blocs, now drives"));
    await next(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(outcomes).toHaveLength(2);
    expect(outcomes[1]!.ok).toBe(true);
    const deck = openPptx(join(dir, "out", "deck.pptx"));
    expect(deck.slideTexts(3).join(" ")).toContain("Economics, not blocs, now drives");
  });

  it("reports a broken edit with its position, keeps the last good deck, and recovers", async () => {
    const { dir, outcomes, watcher, next } = setUp();
    current = watcher;
    await watcher.ready;
    const outline = join(dir, "deck.yaml");
    const good = readFileSync(outline, "utf8");
    const before = readFileSync(join(dir, "out", "deck.pptx"));
    writeFileSync(outline, good.replace("layout: two-columns", "layout: two-colums"));
    await next(2);
    const failed = outcomes[1]!;
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.errors[0]!.info).toMatchObject({ code: "UNKNOWN_LAYOUT", pos: { line: good.slice(0, good.indexOf("layout: two-columns")).split("\n").length } });
    expect(readFileSync(join(dir, "out", "deck.pptx")).equals(before)).toBe(true);
    writeFileSync(outline, good);
    await next(3);
    expect(outcomes[2]!.ok).toBe(true);
  });
});

/** A folder of its own: outline, theme, template override and cover image, on another subject. */
async function ownFolder() {
  const dir = tempDir();
  mkdirSync(join(dir, "assets", "themes"), { recursive: true });
  mkdirSync(join(dir, "templates"));
  const theme = JSON.parse(readFileSync("assets/themes/default.json", "utf8"));
  writeFileSync(join(dir, "assets", "themes", "harbour.json"), JSON.stringify({ ...theme, name: "Harbour" }, null, 2));
  writeFileSync(join(dir, "templates", "bullets.hbs"), readFileSync("src/layouts/bullets/bullets.hbs", "utf8"));
  writeFileSync(join(dir, "assets", "quay.png"), await sharp({ create: { width: 64, height: 36, channels: 3, background: "#336699" } }).png().toBuffer());
  writeFileSync(join(dir, "deck.yaml"), outline(`      - { layout: title, title: Harbour works, notes: "One. Two." }\n${BULLETS}`).replace("deck:\n", "deck:\n  theme: harbour\n  cover: assets/quay.png\n  coverAlt: A harbour quay at dawn\n"));
  return dir;
}

function watchFolder(dir: string) {
  const outcomes: WatchOutcome[] = [];
  const failures: string[] = [];
  let notify: (() => void) | undefined;
  const watcher = watchDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") }, {
    onBuild: (o) => { outcomes.push(o); notify?.(); },
    onWatchError: (folder, err) => failures.push(`${folder}: ${err.message}`),
  });
  current = watcher;
  const next = (count: number) => new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`expected ${count} builds, saw ${outcomes.length}`)), 20_000);
    notify = () => { if (outcomes.length >= count) { clearTimeout(timeout); resolve(); } };
    notify();
  });
  const deck = () => openPptx(join(dir, "out", "deck.pptx"));
  return { outcomes, failures, watcher, next, deck };
}

/** Saves as editors do: write a temporary file beside the target, then rename it over the target. */
function atomicSave(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.swp`);
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

describe("watch mode follows every input", () => {
  it("rebuilds on a theme edit, with the new colour in the deck", async () => {
    const dir = await ownFolder();
    const { outcomes, watcher, next, deck } = watchFolder(dir);
    await watcher.ready;
    const allXml = () => { const d = deck(); return Object.keys(d.files).filter((n) => n.endsWith(".xml")).map((n) => d.text(n)).join(""); };
    expect(allXml()).toContain("14365D");
    const file = join(dir, "assets", "themes", "harbour.json");
    writeFileSync(file, readFileSync(file, "utf8").replaceAll("14365D", "7A1F5C"));
    await next(2);
    expect(outcomes[1]).toMatchObject({ ok: true });
    expect(allXml()).toContain("7A1F5C");
    expect(allXml()).not.toContain("14365D");
  });

  it("rebuilds when the organisation's PowerPoint template beside the outline is saved again", async () => {
    const dir = await ownFolder();
    cpSync("test/fixtures/templates/blue-curve.pptx", join(dir, "brand.pptx"));
    const file = join(dir, "deck.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("deck:\n", "deck:\n  template: brand.pptx\n"));
    const { outcomes, watcher, next, deck } = watchFolder(dir);
    await watcher.ready;
    expect(deck().text("ppt/presentation.xml")).toContain('<p:sldSz cx="10080625" cy="5670550"');
    // Saved again as another template (Metropolis, one layout): the next deck is on it.
    cpSync("test/fixtures/templates/metropolis.pptx", join(dir, "brand.pptx"));
    await next(2);
    const last = outcomes[outcomes.length - 1]!;
    expect(last).toMatchObject({ ok: true });
    expect(Object.keys(deck().files).filter((n) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(n))).toHaveLength(1);
  });

  it("rebuilds on an edit to the outline's own template", async () => {
    const dir = await ownFolder();
    const { outcomes, watcher, next, deck } = watchFolder(dir);
    await watcher.ready;
    const file = join(dir, "templates", "bullets.hbs");
    writeFileSync(file, readFileSync(file, "utf8").replace(`{{#field "title"}}{{slide.title}}`, `{{#field "title"}}Draft: {{slide.title}}`));
    await next(2);
    expect(outcomes[1]).toMatchObject({ ok: true });
    expect(deck().title(2)).toBe("Draft: A bullet slide");
    // An edit of the same size, at once: the file is read again (the session skips only files whose stamp is the same).
    writeFileSync(file, readFileSync(file, "utf8").replace("Draft: ", "Final: "));
    await next(3);
    expect(outcomes[2]).toMatchObject({ ok: true });
    expect(deck().title(2)).toBe("Final: A bullet slide");
  });

  it("rebuilds on an image edit, with the new picture in the deck", async () => {
    const dir = await ownFolder();
    const { outcomes, watcher, next, deck } = watchFolder(dir);
    await watcher.ready;
    const media = () => Object.entries(deck().files).filter(([n]) => n.startsWith("ppt/media/")).map(([, b]) => Buffer.from(b).toString("base64"));
    const before = media();
    const red = await sharp({ create: { width: 64, height: 36, channels: 3, background: "#CC2200" } }).png().toBuffer();
    writeFileSync(join(dir, "assets", "quay.png"), red);
    await next(2);
    expect(outcomes[1]).toMatchObject({ ok: true });
    const after = media();
    expect(after).not.toEqual(before);
    expect(after.length).toBe(before.length);
  });

  it("follows the outline across atomic saves, edit after edit", async () => {
    const dir = await ownFolder();
    const { outcomes, watcher, next, deck } = watchFolder(dir);
    await watcher.ready;
    const file = join(dir, "deck.yaml");
    const text = readFileSync(file, "utf8");
    for (const [i, word] of ["First", "Second", "Third"].entries()) {
      atomicSave(file, text.replace("title: A bullet slide", `title: ${word} save`));
      await next(i + 2);
      expect(outcomes[i + 1]).toMatchObject({ ok: true });
      expect(deck().title(2)).toBe(`${word} save`);
    }
  });

  it("reports an internal error in a rebuild, keeps the last good deck and keeps watching", async () => {
    const dir = await ownFolder();
    const { outcomes, watcher, next, deck } = watchFolder(dir);
    await watcher.ready;
    const good = readFileSync(join(dir, "out", "deck.pptx"));
    const spy = vi.spyOn(PptxGenJS.prototype, "addSlide").mockImplementation(() => { throw new Error("planted fault"); });
    const file = join(dir, "deck.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("title: A bullet slide", "title: During the fault"));
    await next(2);
    spy.mockRestore();
    const failed = outcomes[1]!;
    expect(failed.ok).toBe(false);
    expect("internal" in failed && failed.internal.message).toBe("planted fault");
    expect(readFileSync(join(dir, "out", "deck.pptx")).equals(good)).toBe(true);
    writeFileSync(file, text.replace("title: A bullet slide", "title: After the fault"));
    await next(3);
    expect(outcomes[2]).toMatchObject({ ok: true });
    expect(deck().title(2)).toBe("After the fault");
  });

});
