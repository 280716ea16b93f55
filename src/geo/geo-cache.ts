// Geo stage: what a map costs to compute (the country index, a fitted projection, the countries
// projected into a map's box) kept in memory for the session (watch mode rebuilds) and on disk in the
// per-user cache folder (cacheDir()/geo), so the next build of the same map reads it instead of
// projecting a hundred countries again. Entries are data (JSON), keyed by a hash of what they are
// computed from: the map's frame and box, the data packages' versions and the source of the code
// that computes them, so an edit to either is a miss. A --check run reads the cache and writes nothing
// (setCacheWrites).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cacheDir, readPrivateCacheFile, writePrivateCacheFile } from "../util/cache-dir.js";
import { projectRoot } from "../util/project-root.js";

const memory = new Map<string, unknown>();

let versions: string | undefined;
/** The versions of the packages a map is computed with (the project's exact pins). */
function dataVersions(): string {
  if (versions === undefined) {
    const deps = (JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")) as { dependencies?: Record<string, string> }).dependencies ?? {};
    versions = ["world-atlas", "d3-geo", "d3-shape", "topojson-client", "topojson-simplify", "i18n-iso-countries"].map((d) => `${d}@${deps[d] ?? "?"}`).join(",");
  }
  return versions;
}

/**
 * The value stored for `key` (any JSON) under `kind`, or `compute()`'s, then stored. `code` is the
 * source of the functions the value comes from; `valid` checks what the disk gives back.
 */
export function cachedGeo<T>(kind: string, key: unknown, code: string, compute: () => T, valid: (v: unknown) => v is T): T {
  const id = createHash("sha1").update(JSON.stringify([kind, dataVersions(), code, key])).digest("base64url");
  if (memory.has(id)) return memory.get(id) as T;
  const file = join(cacheDir(), "geo", `${kind}-${id}.json`);
  const bytes = readPrivateCacheFile(file);
  if (bytes) {
    try {
      const stored: unknown = JSON.parse(bytes.toString("utf8"));
      if (valid(stored)) { memory.set(id, stored); return stored; }
    } catch { /* unreadable: computed again */ }
  }
  const value = compute();
  memory.set(id, value);
  writePrivateCacheFile(file, JSON.stringify(value));
  return value;
}
