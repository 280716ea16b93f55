// Watch mode: rebuild when the outline, a template, a theme or an asset changes. Each rebuild reuses
// what did not change (a BuildSession); a failed rebuild (a user error, or an internal one) is
// reported and watching goes on, with the last good deck in place (decks are written by rename).
//
// Folders are watched one by one, not recursively, and re-scanned after every change: Node's
// recursive watch on Linux follows files by inode, so once an editor saves by renaming a temporary
// file over deck.yaml, the outline is no longer followed. A folder's own watch sees every rename in it.
import { readdirSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { buildAllAudiences, buildDeck, createSession, type BuildOptions, type BuildResult } from "../build-deck.js";
import { userErrorsOf, type DeckError } from "../errors.js";
import { projectRoot } from "../util/project-root.js";

export type WatchOutcome =
  | { readonly ok: true; readonly results: readonly BuildResult[]; readonly ms: number }
  | { readonly ok: false; readonly errors: readonly DeckError[] }
  | { readonly ok: false; readonly internal: Error };

export interface WatchEvents {
  /** After every build attempt: the decks written, the problems that stopped it, or an internal error. */
  onBuild(outcome: WatchOutcome): void;
  /** A folder that could not be watched, or a watch that failed: changes there are not seen. */
  onWatchError?(folder: string, error: Error): void;
}

export interface Watcher {
  close(): void;
  /** Settles when the first build has finished (rejects on a usage error, such as an unknown audience). */
  readonly ready: Promise<void>;
}

/** Quiet time after the last change before rebuilding (editors write files in several steps). */
const DEBOUNCE_MS = 40;

export function watchDeck(opts: BuildOptions & { readonly all?: boolean }, events: WatchEvents): Watcher {
  const session = createSession();
  const outlineDir = dirname(resolve(opts.outline));
  const outlineName = basename(opts.outline);
  const outDir = resolve(opts.outDir);
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const build = async (first: boolean): Promise<void> => {
    const started = performance.now();
    try {
      const results = opts.all ? await buildAllAudiences(opts, session) : [await buildDeck(opts, session)];
      events.onBuild({ ok: true, results, ms: performance.now() - started });
    } catch (err) {
      const errors = userErrorsOf(err);
      if (errors) events.onBuild({ ok: false, errors });
      else if (first) throw err;
      // An internal error in a rebuild is reported; watching goes on, and the last good deck stays.
      else events.onBuild({ ok: false, internal: err instanceof Error ? err : new Error(String(err)) });
    }
  };
  const rebuild = (): void => {
    if (closed) return;
    if (running) { again = true; return; }
    running = build(false).finally(() => {
      running = undefined;
      if (again) { again = false; rebuild(); }
    });
  };
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => { rescan(); rebuild(); }, DEBOUNCE_MS);
  };

  // Folder -> its watch; `only` limits the outline's folder to the outline itself and the
  // organisation's templates beside it (.potx, .pptx), and --template's folder to that file.
  const watchers = new Map<string, FSWatcher>();
  const template = opts.template ? resolve(opts.template) : undefined;
  const roots: Array<{ dir: string; recurse: boolean; only?: (name: string) => boolean }> = [
    { dir: outlineDir, recurse: false, only: (name) => name === outlineName || /\.(potx|pptx)$/i.test(name) },
    ...(template ? [{ dir: dirname(template), recurse: false, only: (name: string) => name === basename(template) }] : []),
    ...[opts.templatesDir ?? join(outlineDir, "templates"), join(outlineDir, "assets"), join(outlineDir, "fonts"), join(projectRoot(), "templates"), join(projectRoot(), "src", "layouts"), join(projectRoot(), "assets")]
      .map((dir) => ({ dir: resolve(dir), recurse: true })),
  ];
  const watchFolder = (dir: string, only?: (name: string) => boolean): void => {
    if (watchers.has(dir) || dir === outDir || dir.startsWith(outDir + sep)) return;
    try {
      const w = watch(dir, (_event, name) => { if (!only || (name !== null && only(String(name)))) changed(); });
      w.on("error", (err) => { watchers.delete(dir); events.onWatchError?.(dir, err); });
      watchers.set(dir, w);
    } catch (err) {
      // A folder that does not exist (an outline without its own templates/) has nothing to watch.
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") events.onWatchError?.(dir, err as Error);
    }
  };
  const rescan = (): void => {
    for (const root of roots) {
      watchFolder(root.dir, root.only);
      if (root.recurse) for (const sub of subfolders(root.dir)) watchFolder(sub);
    }
  };
  rescan();

  const ready = build(true);
  return {
    ready,
    close: () => { closed = true; clearTimeout(timer); for (const w of watchers.values()) w.close(); watchers.clear(); },
  };
}

/** Every folder below `dir` (a few levels at most: templates/partials, assets/themes). */
function subfolders(dir: string, depth = 3): string[] {
  if (depth === 0) return [];
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return []; }
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).flatMap((e) => [join(dir, e.name), ...subfolders(join(dir, e.name), depth - 1)]);
}
