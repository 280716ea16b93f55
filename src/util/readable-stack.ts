// Internal errors are printed with stack frames that point into src/: frames in the minified bundle
// are looked up in its source map with Node's own SourceMap class (the bundle runs through vm.Script,
// to which Node applies no source maps itself). The bundle keeps no function names (giving every
// function its name back cost each run 18 ms at start-up); a frame's function is named as Node
// names it from a source map: by the name the map gives the call that entered it, on the frame below.
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { dirname, join, relative, resolve } from "node:path";

interface Entry { readonly originalSource?: string; readonly originalLine?: number; readonly originalColumn?: number; readonly name?: string }

/** A stack frame in a bundle: `at NAME (/path/x.cjs:LINE:COL)` or `at /path/x.cjs:LINE:COL`. */
const FRAME = /^(\s*at )(?:(.*?) \()?(\/[^():\s]+\.cjs):(\d+):(\d+)(\)?)$/;

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
  const lines = stack.split("\n");
  const frames = lines.map((l) => FRAME.exec(l));
  const entryOf = (m: RegExpExecArray, skip = 0): Entry | undefined => mapFor(m[3]!)?.findEntry(Number(m[4]) - 1, Number(m[5]) - 1 + skip) as Entry | undefined;
  // The call that entered a function: an async frame points at the `await` before it.
  const calleeName = (caller: RegExpExecArray): string | undefined => entryOf(caller)?.name ?? (/^\s*at async /.test(caller[0]) ? entryOf(caller, "await ".length)?.name : undefined);
  return lines.map((line, i) => {
    const m = frames[i];
    const entry = m ? entryOf(m) : undefined;
    if (!m || !entry?.originalSource) return line;
    const file = m[3]!;
    const source = relative(process.cwd(), resolve(dirname(file), entry.originalSource.replace(/^file:\/\//, ""))) || join(dirname(file), entry.originalSource);
    const caller = frames[i + 1];
    const mapped = caller && caller[3] === file ? calleeName(caller) : undefined;
    const name = mapped ? `${/^async /.test(m[2] ?? "") ? "async " : ""}${mapped}` : m[2];
    const at = `${source}:${(entry.originalLine ?? 0) + 1}:${(entry.originalColumn ?? 0) + 1}`;
    return name ? `${m[1]}${name} (${at})` : `${m[1]}${at}`;
  }).join("\n");
}
