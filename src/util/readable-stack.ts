// Internal errors are printed with stack frames that point into src/: frames in the minified bundle
// are looked up in its source map with Node's own SourceMap class (the bundle runs through vm.Script,
// to which Node applies no source maps itself).
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { dirname, join, relative, resolve } from "node:path";

export function readableStack(err: unknown): string {
  const stack = err instanceof Error ? err.stack ?? err.message : String(err);
  const maps = new Map<string, SourceMap | undefined>();
  const mapFor = (file: string): SourceMap | undefined => {
    if (!maps.has(file)) {
      let map: SourceMap | undefined;
      try { if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8"))); } catch { /* no map */ }
      maps.set(file, map);
    }
    return maps.get(file);
  };
  return stack.replace(/(\(|at )(\/[^():\s]+\.cjs):(\d+):(\d+)/g, (whole, lead: string, file: string, line: string, col: string) => {
    const entry = mapFor(file)?.findEntry(Number(line) - 1, Number(col) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
    if (!entry?.originalSource) return whole;
    const source = relative(process.cwd(), resolve(dirname(file), entry.originalSource.replace(/^file:\/\//, ""))) || join(dirname(file), entry.originalSource);
    return `${lead}${source}:${(entry.originalLine ?? 0) + 1}:${(entry.originalColumn ?? 0) + 1}`;
  });
}
