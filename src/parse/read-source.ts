// Parse stage, I/O half: reads an outline or template file with a size limit.
// Synchronous reads: an outline and a dozen templates are small, and a thread-pool round trip per
// file costs more than the read (watch-mode rebuilds read them all each time).
import { readFileSync, statSync } from "node:fs";
import { DeckError } from "../errors.js";

/** Outlines and templates larger than this are refused (a briefing outline is a few hundred KiB). */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export async function readSource(path: string, what = "outline"): Promise<string> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (cause) {
    throw new DeckError({
      code: "FILE_NOT_FOUND", message: `cannot read the ${what} "${path}"`, cause,
      hint: what === "outline" ? "give the path of a deck outline, e.g. `npm run deck -- deck.yaml`" : "check the path",
    });
  }
  if (size > MAX_SOURCE_BYTES) {
    throw new DeckError({
      code: "FILE_TOO_LARGE", pos: { file: path, line: 1, col: 1 },
      message: `the ${what} "${path}" is ${(size / 1048576).toFixed(1)} MiB, over the ${MAX_SOURCE_BYTES / 1048576} MiB limit`,
      hint: "split the outline, or move bulky data out of it",
    });
  }
  try {
    return readFileSync(path, "utf8");
  } catch (cause) {
    throw new DeckError({
      code: "FILE_NOT_FOUND", message: `cannot read the ${what} "${path}": ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`, cause,
      hint: (cause as NodeJS.ErrnoException).code === "EISDIR" ? `"${path}" is a folder; name the .yaml file inside it` : "check the path and its permissions",
    });
  }
}
