// Test helper: walks a zip's local file headers front to back, as a streaming reader
// (java.util.zip.ZipInputStream, LibreOffice's package checks) does, without the central directory.
import { crc32, inflateRawSync } from "node:zlib";

export interface LocalEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** The entry's uncompressed bytes, found from the sizes in its local header alone. */
  readonly data: Buffer;
}

/** Every local entry in order; throws when a header cannot be followed to the next one. */
export function walkLocalHeaders(bytes: Buffer): LocalEntry[] {
  const entries: LocalEntry[] = [];
  let at = 0;
  while (bytes.readUInt32LE(at) === 0x04034b50) {
    const flags = bytes.readUInt16LE(at + 6);
    const method = bytes.readUInt16LE(at + 8);
    const crc = bytes.readUInt32LE(at + 14);
    const compressedSize = bytes.readUInt32LE(at + 18);
    const size = bytes.readUInt32LE(at + 22);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extraLength = bytes.readUInt16LE(at + 28);
    const name = bytes.subarray(at + 30, at + 30 + nameLength).toString("utf8");
    const start = at + 30 + nameLength + extraLength;
    const raw = bytes.subarray(start, start + compressedSize);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    entries.push({ name, flags, method, crc, compressedSize, size, data });
    at = start + compressedSize;
  }
  if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error(`no central directory after the last local entry (offset ${at})`);
  return entries;
}

/** Problems a streaming reader would have: data descriptors, CRCs or sizes that do not match. */
export function streamingProblems(bytes: Buffer, where = "deck"): string[] {
  const problems: string[] = [];
  for (const e of walkLocalHeaders(bytes)) {
    if (e.flags & 0x8) problems.push(`${where}: ${e.name} has a data descriptor (flag bit 3)`);
    if (e.data.length !== e.size) problems.push(`${where}: ${e.name} local size ${e.size}, data ${e.data.length}`);
    if (crc32(e.data) !== e.crc) problems.push(`${where}: ${e.name} local CRC does not match its data`);
    if (e.name.endsWith(".xlsx")) problems.push(...streamingProblems(e.data, `${where}/${e.name}`));
  }
  return problems;
}
