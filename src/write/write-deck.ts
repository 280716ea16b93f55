// Write stage: every file a run produces (each audience's deck, its PDF, its pictures) is written
// together or not at all. Each is first staged as a temporary file beside its target, then all are
// renamed into place; if a rename fails, the files already replaced get their previous versions back.
// A failed or interrupted run leaves the output folder as it was. Temporary files are named
// `.<name>.<pid>.tmp`, so the next run removes those of a run that was killed (SIGKILL).
//
// Signals. Until the write stage, a run has changed nothing on disk: Ctrl-C and SIGTERM keep their
// default effect and end it at once, whatever it is computing. From the write stage on (and in
// watch mode) guardWrites() handles them: the staging and the renames are synchronous, so a signal
// is handled before they begin or after they end, never between two renames; the handler removes
// this run's temporary files, puts back any deck it was replacing, and exits 130 or 143.
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { DeckError } from "../errors.js";

/** A file to write: its bytes, or a file staged elsewhere (a PDF LibreOffice wrote in a temporary folder). */
export type Output = { readonly path: string; readonly bytes: Uint8Array } | { readonly path: string; readonly from: string };

const TEMP = /^\.(.+)\.(\d+)\.(tmp|old)$/;

/** Temporary files still being written; removed if the process is interrupted. */
const pending = new Set<string>();
/** Folders this run has written temporary files in. */
const folders = new Set<string>();
/** Whether the last write put every file in place (an interruption after it has nothing to undo). */
let committed = false;

/** Writes every output, or none: the folder is unchanged when anything fails. Returns the paths. */
export async function writeOutputs(outputs: readonly Output[]): Promise<string[]> {
  guardWrites();
  committed = false;
  const staged: Array<{ target: string; tmp: string; old?: string }> = [];
  try {
    for (const o of outputs) {
      const dir = dirname(o.path);
      prepareFolder(dir, o.path);
      removeStale(dir);
      const tmp = join(dir, `.${basename(o.path)}.${process.pid}.tmp`);
      pending.add(tmp);
      staged.push({ target: o.path, tmp });
      if ("bytes" in o) writeFileSync(tmp, o.bytes);
      else copyFileSync(o.from, tmp); // a copy, not a rename: the staged file may be on another filesystem
    }
  } catch (cause) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    throw failure(cause, staged[staged.length - 1]?.target ?? outputs[0]?.path ?? "");
  } finally {
    for (const s of staged) pending.delete(s.tmp);
  }
  await pauseForTests("staged");
  // The commit: the previous version of each target is kept aside until every rename succeeded.
  const done: typeof staged = [];
  try {
    for (const s of staged) {
      if (existsSync(s.target)) {
        s.old = join(dirname(s.target), `.${basename(s.target)}.${process.pid}.old`);
        renameSync(s.target, s.old);
      }
      renameSync(s.tmp, s.target);
      done.push(s);
      if (done.length === 1) await pauseForTests("replaced");
    }
  } catch (cause) {
    for (const s of done.reverse()) {
      try { if (s.old) renameSync(s.old, s.target); else rmSync(s.target, { force: true }); } catch { /* best effort */ }
    }
    for (const s of staged) {
      rmSync(s.tmp, { force: true });
      if (s.old && !done.includes(s) && existsSync(s.old)) try { renameSync(s.old, s.target); } catch { /* best effort */ }
    }
    throw failure(cause, staged[done.length]?.target ?? "");
  }
  for (const s of staged) if (s.old) rmSync(s.old, { force: true });
  committed = true;
  return staged.map((s) => s.target);
}

let guarded = false;

/** From now on, SIGINT and SIGTERM undo this run's unfinished writes, then exit 130 or 143. */
export function guardWrites(): void {
  if (guarded) return;
  guarded = true;
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.on(signal, () => {
      const undo = !committed;
      removePendingSync();
      for (const dir of folders) removeTempFiles(dir);
      process.stderr.write(undo ? "\nbriefdeck: interrupted; the output folder is as it was\n" : "\nbriefdeck: stopped\n");
      process.exit(code);
    });
  }
}

/**
 * Tests only: BRIEFDECK_TEST_PAUSE_MS holds the run at BRIEFDECK_TEST_PAUSE_AT: "staged" (default;
 * every temporary file written) or "replaced" (the first target renamed into place, its previous
 * version kept as `.old`), so a test can send a signal there and check nothing is lost; or "build"
 * (before the write stage, blocking the thread as a long computation would: holdForTests).
 */
async function pauseForTests(at: "staged" | "replaced"): Promise<void> {
  const ms = testPauseMs(at);
  if (ms > 0) await sleep(ms);
}

export function holdForTests(at: "build"): void {
  const ms = testPauseMs(at);
  if (ms > 0) process.stderr.write(`briefdeck: held for a test (${at})\n`);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function testPauseMs(at: string): number {
  const ms = Number(process.env["BRIEFDECK_TEST_PAUSE_MS"] ?? 0);
  return ms > 0 && (process.env["BRIEFDECK_TEST_PAUSE_AT"] ?? "staged") === at ? ms : 0;
}

/** The output folder: created when missing; refused when it is a file or a device. */
function prepareFolder(dir: string, target: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (cause) {
    throw failure(cause, target);
  }
  if (!statSync(dir).isDirectory()) throw failure(Object.assign(new Error("not a folder"), { code: "ENOTDIR" }), target);
  if (existsSync(target) && !lstatSync(target).isFile()) {
    throw new DeckError({
      code: "WRITE_FAILED", message: `cannot write "${target}": something other than a file is there`,
      hint: "remove it, or choose another --out folder or file name",
    });
  }
  folders.add(dir);
}

/** Removes temporary files of earlier runs that were killed (their process no longer exists). */
function removeStale(dir: string): void {
  let names: string[];
  try { names = readdirSync(dir); } catch { return; }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || Number(m[2]) === process.pid || alive(Number(m[2]))) continue;
    // A stale .old is a deck whose replacement never completed: put it back unless a newer one is there.
    if (m[3] === "old" && !existsSync(join(dir, m[1]!))) { try { renameSync(join(dir, name), join(dir, m[1]!)); } catch { /* leave it */ } continue; }
    rmSync(join(dir, name), { force: true });
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === "EPERM"; }
}

function failure(cause: unknown, target: string): DeckError {
  if (cause instanceof DeckError) return cause;
  const code = (cause as NodeJS.ErrnoException).code;
  const hint = code === "ENOTDIR" || code === "EEXIST" ? `"${dirname(target)}" is a file, not a folder: choose another --out`
    : code === "EACCES" || code === "EPERM" || code === "EROFS" ? "the output folder is not writable: choose another --out, or check its permissions"
    : code === "ENOSPC" ? "the disk is full: free some space and build again"
    : code === "ENAMETOOLONG" ? "the file name is too long: choose a shorter one"
    : "check that the output folder is writable and the deck is not open with a lock (close it in PowerPoint)";
  return new DeckError({ code: "WRITE_FAILED", message: `cannot write "${target}": ${code ?? (cause as Error).message}`, hint, cause });
}

/** Synchronous cleanup for signal handlers (Ctrl-C) in the same thread. */
export function removePendingSync(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}

/** Removes this process's temporary files from `dir`, putting back a deck set aside as `.old` (on Ctrl-C). */
export function removeTempFiles(dir: string, pid = process.pid): void {
  let names: string[];
  try { names = readdirSync(dir); } catch { return; }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || Number(m[2]) !== pid) continue;
    // An .old file means the commit was under way: put the previous deck back.
    if (m[3] === "old") { try { rmSync(join(dir, m[1]!), { force: true }); renameSync(join(dir, name), join(dir, m[1]!)); } catch { /* best effort */ } continue; }
    rmSync(join(dir, name), { force: true });
  }
}
