// Where briefdeck keeps its caches (prepared images, precompiled templates): a per-user folder, never
// the outline's own folder, which travels between people and must hold data only.
import { closeSync, constants, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync, type Stats } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let identity: string | null | undefined;

/**
 * The running tool's identity for caches of what its code computes (laid-out slides, maps): the
 * bundled CLI's size and time, so a rebuilt or upgraded tool (npm install rebuilds the bundle) never
 * reads what an older one stored. Null when the code runs from its modules (tests, scripts): such
 * caches are then not kept on disk.
 */
export function toolIdentity(): string | null {
  if (identity === undefined) {
    identity = null;
    const file = fileURLToPath(import.meta.url);
    if (file.endsWith("briefdeck.cjs")) try { const s = statSync(file); identity = `${s.size}:${s.mtimeMs}`; } catch { /* not kept */ }
  }
  return identity;
}

/** $BRIEFDECK_CACHE_DIR, else $XDG_CACHE_HOME/briefdeck, else ~/.cache/briefdeck. */
export function cacheDir(): string {
  const own = process.env["BRIEFDECK_CACHE_DIR"];
  if (own) return own;
  const xdg = process.env["XDG_CACHE_HOME"];
  return join(xdg && xdg.startsWith("/") ? xdg : join(homedir(), ".cache"), "briefdeck");
}

/**
 * A cache file's bytes, only when nobody else could have written it: a regular file (not a link),
 * owned by this user and writable by no one else, in a folder that is likewise. The precompiled
 * template cache holds code, so this is the check ssh makes of its own files; anything else is a miss.
 */
export function readPrivateCacheFile(path: string, maxBytes = 64 * 1024 * 1024): Buffer | undefined {
  const uid = process.getuid?.();
  const own = (s: Stats) => (uid === undefined || s.uid === uid) && (s.mode & 0o022) === 0;
  let fd: number | undefined;
  try {
    if (!own(statSync(dirname(path)))) return undefined;
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile() || !own(stat) || stat.size > maxBytes) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

let writes = true;

/** Whether cache files are written from now on: a --check run reads the caches and writes none. */
export function setCacheWrites(enabled: boolean): void {
  writes = enabled;
}

/**
 * Writes a cache file readable and writable by this user only, atomically; false when it cannot (or
 * must not). Several chunks are written one after another (no copy of them joined).
 */
export function writePrivateCacheFile(path: string, data: string | Uint8Array | readonly Uint8Array[]): boolean {
  if (!writes) return false;
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (typeof data === "string" || data instanceof Uint8Array) {
      writeFileSync(tmp, data, { mode: 0o600 });
    } else {
      const fd = openSync(tmp, "w", 0o600);
      try {
        for (const chunk of data) for (let done = 0; done < chunk.length;) done += writeSync(fd, chunk, done);
      } finally { closeSync(fd); }
    }
    renameSync(tmp, path);
    return true;
  } catch {
    try { rmSync(tmp, { force: true }); } catch { /* nothing to remove */ }
    return false;
  }
}

const pruned = new Set<string>();

/**
 * Keeps a cache folder within `files` files and `bytes` bytes: past either, the least recently
 * written (or used: readers may touch what they use) go, a quarter of the files or down to three
 * quarters of the bytes. Checked once a process per folder, after a write; a folder that cannot be
 * pruned is simply larger.
 */
export function pruneCacheFolder(dir: string, files: number, bytes = Number.POSITIVE_INFINITY): void {
  if (pruned.has(dir)) return;
  pruned.add(dir);
  try {
    const names = readdirSync(dir);
    if (names.length <= files && bytes === Number.POSITIVE_INFINITY) return;
    const byAge = names.map((n) => { const s = statSync(join(dir, n)); return { n, t: s.mtimeMs, size: s.size }; }).sort((a, b) => a.t - b.t);
    let total = byAge.reduce((sum, f) => sum + f.size, 0);
    let count = byAge.length;
    if (count <= files && total <= bytes) return;
    const keep = count > files ? count - Math.ceil(count / 4) : count;
    for (const f of byAge) {
      if (count <= keep && total <= (bytes / 4) * 3) break;
      rmSync(join(dir, f.n), { force: true });
      count--;
      total -= f.size;
    }
  } catch { /* simply larger */ }
}
