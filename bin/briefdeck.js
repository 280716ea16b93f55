#!/usr/bin/env node
// The CLI: runs the bundled build (dist/briefdeck.cjs) in this process, through a V8 code cache kept
// beside it, so start-up neither resolves hundreds of modules nor recompiles them. The bundle is
// rebuilt first when src/ is newer, so a checkout pulled without `npm install` runs its code.
// CommonJS (bin/package.json), which Node starts faster than an ES module.
//
// Signals: until its write stage a build has changed nothing on disk, and Ctrl-C or SIGTERM ends it
// at once; from then on the write stage handles them (src/write/write-deck.ts): it removes the run's
// temporary files, restores any deck it was replacing, and exits 130 (SIGINT) or 143 (SIGTERM).
"use strict";
const { existsSync, readFileSync, statSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { dirname, join } = require("node:path");
const { constants: vmConstants, Script } = require("node:vm");

const root = join(__dirname, "..");
const bundle = join(root, "dist", "briefdeck.cjs");
const cacheFile = `${bundle}.cache`;

/**
 * Whether src/ holds anything newer than the bundle (a checkout pulled or edited without `npm
 * install`). The build lists src/'s folders and files (dist/sources.txt): a folder's time changes
 * when a file in it is added, removed or renamed, a file's when it is written, and a listed path
 * that is gone is a change too. (Statted on libuv's threads while this one compiled the bundle, the
 * run was slower, not faster.)
 */
function sourcesNewerThan(built) {
  let listed;
  try { listed = readFileSync(join(root, "dist", "sources.txt"), "utf8").split("\n").filter(Boolean); } catch { return true; }
  return listed.length === 0 || listed.some((p) => (statSync(join(root, p), { throwIfNoEntry: false })?.mtimeMs ?? Number.POSITIVE_INFINITY) > built);
}

function rebuild() {
  process.stderr.write("briefdeck: compiling (src/ changed since the last build)…\n");
  require("node:child_process").execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: "inherit" });
}

async function main() {
  let built = 0;
  try { built = statSync(bundle).mtimeMs; } catch { /* not built yet */ }
  // An installed copy without its sources runs its bundle.
  if (built === 0 || (existsSync(join(root, "src")) && sourcesNewerThan(built))) rebuild();
  const opened = guardStdio();
  // Internal errors' stacks are mapped into src/ by src/util/readable-stack.ts, which reads the
  // bundle's map itself: Node's source maps apply to no vm.Script, and turned on they only had every
  // template's `new Function` scanned for a map.
  const { script, cachedData } = compileBundle();
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
  process.exitCode = await module.exports.run(process.argv.slice(2));
  if (cachedData === undefined || script.cachedDataRejected) {
    // Made after the run, so the functions the run compiled are in it too; a read-only dist/ is fine.
    try { writeFileSync(cacheFile, script.createCachedData()); } catch { /* cache is optional */ }
  }
  // A finished one-shot run has nothing left to do but V8's clean-up of a heap about to be dropped
  // (finishing a round of incremental marking: 10-15 ms on the shipped deck). Its output is
  // flushed, then the process ends. (A watch session returns only when it is stopped.)
  for (const stream of opened) await new Promise((done) => stream.write("", done));
  process.exit();
}

/**
 * A reader that stops reading (`npm run deck | head -1`) is no reason to stop the build: what is
 * printed after that goes nowhere, and the deck is still written. The guard is put on stdout and
 * stderr when they are first used, not before: a run that prints nothing (--quiet) never makes
 * them (making stdout loads Node's stream modules: 4 ms). Returns the streams made so far.
 */
function guardStdio() {
  const opened = [];
  for (const name of ["stdout", "stderr"]) {
    const guard = (stream) => { stream.on("error", (err) => { if (err?.code !== "EPIPE") throw err; }); opened.push(stream); return stream; };
    const made = Object.getOwnPropertyDescriptor(process, name);
    if (typeof made?.get !== "function" || !made.configurable) { guard(process[name]); continue; }
    Object.defineProperty(process, name, {
      configurable: true, enumerable: made.enumerable,
      get() {
        Object.defineProperty(process, name, made);
        return guard(made.get.call(process));
      },
    });
  }
  return opened;
}

/** The bundle, compiled through its code cache when there is one. */
function compileBundle() {
  let cachedData;
  try { cachedData = readFileSync(cacheFile); } catch { /* first run */ }
  // The bundle is ASCII (scripts/build.mjs checks), so Latin-1 reads it as a plain copy.
  const script = new Script(Module.wrap(readFileSync(bundle, "latin1")), {
    filename: bundle, cachedData,
    // pptxgenjs loads node:fs with import(); let it use the ordinary loader.
    importModuleDynamically: vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ?? ((specifier) => import(specifier)),
  });
  return { script, cachedData };
}

main().catch((err) => {
  process.stderr.write(`briefdeck: internal error. Please report it with the outline that caused it.\n${err?.stack ?? err}\n`);
  process.exitCode = 70;
});
