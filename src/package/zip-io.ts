// Package stage: reading pptxgenjs's parts and writing ours as a zip. Entries are written in a fixed
// order with a fixed DOS timestamp and compressed with Node's native zlib, so the same input gives the
// same bytes whatever the clock or time zone.
//
// Why the archive is laid out here rather than by a library: every entry must carry its real CRC-32
// and sizes in its local header, with no data descriptor (general purpose bit 3). LibreOffice 24.8.2+
// refuses STORED entries with a descriptor as corrupt (ZipPackage::checkZipEntriesWithDD, bug 163818;
// zlib-ng/minizip-ng#830) and java.util.zip.ZipInputStream cannot read them ("only DEFLATED entries can
// have EXT descriptor"), so Apache POI cannot open such a deck from a stream. fflate's streaming Zip
// always sets bit 3; its zipSync and JSZip deflate in JavaScript, two to four times slower than zlib;
// yazl computes CRCs in JavaScript and pumps one entry per event-loop turn. The format below is
// APPNOTE.TXT 6.3.10 §4.3.7 (local header), §4.3.12 (central directory) and §4.3.16 (end record).
import { createHash } from "node:crypto";
import { crc32, deflateRawSync } from "node:zlib";
import { createRequire } from "node:module";

// fflate reads an organisation's template, and is loaded then (its tables cost every build 5 ms at
// start-up); its browser build, the same synchronous unzip without the node build's load of
// worker_threads (for asynchronous APIs this stage does not use).
type Fflate = typeof import("fflate/browser");
let fflate: Fflate | undefined;
const unzipSync: Fflate["unzipSync"] = (data, opts) => (fflate ??= createRequire(import.meta.url)("fflate/browser") as Fflate).unzipSync(data, opts);

/**
 * Parts of a package by name, in no particular order. An XML part the package stage edits is held as
 * text (partText decodes it once), and encoded once, when it is zipped.
 */
export type Parts = Map<string, Uint8Array | string>;

/** A zip's entries as read: an organisation's template. */
export type ZipEntries = Map<string, Uint8Array>;

const textDecoder = new TextDecoder();
const textEncoder = new TextEncoder();

/** A part as text, decoded the first time it is read (and kept as text from then on). */
export function partText(parts: Parts, name: string): string | undefined {
  const v = parts.get(name);
  if (v === undefined || typeof v === "string") return v;
  const text = textDecoder.decode(v);
  parts.set(name, text);
  return text;
}

/** A part as bytes (text encoded). */
export function partBytes(parts: Parts, name: string): Uint8Array | undefined {
  const v = parts.get(name);
  return typeof v === "string" ? textEncoder.encode(v) : v;
}

/** zlib level 3: on a 1000-slide deck, 20% faster than the default 6 for a file 6% larger. */
const DEFLATE_LEVEL = 3;

/**
 * The smallest zlib window (2^9 to 2^15 bytes) that holds the whole part and zlib's look-ahead: the
 * output is the same bytes as with the full 32 KiB window (no match can reach further back than the
 * part's start either way; test/package.test.ts compares them), but zlib allocates and clears less
 * memory per part, which halved the time to deflate the shipped deck's 147 parts in a fresh process.
 */
export function windowBitsFor(length: number): number {
  let bits = 9;
  while (bits < 15 && length + ZLIB_LOOKAHEAD > 1 << bits) bits++;
  return bits;
}
/** zlib's MIN_LOOKAHEAD (deflate.h): a match may start no closer than this to the window's end. */
const ZLIB_LOOKAHEAD = 262;

/** Images and embedded workbooks are compressed already; deflating them again costs time for nothing. */
const ALREADY_COMPRESSED = /\.(png|jpe?g|gif|webp|xlsx|docx|pptx|zip)$/i;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Version 2.0: deflate. Made by "MS-DOS" (0), as most writers of OOXML packages say. */
const VERSION = 20;
/** General purpose flag bit 11: names are UTF-8. Bit 3 (data descriptor) is never set. */
const FLAG_UTF8 = 1 << 11;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
/** Without Zip64, counts are 16-bit and offsets and sizes 32-bit. */
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

/**
 * What a zip read as data (an organisation's template) may unpack to: a small file must not unpack
 * to gigabytes. Sizes are the ones its directory declares; an entry is inflated into a buffer of
 * that size and no more.
 */
export const ZIP_LIMITS = { entries: 10_000, entryBytes: 128 * 1024 * 1024, totalBytes: 512 * 1024 * 1024 } as const;

export function readZip(bytes: Uint8Array): ZipEntries {
  const parts: ZipEntries = new Map();
  let entries = 0;
  let total = 0;
  const files = unzipSync(bytes, {
    filter: (f) => {
      entries++;
      total += f.originalSize;
      if (entries > ZIP_LIMITS.entries || f.originalSize > ZIP_LIMITS.entryBytes || total > ZIP_LIMITS.totalBytes) {
        throw new RangeError(`it unpacks to more than ${entries > ZIP_LIMITS.entries ? `${ZIP_LIMITS.entries} files` : `${Math.round((f.originalSize > ZIP_LIMITS.entryBytes ? ZIP_LIMITS.entryBytes : ZIP_LIMITS.totalBytes) / 1048576)} MiB`} (a zip bomb, or not a template)`);
      }
      return true;
    },
  });
  for (const [name, data] of Object.entries(files)) {
    if (!name.endsWith("/")) parts.set(name, data); // JSZip's directory entries are not OPC parts
  }
  return parts;
}

/** OPC readers like [Content_Types].xml first; the rest sorted by name. */
function entryOrder(a: string, b: string): number {
  const rank = (n: string) => (n === "[Content_Types].xml" ? 0 : n === "_rels/.rels" ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** DOS date and time fields (local header §4.4.6) of a UTC instant; years 1980 to 2107. */
export function dosDateTime(timestampMs: number): { date: number; time: number } {
  const t = new Date(timestampMs);
  const year = t.getUTCFullYear();
  if (!Number.isFinite(timestampMs) || year < 1980 || year > 2107) throw new RangeError(`zip timestamps cover 1980 to 2107, not ${Number.isFinite(timestampMs) ? year : timestampMs}`);
  return {
    date: ((year - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
    time: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | (t.getUTCSeconds() >> 1),
  };
}

interface Entry { readonly name: Buffer; readonly method: number; readonly crc: number; readonly size: number; readonly data: Uint8Array; readonly offset: number }

/**
 * Entries already compressed, by part name, with what they were made from: the very text or bytes
 * (a watch session's unchanged parts are the same objects), and their SHA-1, for the same content
 * made anew (by a fix, or read back by the next build of the file: write/deck-memory.ts). A watch
 * session keeps one per deck, a single build reads the last one's, so only changed parts are deflated.
 */
export type DeflateCache = Map<string, DeflatedPart>;
export interface DeflatedPart {
  readonly from?: Uint8Array | string;
  readonly sha1: string;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly data: Uint8Array;
}

export function writeZip(parts: Parts, timestampMs: number, reuse?: DeflateCache): Buffer {
  const { date, time } = dosDateTime(timestampMs);
  const names = [...parts.keys()].sort(entryOrder);
  if (names.length > MAX_ENTRIES) throw new RangeError(`a package of ${names.length} parts needs Zip64, which is not written`);
  const entries: Entry[] = [];
  let offset = 0;
  for (const part of names) {
    const from = parts.get(part)!;
    let done = reuse?.get(part);
    if (done === undefined || done.from !== from) {
      // A text is hashed as its UTF-8 bytes without being encoded: most parts of a rebuild are found
      // compressed already, and only the others are encoded (TextEncoder and Node's UTF-8 agree, a
      // lone surrogate included).
      const sha1 = reuse ? createHash("sha1").update(from).digest("base64") : "";
      const size = typeof from === "string" ? Buffer.byteLength(from, "utf8") : from.length;
      if (done !== undefined && done.sha1 === sha1 && done.size === size) {
        done = { ...done, from };
      } else {
        const raw = partBytes(parts, part)!;
        const store = ALREADY_COMPRESSED.test(part) || raw.length === 0;
        // zlib hands back a view of a 16 KiB (or larger) buffer: kept until the zip is assembled, a
        // 1000-slide deck's 4,600 small entries held 75 MiB that way. A copy of the bytes holds only them.
        done = { from, sha1, method: store ? METHOD_STORED : METHOD_DEFLATED, crc: crc32(raw), size: raw.length, data: store ? raw : new Uint8Array(deflateRawSync(raw, { level: DEFLATE_LEVEL, windowBits: windowBitsFor(raw.length) })) };
      }
      reuse?.set(part, done);
    }
    const name = Buffer.from(part, "utf8");
    entries.push({ name, method: done.method, crc: done.crc, size: done.size, data: done.data, offset });
    offset += LOCAL_HEADER_BYTES + name.length + done.data.length;
    if (offset > MAX_OFFSET) throw new RangeError("the package is over 4 GiB, which needs Zip64");
  }
  // The archive written into one buffer of its final size: every byte of it is set below.
  const directoryStart = offset;
  const directoryBytes = entries.reduce((n, e) => n + CENTRAL_HEADER_BYTES + e.name.length, 0);
  const out = Buffer.allocUnsafe(directoryStart + directoryBytes + END_BYTES);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const u16 = (at: number, v: number) => view.setUint16(at, v, true);
  const u32 = (at: number, v: number) => view.setUint32(at, v, true);
  for (const e of entries) {
    const at = e.offset;
    u32(at, LOCAL_HEADER); u16(at + 4, VERSION); u16(at + 6, FLAG_UTF8); u16(at + 8, e.method); u16(at + 10, time); u16(at + 12, date);
    u32(at + 14, e.crc); u32(at + 18, e.data.length); u32(at + 22, e.size); u16(at + 26, e.name.length); u16(at + 28, 0);
    out.set(e.name, at + LOCAL_HEADER_BYTES);
    out.set(e.data, at + LOCAL_HEADER_BYTES + e.name.length);
  }
  let at = directoryStart;
  for (const e of entries) {
    u32(at, CENTRAL_HEADER); u16(at + 4, VERSION); u16(at + 6, VERSION); u16(at + 8, FLAG_UTF8); u16(at + 10, e.method); u16(at + 12, time); u16(at + 14, date);
    u32(at + 16, e.crc); u32(at + 20, e.data.length); u32(at + 24, e.size); u16(at + 28, e.name.length);
    // extra field length, comment length, disk number, internal and external attributes: all 0
    u16(at + 30, 0); u16(at + 32, 0); u16(at + 34, 0); u16(at + 36, 0); u32(at + 38, 0);
    u32(at + 42, e.offset);
    out.set(e.name, at + CENTRAL_HEADER_BYTES);
    at += CENTRAL_HEADER_BYTES + e.name.length;
  }
  u32(at, END_OF_CENTRAL_DIRECTORY); u16(at + 4, 0); u16(at + 6, 0); u16(at + 8, entries.length); u16(at + 10, entries.length);
  u32(at + 12, directoryBytes); u32(at + 16, directoryStart); u16(at + 20, 0);
  return out;
}

const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
const END_BYTES = 22;
