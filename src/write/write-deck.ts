// Write stage: bytes -> out/<file>. Written to a temporary file beside the target and renamed into
// place, so a failed or interrupted build never leaves a half-written deck or clobbers the last one.
import { rmSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { DeckError } from "../errors.js";

/** Temporary files still being written; removed if the process is interrupted. */
const pending = new Set<string>();

export async function writeDeck(bytes: Uint8Array, outPath: string): Promise<string> {
  const dir = dirname(outPath);
  const tmp = join(dir, `.${basename(outPath)}.${process.pid}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    pending.add(tmp);
    await writeFile(tmp, bytes);
    await rename(tmp, outPath);
    return outPath;
  } catch (cause) {
    await rm(tmp, { force: true });
    throw new DeckError({
      code: "WRITE_FAILED", message: `cannot write "${outPath}": ${(cause as Error).message}`, cause,
      hint: "check that the output folder is writable and the deck is not open with a lock (close it in PowerPoint)",
    });
  } finally {
    pending.delete(tmp);
  }
}

/** Synchronous cleanup for signal handlers (Ctrl-C). */
export function removePendingSync(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}
