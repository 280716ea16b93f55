// Write stage: what the last build of a deck file made, kept per user (cacheDir()/decks), so the next
// build of the same file does only what changed, as a watch session does in memory: the slides
// pptxgenjs wrote (by what each was laid out from, build/build-pptx.ts) and the parts' compressed
// forms (by their SHA-1, package/zip-io.ts). One file per output path, written when the build
// changed something; read only by the same tool (toolIdentity). Entries are data, in V8's
// structured-clone form after their CRC-32, checked as read and field by field: anything else is an
// empty memory, so a damaged file costs a full build, never a wrong deck.
import { createHash } from "node:crypto";
import { utimesSync } from "node:fs";
import { join, resolve } from "node:path";
import { deserialize, serialize } from "node:v8";
import { crc32 } from "node:zlib";
import type { WrittenSlide, WrittenSlides } from "../build/build-pptx.js";
import type { DeflateCache, DeflatedPart } from "../package/zip-io.js";
import { cacheDir, pruneCacheFolder, readPrivateCacheFile, toolIdentity, writePrivateCacheFile } from "../util/cache-dir.js";

const encoder = new TextEncoder();

/** What one deck file's builds reuse: its written slides and compressed parts. */
export interface DeckMemory {
  readonly written: WrittenSlides;
  readonly deflated: DeflateCache;
}

/** What was read, to tell whether a build changed anything (entries are replaced, never mutated). */
const asRead = new WeakMap<DeckMemory, { readonly written: ReadonlySet<WrittenSlide>; readonly deflated: ReadonlySet<Uint8Array> }>();

/** A deck file's memory is at most this large on disk (a 3000-slide deck's); past it, none is kept. */
const MAX_BYTES = 256 * 1024 * 1024;
/** Most deck files remembered, and most bytes in all: past either, the least recently built go (pruneCacheFolder). */
export const MAX_DECKS = 64;
export const MAX_TOTAL_BYTES = 512 * 1024 * 1024;

function folder(): string {
  return join(cacheDir(), "decks");
}

function fileFor(outPath: string): string {
  return join(folder(), `${createHash("sha1").update(resolve(outPath)).digest("base64url")}.bin`);
}

const empty = (): DeckMemory => ({ written: new Map(), deflated: new Map() });

/** The memory the last build of `outPath` kept; an empty one when there is none (or none may be kept). */
export function readDeckMemory(outPath: string): DeckMemory {
  const tool = toolIdentity();
  const bytes = tool ? readPrivateCacheFile(fileFor(outPath), MAX_BYTES) : undefined;
  let memory: DeckMemory | undefined;
  try { memory = bytes && decode(bytes, tool); } catch { /* not a memory */ }
  if (!memory) return empty();
  // Used now: the last to be pruned (its file is rewritten only when a build changes it).
  try { const now = new Date(); utimesSync(fileFor(outPath), now, now); } catch { /* kept as it is */ }
  asRead.set(memory, { written: new Set(memory.written.values()), deflated: new Set([...memory.deflated.values()].map((d) => d.data)) });
  return memory;
}

/** A memory file's entries, checked; undefined for anything else. */
function decode(bytes: Buffer, tool: string | null): DeckMemory | undefined {
  // Bytes changed on disk are a miss, not a part of the next deck.
  const entries = bytes.subarray(4);
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== crc32(entries)) return undefined;
  const stored = deserialize(entries) as { tool?: unknown; written?: unknown; deflated?: unknown } | null;
  if (stored?.tool !== tool || !Array.isArray(stored.written) || !Array.isArray(stored.deflated)) return undefined;
  if (!stored.written.every(isWritten) || !stored.deflated.every(isDeflated)) return undefined;
  const deflated: DeflateCache = new Map(stored.deflated);
  const written: WrittenSlides = new Map(stored.written.map(([n, w]) => {
    // A part compressed from the very bytes a slide keeps is known to match them: no hash to compare.
    for (const i of w.compressed) {
      const [name, kept] = w.parts[i]!;
      const d = deflated.get(name);
      if (d) deflated.set(name, { ...d, from: kept });
    }
    return [n, { from: w.from, key: w.key, settled: w.settled, parts: w.parts }];
  }));
  return { written, deflated };
}

/**
 * Keeps `memory` for the next build of `outPath`, when this build changed it: compressed forms of
 * parts the deck no longer has (`parts`) are left out.
 */
export function keepDeckMemory(outPath: string, memory: DeckMemory, parts: ReadonlySet<string>): void {
  const tool = toolIdentity();
  if (!tool) return;
  for (const name of [...memory.deflated.keys()]) if (!parts.has(name)) memory.deflated.delete(name);
  const read = asRead.get(memory);
  const unchanged = read !== undefined
    && read.written.size === memory.written.size && [...memory.written.values()].every((w) => read.written.has(w))
    && read.deflated.size === memory.deflated.size && [...memory.deflated.values()].every((d) => read.deflated.has(d.data));
  if (unchanged) return;
  // Texts as UTF-8: V8 keeps a text with any character past U+00FF (a dash, an ellipsis) as UTF-16.
  // `compressed`: the parts whose compressed form was made from this very text.
  const written = [...memory.written].map(([n, w]) => [n, {
    from: w.from, key: w.key, settled: w.settled,
    parts: w.parts.map(([name, text]) => [name, typeof text === "string" ? encoder.encode(text) : text] as const),
    compressed: w.parts.flatMap(([name, text], i) => (memory.deflated.get(name)?.from === text ? [i] : [])),
  }] as const);
  const deflated = [...memory.deflated].map(([name, d]) => [name, { sha1: d.sha1, method: d.method, crc: d.crc, size: d.size, data: d.data }] as const);
  try {
    const entries = serialize({ tool, written, deflated });
    const crc = Buffer.alloc(4);
    crc.writeUInt32LE(crc32(entries), 0);
    if (writePrivateCacheFile(fileFor(outPath), [crc, entries])) pruneCacheFolder(folder(), MAX_DECKS, MAX_TOTAL_BYTES);
  } catch { /* not kept */ }
}

/** A written slide as kept: its parts' texts in UTF-8. */
interface KeptSlide { readonly from: string; readonly key: string; readonly settled: boolean; readonly parts: ReadonlyArray<readonly [string, Uint8Array]>; readonly compressed: readonly number[] }

function isWritten(v: unknown): v is readonly [number, KeptSlide] {
  if (!Array.isArray(v) || v.length !== 2 || !Number.isInteger(v[0]) || (v[0] as number) < 1) return false;
  const w = v[1] as Partial<KeptSlide> | null;
  return typeof w?.from === "string" && typeof w.key === "string" && typeof w.settled === "boolean" && Array.isArray(w.parts)
    && Array.isArray(w.compressed) && w.compressed.every((i) => Number.isInteger(i) && i >= 0 && i < w.parts!.length)
    && w.parts.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === "string" && p[1] instanceof Uint8Array);
}

function isDeflated(v: unknown): v is readonly [string, DeflatedPart] {
  if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== "string") return false;
  const d = v[1] as Partial<DeflatedPart> | null;
  return typeof d?.sha1 === "string" && (d.method === 0 || d.method === 8) && Number.isInteger(d.crc) && Number.isInteger(d.size)
    && d.data instanceof Uint8Array && (d.method === 8 || d.data.length === d.size);
}
