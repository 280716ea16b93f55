// Watch mode: rebuild when the outline, a template, an asset or the theme changes. Each rebuild
// reuses what did not change (a BuildSession); a failed rebuild reports its located errors and keeps
// watching, and the last good deck stays in place (decks are written by rename).
import { watch, type FSWatcher } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { buildAllAudiences, buildDeck, createSession, type BuildOptions, type BuildResult } from "../build-deck.js";
import { userErrorsOf, type DeckError } from "../errors.js";
import { projectRoot } from "../util/project-root.js";

export interface WatchEvents {
  /** After every build attempt: the decks written, or the problems that stopped it. */
  onBuild(outcome: { readonly ok: true; readonly results: readonly BuildResult[]; readonly ms: number } | { readonly ok: false; readonly errors: readonly DeckError[] }): void;
}

export interface Watcher {
  close(): void;
  /** Settles when the first build has finished. */
  readonly ready: Promise<void>;
}

/** Quiet time after the last change before rebuilding (editors write files in several steps). */
const DEBOUNCE_MS = 40;

export function watchDeck(opts: BuildOptions & { readonly all?: boolean }, events: WatchEvents): Watcher {
  const session = createSession();
  const outlineDir = dirname(resolve(opts.outline));
  const outlineName = basename(opts.outline);
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const build = async (): Promise<void> => {
    const started = performance.now();
    try {
      const results = opts.all ? await buildAllAudiences(opts, session) : [await buildDeck(opts, session)];
      events.onBuild({ ok: true, results, ms: performance.now() - started });
    } catch (err) {
      const errors = userErrorsOf(err);
      if (!errors) throw err;
      events.onBuild({ ok: false, errors });
    }
  };
  const rebuild = (): void => {
    if (running) { again = true; return; }
    running = build().finally(() => {
      running = undefined;
      if (again) { again = false; rebuild(); }
    });
  };
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, DEBOUNCE_MS);
  };

  const watchers: FSWatcher[] = [];
  const watchDir = (dir: string, filter?: (name: string) => boolean): void => {
    try {
      watchers.push(watch(dir, { recursive: true }, (_event, name) => {
        if (!filter || (name !== null && filter(String(name)))) changed();
      }));
    } catch { /* a folder that does not exist has nothing to watch */ }
  };
  // The outline's folder, not the file: editors often save by replacing the file.
  watchDir(outlineDir, (name) => name === outlineName);
  for (const dir of new Set([opts.templatesDir ?? join(outlineDir, "templates"), join(outlineDir, "assets"), join(projectRoot(), "templates"), join(projectRoot(), "assets")])) {
    if (!resolve(dir).startsWith(resolve(opts.outDir))) watchDir(dir);
  }

  const ready = build();
  return {
    ready,
    close: () => { clearTimeout(timer); for (const w of watchers) w.close(); },
  };
}
