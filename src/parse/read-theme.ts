// Parse stage: reads assets/themes/<name>.json.
import { join } from "node:path";
import { DeckError } from "../errors.js";
import { readSource } from "./read-source.js";

export async function readTheme(themesDir: string, name: string): Promise<{ file: string; data: unknown }> {
  const file = join(themesDir, `${name}.json`);
  const text = await readSource(file, "theme");
  try {
    return { file, data: JSON.parse(text) };
  } catch (cause) {
    throw new DeckError({ code: "OUTLINE_SHAPE", pos: { file, line: 1, col: 1 }, message: `the theme "${file}" is not valid JSON`, hint: "check its commas and quotes", cause });
  }
}
