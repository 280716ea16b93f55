// Parse stage: reads assets/themes/<name>.json with positions (JSON is YAML), so a problem in a
// theme is reported at its own line and column.
import { join, relative } from "node:path";
import { DeckError } from "../errors.js";
import type { SourceMap } from "../model/source-map.js";
import { diskPlainCache } from "./outline-cache.js";
import { parseYaml } from "./parse-yaml.js";
import { readSource } from "./read-source.js";

export async function readTheme(themesDir: string, name: string): Promise<{ file: string; data: unknown; sourceMap: SourceMap }> {
  const path = join(themesDir, `${name}.json`);
  const file = relative(process.cwd(), path) || path;
  const text = await readSource(path, "theme");
  try {
    JSON.parse(text);
  } catch (cause) {
    const at = /position (\d+)/.exec((cause as Error).message);
    const offset = at ? Number(at[1]) : 0;
    const before = text.slice(0, offset).split("\n");
    throw new DeckError({
      code: "OUTLINE_SHAPE", pos: { file, line: before.length, col: before[before.length - 1]!.length + 1 }, cause,
      message: `the theme "${file}" is not valid JSON`, hint: "check its commas and quotes",
    });
  }
  // Read before (by its text) in the per-user cache, as outlines are: a rebuild parses no YAML at all.
  const { data, sourceMap } = parseYaml(text, file, undefined, diskPlainCache());
  return { file, data, sourceMap };
}
