// Build: type-check and compile with tsc (dist/ for scripts and tests), then bundle the CLI into one
// CommonJS file with esbuild (dist/briefdeck.cjs). bin/briefdeck.js runs it through a V8 code cache,
// so start-up neither resolves hundreds of modules nor recompiles them on every run.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { stdio: "inherit" });
if (process.argv.includes("--check-tests")) execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.test.json")], { stdio: "inherit" });
const outfile = join(root, "dist", "briefdeck.cjs");
rmSync(`${outfile}.cache`, { force: true });
await build({
  entryPoints: [join(root, "src", "main.ts")],
  outfile,
  bundle: true, platform: "node", format: "cjs", target: "node20", minify: true, legalComments: "none",
  // Function names survive minifying, so an internal error's stack names the functions it passed through.
  keepNames: true,
  // Internal errors print stacks that point into src/ (bin/briefdeck.js enables source maps).
  sourcemap: "linked", sourcesContent: false,
  // sharp is native and loaded only on an image-cache miss.
  external: ["sharp"],
  // The bundle is CommonJS: import.meta.url becomes the bundle's own file URL.
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // vm.Script with a code cache loses the dynamic-import hook, so import() becomes require().
  supported: { "dynamic-import": false },
  logLevel: "warning",
});
