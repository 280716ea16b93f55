// Parse stage: outlines (and themes) read before, kept per user (cacheDir()/outlines) by a digest of
// their text and of the tool (toolIdentity: only the bundled CLI keeps this cache, so a rebuilt tool
// reads every outline again). An outline built again unchanged (another audience, an edited template,
// a rebuild) is not parsed again, nor is its theme, so such a build sets up no YAML parser at all.
// The data is read back in V8's structured-clone form, which keeps what JSON would lose (NaN,
// Infinity, -0). Only what the fast parser read is kept, with its number of values, so a lower
// --max-values still refuses it; positions are found from the text, as ever, when a message needs
// one. An entry that does not read back as [count, data] is a miss.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { cacheDir, pruneCacheFolder, readPrivateCacheFile, toolIdentity, writePrivateCacheFile } from "../util/cache-dir.js";
import type { PlainCache } from "./parse-yaml.js";

/** Most outlines kept; past this, the least recently written quarter goes (pruneCacheFolder). */
const MAX_OUTLINES = 200;

/** The disk cache of outlines' data, or undefined where none may be kept (not the bundled CLI). */
export function diskPlainCache(): PlainCache | undefined {
  const tool = toolIdentity();
  if (!tool) return undefined;
  const folder = join(cacheDir(), "outlines");
  let last: { text: string; file: string } | undefined;
  const fileOf = (text: string): string => {
    if (last?.text !== text) last = { text, file: join(folder, `${createHash("sha1").update(tool).update("\0").update(text).digest("base64url")}.bin`) };
    return last.file;
  };
  return {
    get(text) {
      const bytes = readPrivateCacheFile(fileOf(text));
      if (!bytes) return undefined;
      try {
        const stored = deserialize(bytes) as unknown;
        if (!Array.isArray(stored) || stored.length !== 2 || !Number.isInteger(stored[0]) || stored[1] === null || typeof stored[1] !== "object") return undefined;
        return { values: stored[0] as number, data: stored[1] as unknown };
      } catch {
        return undefined;
      }
    },
    set(text, values, data) {
      try { if (writePrivateCacheFile(fileOf(text), serialize([values, data]))) pruneCacheFolder(folder, MAX_OUTLINES); } catch { /* not kept */ }
    },
  };
}
