// Geo stage: what a map costs to compute (the country index, a fitted projection, the countries
// projected into a map's box) kept in memory for the session (watch mode rebuilds) and on disk in the
// per-user cache folder (cacheDir()/geo), so the next build of the same map reads it instead of
// projecting a hundred countries again. Entries are data (JSON), keyed by a hash of what they are
// computed from (the map's frame and box) and the tool's identity (toolIdentity: a rebuilt or
// upgraded tool, new code or new map data, never reads an older one's entries; run from its modules,
// in tests, the cache is kept in memory only). A --check run reads the cache and writes nothing
// (setCacheWrites).
import { createHash } from "node:crypto";
import { join } from "node:path";
import { cacheDir, pruneCacheFolder, readPrivateCacheFile, toolIdentity, writePrivateCacheFile } from "../util/cache-dir.js";

const memory = new Map<string, unknown>();

/**
 * Most entries kept (a map has three: the country index, its view, its countries; each rebuilt tool
 * makes new ones): past this, the least recently written quarter goes (pruneCacheFolder).
 */
const MAX_FILES = 600;

/**
 * The value stored for `key` (any JSON) under `kind`, or `compute()`'s, then stored; `valid` checks
 * what the disk gives back.
 */
export function cachedGeo<T>(kind: string, key: unknown, compute: () => T, valid: (v: unknown) => v is T): T {
  const id = createHash("sha1").update(JSON.stringify([kind, key])).digest("base64url");
  if (memory.has(id)) return memory.get(id) as T;
  const tool = toolIdentity();
  const file = tool === null ? undefined : join(cacheDir(), "geo", `${kind}-${createHash("sha1").update(tool).update(id).digest("base64url")}.json`);
  const bytes = file === undefined ? undefined : readPrivateCacheFile(file);
  if (bytes) {
    try {
      const stored: unknown = JSON.parse(bytes.toString("utf8"));
      if (valid(stored)) { memory.set(id, stored); return stored; }
    } catch { /* unreadable: computed again */ }
  }
  const value = compute();
  memory.set(id, value);
  if (file !== undefined && writePrivateCacheFile(file, JSON.stringify(value))) pruneCacheFolder(join(cacheDir(), "geo"), MAX_FILES);
  return value;
}
