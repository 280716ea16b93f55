#!/usr/bin/env node
// The CLI: the build runs in a worker thread, and this main thread only supervises it. Ctrl-C or
// SIGTERM is then handled at once, even while the worker is busy in a long synchronous step: this
// thread removes the run's temporary files from the output folders the worker announced, restores any
// deck it was replacing, and exits 130 (SIGINT) or 143 (SIGTERM); the worker ends with the process.
// The worker runs the bundled CLI (dist/briefdeck.cjs) through a V8 code cache kept beside it. The
// bundle is rebuilt first when src/ is newer, so a checkout pulled without `npm install` runs its code.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { constants as vmConstants, Script } from "node:vm";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "dist", "briefdeck.cjs");
const cacheFile = `${bundle}.cache`;

if (isMainThread) supervise();
else await runBundle(workerData.argv);

function supervise() {
  let built = 0;
  try { built = statSync(bundle).mtimeMs; } catch { /* not built yet */ }
  if (built < newest(join(root, "src"))) {
    process.stderr.write("briefdeck: compiling (src/ changed since the last build)…\n");
    execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: "inherit" });
  }
  // A reader that stops reading (`npm run deck | head -1`) is no reason to stop the build: what
  // is printed after that goes nowhere, and the deck is still written.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", (err) => { if (err?.code !== "EPIPE") throw err; });
  const folders = new Set();
  const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { argv: process.argv.slice(2) } });
  worker.on("message", (m) => {
    if (m?.type === "temp-dir") folders.add(m.dir);
    else if (m?.type === "exit") process.exitCode = m.code;
  });
  worker.on("error", (err) => {
    process.stderr.write(`briefdeck: internal error. Please report it with the outline that caused it.\n${err?.stack ?? err}\n`);
    process.exitCode = 70;
  });
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
    process.on(signal, () => {
      for (const dir of folders) removeOwnTemporaries(dir);
      process.stderr.write(`\nbriefdeck: interrupted; the output folder is as it was\n`);
      process.exit(code);
    });
  }
}

/** This process's `.<name>.<pid>.tmp` files go; an `.old` one (a deck being replaced) goes back in place. */
function removeOwnTemporaries(dir) {
  let names = [];
  try { names = readdirSync(dir); } catch { return; }
  for (const name of names) {
    const m = /^\.(.+)\.(\d+)\.(tmp|old)$/.exec(name);
    if (!m || Number(m[2]) !== process.pid) continue;
    try {
      if (m[3] === "old") { rmSync(join(dir, m[1]), { force: true }); renameSync(join(dir, name), join(dir, m[1])); }
      else rmSync(join(dir, name), { force: true });
    } catch { /* best effort */ }
  }
}

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

async function runBundle(argv) {
  // Stack traces of internal errors point into src/ through the bundle's source map.
  process.setSourceMapsEnabled(true);
  let cachedData;
  try { cachedData = readFileSync(cacheFile); } catch { /* first run */ }
  const script = new Script(Module.wrap(readFileSync(bundle, "utf8")), {
    filename: bundle, cachedData,
    // pptxgenjs loads node:fs with import(); let it use the ordinary loader.
    importModuleDynamically: vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ?? ((specifier) => import(specifier)),
  });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const code = await module.exports.run(argv);
  if (cachedData === undefined || script.cachedDataRejected) {
    // Made after the run, so the functions the run compiled are in it too; a read-only dist/ is fine.
    try { writeFileSync(cacheFile, script.createCachedData()); } catch { /* cache is optional */ }
  }
  parentPort.postMessage({ type: "exit", code });
}
