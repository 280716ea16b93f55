// Watch mode reports the folders it cannot watch, at start and when a watch fails later, instead of
// silently missing the edits made there. fs.watch is wrapped so a test can make it fail.
import { mkdirSync, writeFileSync, type FSWatcher } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { watchDeck, type Watcher } from "../src/watch/watch-deck.js";
import { tempDir } from "./_helpers/build.js";
import { BULLETS, outline } from "./_helpers/outline.js";

const live = new Map<string, FSWatcher>();
let refuse: string | undefined;

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const watch = ((path: string, ...rest: unknown[]) => {
    if (refuse && String(path).endsWith(refuse)) throw Object.assign(new Error(`EMFILE: too many open files, watch '${path}'`), { code: "EMFILE" });
    const w = (fs.watch as (...a: unknown[]) => FSWatcher)(path, ...rest);
    live.set(String(path), w);
    return w;
  }) as typeof fs.watch;
  return { ...fs, default: { ...fs, watch }, watch };
});

let current: Watcher | undefined;
afterEach(() => { current?.close(); live.clear(); refuse = undefined; });

function folder(): string {
  const dir = tempDir();
  mkdirSync(join(dir, "templates"));
  writeFileSync(join(dir, "deck.yaml"), outline(BULLETS));
  return dir;
}

describe("watch failures", () => {
  it("names a folder that could not be watched at start", async () => {
    const dir = folder();
    refuse = join(dir, "templates");
    const failures: Array<{ folder: string; message: string }> = [];
    current = watchDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") }, {
      onBuild: () => {},
      onWatchError: (f, err) => failures.push({ folder: f, message: err.message }),
    });
    await current.ready;
    expect(failures).toEqual([{ folder: join(dir, "templates"), message: expect.stringContaining("EMFILE") }]);
  });

  it("names a folder whose watch failed later", async () => {
    const dir = folder();
    const failures: string[] = [];
    current = watchDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") }, {
      onBuild: () => {},
      onWatchError: (f) => failures.push(f),
    });
    await current.ready;
    const w = live.get(join(dir, "templates"));
    expect(w).toBeDefined();
    w!.emit("error", new Error("inotify watch removed"));
    expect(failures).toEqual([join(dir, "templates")]);
  });
});
