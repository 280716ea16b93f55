// Contract between parse/ and every later stage: where each value of the outline came from.
import type { SourcePos } from "../errors.js";

/** A path into the parsed outline, e.g. ["sections", 2, "slides", 0, "title"]. */
export type DataPath = ReadonlyArray<string | number>;

export interface SourceMap {
  /** Path of the outline as given on the command line (relative to the working directory). */
  readonly file: string;
  readonly text: string;
  /**
   * Position of the value at `path` (or of its key, with `part: "key"`). A path that does not
   * exist resolves to its nearest existing parent, so a missing field points at its owner.
   */
  posOf(path: DataPath, part?: "key" | "value"): SourcePos;
  /**
   * Position of the `nth` occurrence of `needle` inside the source of the value at `path` (for a
   * word inside a long string); falls back to the value's own position.
   */
  posOfText(path: DataPath, needle: string, nth?: number): SourcePos;
}
