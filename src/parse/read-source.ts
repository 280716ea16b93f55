// Parse stage, I/O half: reads an outline, a template or a theme. Only regular files are read (a FIFO,
// a device or a pipe is refused: it could hang or stream forever), the size limit applies to the
// bytes read, and the text must be UTF-8: an invalid byte is an error at its line and column, never a
// silent U+FFFD. Synchronous: these files are small, and watch-mode rebuilds read them all each time.
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { DeckError } from "../errors.js";

/** Outlines and templates larger than this are refused (a briefing outline is a few hundred KiB). */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export async function readSource(path: string, what = "outline", limit = MAX_SOURCE_BYTES): Promise<string> {
  return readSourceSync(path, what, limit);
}

export function readSourceSync(path: string, what = "outline", limit = MAX_SOURCE_BYTES): string {
  const bytes = readRegularFile(path, what, limit);
  const text = decodeUtf8(bytes, path, what);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The file's bytes, at most `limit` of them; refuses anything that is not a regular file. */
export function readRegularFile(path: string, what: string, limit: number): Buffer {
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO with no writer returns at once instead of hanging.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENXIO") { // a socket (or a FIFO opened for writing): nothing to read from
      throw notRegular(path, what, cause);
    }
    throw new DeckError({
      code: "FILE_NOT_FOUND", message: `cannot read the ${what} "${path}"${code && code !== "ENOENT" ? `: ${code}` : ""}`, cause,
      hint: what === "outline" ? "give the path of a deck outline, e.g. `npm run deck -- deck.yaml`" : "check the path and its permissions",
    });
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
      throw new DeckError({ code: "FILE_NOT_REGULAR", message: `the ${what} "${path}" is a folder`, hint: `name the file inside it (e.g. ${what === "outline" ? "deck.yaml" : "the .hbs or .json file"})` });
    }
    if (!stat.isFile()) throw notRegular(path, what);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // The first read asks for the file's size and one byte more (so the end is seen at once, and
      // a file that grew is read on): most are a few KiB, read without a large buffer each.
      const chunk = Buffer.allocUnsafe(Math.min(total === 0 ? stat.size + 1 : 1 << 20, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) {
        throw new DeckError({
          code: "FILE_TOO_LARGE", pos: { file: path, line: 1, col: 1 },
          message: `the ${what} "${path}" is over the ${(limit / 1048576).toFixed(0)} MiB limit`,
          hint: what === "outline" ? "split the outline, or move bulky data out of it" : "use a smaller file",
        });
      }
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function notRegular(path: string, what: string, cause?: unknown): DeckError {
  return new DeckError({
    code: "FILE_NOT_REGULAR", message: `the ${what} "${path}" is not a regular file (a pipe, device or socket), so it is not read`,
    hint: "save it as a file and give that file's path", cause,
  });
}

/** UTF-8 text; an invalid byte sequence is an error at its position. */
function decodeUtf8(bytes: Buffer, path: string, what: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, bad)).split("\n");
    throw new DeckError({
      code: "ENCODING", pos: { file: path, line: before.length, col: before[before.length - 1]!.length + 1 },
      message: `the ${what} "${path}" is not valid UTF-8 (byte 0x${bytes[bad]?.toString(16).padStart(2, "0")} at offset ${bad})`,
      hint: "save the file as UTF-8 (most editors offer it under \"Save with encoding\")",
    });
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points past U+10FFFF.
    const cp = len === 3 ? ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f)
      : len === 4 ? ((b & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f) : -1;
    if ((len === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (len === 4 && (cp < 0x10000 || cp > 0x10ffff))) return i;
    i += len;
  }
  return bytes.length;
}
