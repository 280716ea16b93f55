// Build: type-check and compile with tsc (dist/ for scripts and tests), then bundle the CLI into one
// CommonJS file with esbuild (dist/briefdeck.cjs). bin/briefdeck.js runs it through a V8 code cache,
// so start-up neither resolves hundreds of modules nor recompiles them on every run.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { stdio: "inherit" });
if (process.argv.includes("--check-tests")) execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.test.json")], { stdio: "inherit" });
const outfile = join(root, "dist", "briefdeck.cjs");
// pptxgenjs loads node:fs and node:https with import() for every slide and layout, in case a picture
// is a file or a URL to fetch (encodeSlideMediaRels). briefdeck hands it every picture as data and
// never a URL (src/build/add-items.ts), so the 10 ms of loading https, tls, net and http are spent for
// nothing: pptxgenjs gets a module whose use is an error. node:fs it gets as a module of its own,
// made once: the bundle's import() of a built-in wrapped fs anew each time (6 ms a build).
const noRemoteMedia = {
  name: "no-remote-media",
  setup(b) {
    b.onResolve({ filter: /^node:(https|fs)$/ }, (args) => (/[\\/]pptxgenjs[\\/]/.test(args.importer) && args.kind === "dynamic-import" ? { path: args.path.slice(5), namespace: "no-remote-media" } : undefined));
    b.onLoad({ filter: /^https$/, namespace: "no-remote-media" }, () => ({
      contents: 'const refuse = () => { throw new Error("briefdeck: pptxgenjs asked to fetch a picture from a URL; pictures are passed as data"); };\nexport default { get: refuse, request: refuse };',
      loader: "js",
    }));
    b.onLoad({ filter: /^fs$/, namespace: "no-remote-media" }, () => ({ contents: 'import fs from "node:fs";\nexport * from "node:fs";\nexport default fs;', loader: "js", resolveDir: root }));
  },
};
rmSync(`${outfile}.cache`, { force: true });
await build({
  entryPoints: [join(root, "src", "main.ts")],
  outfile,
  bundle: true, platform: "node", format: "cjs", target: "node20", minify: true, legalComments: "none",
  // No keepNames: naming every function at start-up cost 18 ms a run. An internal error's stack gets
  // its functions' names back from the source map (src/util/readable-stack.ts).
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
  plugins: [noRemoteMedia],
});
// bin/briefdeck.js reads the bundle as Latin-1, a plain copy (UTF-8 decoding 1.8 MB took 20 ms, and
// made a two-byte string twice the size): that needs a bundle of ASCII only. esbuild escapes strings
// but leaves regular expression literals and String.raw templates as written; spell those with \u.
const text = readFileSync(outfile, "latin1");
const at = text.search(/[^\x00-\x7f]/);
if (at >= 0) {
  const line = text.slice(0, at).split("\n").length;
  throw new Error(`dist/briefdeck.cjs:${line}: a non-ASCII character in the bundle, near ${JSON.stringify(text.slice(Math.max(0, at - 60), at + 10))}; write it as a \\u escape in src/ (regular expressions, String.raw)`);
}

// What bin/briefdeck.js stats to tell whether src/ changed since this build: every folder and file.
const listed = [];
(function walk(dir) {
  listed.push(dir);
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) e.isDirectory() ? walk(`${dir}/${e.name}`) : listed.push(`${dir}/${e.name}`);
})("src");
writeFileSync(join(root, "dist", "sources.txt"), `${listed.join("\n")}\n`);
