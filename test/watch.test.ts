// Watch mode: an edit triggers one rebuild; a broken edit reports and keeps the last good deck.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { DeckError } from "../src/errors.js";
import type { BuildResult } from "../src/build-deck.js";
import { watchDeck, type Watcher } from "../src/watch/watch-deck.js";
import { tempDir } from "./_helpers/build.js";
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
