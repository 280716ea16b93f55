// Package stage: reading pptxgenjs's zip and writing ours. Entries are written in a fixed order,
// with a fixed DOS timestamp and DEFLATE through Node's native zlib (yazl), so the same input gives
// the same bytes whatever the clock or time zone.
import { unzipSync } from "fflate";
import yazl from "yazl";

/** Parts of a package by name, in no particular order. */
export type Parts = Map<string, Uint8Array>;

export function readZip(bytes: Uint8Array): Parts {
  const parts: Parts = new Map();
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith("/")) parts.set(name, data); // JSZip's directory entries are not OPC parts
  }
  return parts;
}

/** OPC readers like [Content_Types].xml first; the rest sorted by name. */
function entryOrder(a: string, b: string): number {
  const rank = (n: string) => (n === "[Content_Types].xml" ? 0 : n === "_rels/.rels" ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export async function writeZip(parts: Parts, timestampMs: number): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  // DOS timestamps are local time in yazl; a Date whose local fields equal the UTC ones makes the
  // bytes independent of TZ. forceDosTimestamp drops the extra field holding the real Unix time.
  const t = new Date(timestampMs);
  const mtime = new Date(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
  for (const name of [...parts.keys()].sort(entryOrder)) {
    zip.addBuffer(Buffer.from(parts.get(name)!), name, { mtime, mode: 0o100644, compress: true, forceDosTimestamp: true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
