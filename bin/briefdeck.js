#!/usr/bin/env node
// Runs the bundled CLI (dist/briefdeck.cjs) through a V8 code cache kept beside it. Rebuilds first
// when src/ is newer than the bundle, so a checkout pulled without `npm install` runs the code it has.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { constants as vmConstants, Script } from "node:vm";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "dist", "briefdeck.cjs");
const cacheFile = `${bundle}.cache`;

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

let built = 0;
try { built = statSync(bundle).mtimeMs; } catch { /* not built yet */ }
if (built < newest(join(root, "src"))) {
  process.stderr.write("briefdeck: compiling (src/ changed since the last build)…\n");
  execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: "inherit" });
}

let cachedData;
try { cachedData = readFileSync(cacheFile); } catch { /* first run */ }
const script = new Script(Module.wrap(readFileSync(bundle, "utf8")), {
  filename: bundle, cachedData,
  // pptxgenjs loads node:fs with import(); let it use the ordinary loader.
  importModuleDynamically: vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ?? ((specifier) => import(specifier)),
});
const module = { exports: {} };
script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
await module.exports.run(process.argv.slice(2));
if (cachedData === undefined || script.cachedDataRejected) {
  // Made after the run, so the functions the run compiled are in it too; a read-only dist/ is fine.
  try { writeFileSync(cacheFile, script.createCachedData()); } catch { /* cache is optional */ }
}
