// Validate stage: texts already found free of typed amounts, remembered per user (cacheDir()/
// checked-texts), as ESLint's --cache remembers files that passed. The typed-amount pattern is long,
// and V8 compiles it anew in every process (about 40 ms) before it has read a word; a text it
// passed before passes again without it. Entries are hashes of the pattern and the text, so a new
// unit in the outline, a change to the pattern or an edited text is checked in full. Texts that
// hold an amount are never stored: their errors are found, and reported, every time.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { cacheDir, readPrivateCacheFile, writePrivateCacheFile } from "../util/cache-dir.js";

/** Most texts remembered for one pattern; the oldest go first. */
const MAX_TEXTS = 50_000;

const sessions = new Map<string, CleanTexts>();

export class CleanTexts {
  private readonly known: Set<string>;
  private added = 0;

  private constructor(private readonly file: string) {
    let stored: unknown;
    try { stored = JSON.parse(readPrivateCacheFile(file)?.toString("utf8") ?? "[]"); } catch { stored = []; }
    this.known = new Set(Array.isArray(stored) ? stored.filter((h): h is string => typeof h === "string") : []);
  }

  /** The texts checked with `pattern` (by its source and flags), for this process. */
  static for(pattern: RegExp): CleanTexts {
    const key = createHash("sha1").update(`${pattern.flags}/${pattern.source}`).digest("base64url");
    let c = sessions.get(key);
    if (!c) sessions.set(key, (c = new CleanTexts(join(cacheDir(), "checked-texts", `${key}.json`))));
    return c;
  }

  private static hash(text: string): string {
    return createHash("sha1").update(text).digest("base64url");
  }

  has(text: string): boolean {
    return this.known.has(CleanTexts.hash(text));
  }

  add(text: string): void {
    const h = CleanTexts.hash(text);
    if (this.known.has(h)) return;
    this.known.add(h);
    this.added++;
  }

  /** Writes what this run added (atomically); a cache that cannot be written is simply not kept. */
  save(): void {
    if (this.added === 0) return;
    if (writePrivateCacheFile(this.file, JSON.stringify([...this.known].slice(-MAX_TEXTS)))) this.added = 0;
  }
}
