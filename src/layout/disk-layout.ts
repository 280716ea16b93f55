// Layout stage: slides laid out by an earlier build, kept per user (cacheDir()/layout), as the watch
// session keeps them in memory: an unchanged slide is read back instead of being measured, fitted
// and (a map) labelled again. The key is the session's (the slide as rendered, the theme, the size)
// plus the measured fonts' metrics and the tool itself (toolIdentity: only the bundled CLI keeps
// this cache, so a rebuilt tool never reads what an older one laid out). Slides
// on an organisation's template are not kept (their frames carry notes of their own). Entries are
// data, in V8's structured-clone form, which keeps what JSON would lose (an undefined in a list, NaN):
// a slide that does not read back as one is laid out again.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { DeckError, type DeckErrorInfo } from "../errors.js";
import type { PlacedSlide } from "../model/layout.js";
import { cacheDir, pruneCacheFolder, readPrivateCacheFile, toolIdentity, writePrivateCacheFile } from "../util/cache-dir.js";
import { metricsFor } from "../util/fonts.js";

export interface LaidOut { readonly slides: readonly PlacedSlide[]; readonly warnings: readonly DeckError[] }

/** What layoutDeck asks of a cache: the session's Map, or this one. */
export interface SlideCache {
  get(key: string, digest: string): LaidOut | undefined;
  set(key: string, digest: string, value: LaidOut): void;
}

/**
 * What a layout key is prefixed with before it is digested: the tool and the measured fonts' metrics
 * (a slide laid out by other code, or measured in other widths, is another slide).
 */
export function layoutKeyPrefix(fonts: { readonly heading: string; readonly body: string }): string {
  const heading = metricsFor(fonts.heading);
  const body = metricsFor(fonts.body);
  // The metrics are objects made once a process (the shipped ones, or an outline's fonts/ as read):
  // the same pair has the same prefix, without writing out their thousands of widths again.
  if (!lastPrefix || lastPrefix.heading !== heading || lastPrefix.body !== body) {
    lastPrefix = { heading, body, prefix: createHash("sha1").update(JSON.stringify([toolIdentity(), heading ?? null, body ?? null])).digest("base64url") };
  }
  return lastPrefix.prefix;
}
let lastPrefix: { readonly heading: unknown; readonly body: unknown; readonly prefix: string } | undefined;

/** A slide's layout key as a short digest: the name of its laid-out form, on disk and in PlacedSlide.from. */
export function layoutDigest(prefix: string, key: string): string {
  return createHash("sha1").update(prefix).update(key).digest("base64url");
}

/** Most slides kept; past this, the least recently written quarter goes (pruneCacheFolder). */
const MAX_SLIDES = 4000;

/** A cache of laid-out slides on disk for text measured in these fonts, or undefined where none may be kept. */
export function diskLayout(): SlideCache | undefined {
  if (!toolIdentity()) return undefined;
  const fileOf = (digest: string) => join(cacheDir(), "layout", `${digest}.bin`);
  return {
    get(_key, digest) {
      const bytes = readPrivateCacheFile(fileOf(digest));
      if (!bytes) return undefined;
      try {
        const stored = deserialize(bytes) as { slides?: unknown; warnings?: unknown } | null;
        if (typeof stored !== "object" || stored === null) return undefined;
        if (!Array.isArray(stored.slides) || !Array.isArray(stored.warnings)) return undefined;
        if (!stored.slides.every((s: Partial<PlacedSlide>) => typeof s?.master === "string" && Array.isArray(s.items))) return undefined;
        if (!stored.warnings.every((w: Partial<DeckErrorInfo>) => typeof w?.code === "string" && typeof w.message === "string")) return undefined;
        return { slides: stored.slides as PlacedSlide[], warnings: (stored.warnings as DeckErrorInfo[]).map((w) => new DeckError(w)) };
      } catch {
        return undefined;
      }
    },
    set(_key, digest, value) {
      // Positions are the slide's own and are put back on every read; a warning's cause is not kept.
      const warnings = value.warnings.map(({ info: { pos: _pos, cause: _cause, ...info } }) => info);
      const slides = value.slides.map(({ pos: _pos, items, ...s }) => ({ ...s, items: items.map((it) => (it.kind === "image" ? { ...it, pos: undefined } : it)) }));
      try { if (writePrivateCacheFile(fileOf(digest), serialize({ slides, warnings }))) pruneCacheFolder(join(cacheDir(), "layout"), MAX_SLIDES); } catch { /* not cloneable: not kept */ }
    },
  };
}
