// The project's own folder (where package.json, assets/ and templates/ live), found from this module,
// so the tool works from src/ under vitest and from dist/ alike.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

export function projectRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "templates"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("briefdeck: cannot find the project folder (package.json with templates/)");
    dir = up;
  }
  cached = dir;
  return dir;
}
