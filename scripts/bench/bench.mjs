// npm run bench: whole-process wall time and peak RSS of the CLI on the shipped deck and on
// generated 200- and 1000-slide outlines, side by side with the raw-pptxgenjs floor. Several runs
// each after a warm-up; prints medians with min–max, CLI/floor ratios, and the 1000/200 ratio.
// A measurement, not a test: it never fails on timing. BENCH_RUNS sets the number of runs (default 5).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const runs = Number(process.env.BENCH_RUNS ?? 5);
const work = mkdtempSync(join(tmpdir(), "briefdeck-bench-"));
const rssFile = join(work, "rss.txt");
const preload = pathToFileURL(join(root, "scripts", "bench", "rss-report.mjs")).href;

execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit" });
for (const n of [200, 1000]) {
  execFileSync(process.execPath, [join(root, "dist", "scripts", "generate-outline.js"), String(n), join(work, `outline-${n}.yaml`)], { stdio: "ignore" });
}

function measure(args, output) {
  writeFileSync(rssFile, "");
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--import", preload, ...args], { cwd: root, env: { ...process.env, BENCH_RSS_FILE: rssFile }, stdio: ["ignore", "ignore", "pipe"] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`failed: ${args.join(" ")}\n${r.stderr}`);
  if (statSync(output).size < 1000) throw new Error(`no valid output from ${args.join(" ")}`);
  const rssKiB = Math.max(...readFileSync(rssFile, "utf8").trim().split("\n").map(Number));
  return { seconds, rssMiB: rssKiB / 1024 };
}

function series(label, slides, args, output) {
  measure(args, output); // warm-up: page cache, code cache
  const samples = Array.from({ length: runs }, () => measure(args, output));
  const sorted = (key) => samples.map((s) => s[key]).sort((a, b) => a - b);
  const median = (xs) => xs[Math.floor(xs.length / 2)];
  const t = sorted("seconds");
  const m = sorted("rssMiB");
  process.stderr.write(".");
  return { label, slides, median: median(t), min: t[0], max: t[t.length - 1], rss: median(m), rssMax: m[m.length - 1] };
}

const cli = (outline, n) => [join(root, "bin", "briefdeck.js"), outline, "--out", join(work, `cli-${n}`), "--quiet"];
const floor = (n) => [join(root, "scripts", "bench", "raw-floor.mjs"), String(n), join(work, `floor-${n}.pptx`)];
const shippedSlides = 24;
const rows = [
  series("CLI, shipped deck", shippedSlides, cli(join(root, "deck.yaml"), "shipped"), join(work, "cli-shipped", "deck.pptx")),
  series("raw pptxgenjs + DEFLATE", shippedSlides, floor(shippedSlides), join(work, `floor-${shippedSlides}.pptx`)),
  series("CLI, generated", 200, cli(join(work, "outline-200.yaml"), 200), join(work, "cli-200", "deck.pptx")),
  series("raw pptxgenjs + DEFLATE", 200, floor(200), join(work, "floor-200.pptx")),
  series("CLI, generated", 1000, cli(join(work, "outline-1000.yaml"), 1000), join(work, "cli-1000", "deck.pptx")),
  series("raw pptxgenjs + DEFLATE", 1000, floor(1000), join(work, "floor-1000.pptx")),
];
process.stderr.write("\n");

const fmt = (x) => x.toFixed(3);
console.log(`briefdeck benchmark: ${runs} runs each after a warm-up; Node ${process.version}; whole-process wall time`);
console.log("");
console.log("| case | slides | median s | min–max s | peak RSS MiB (median / max) |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const r of rows) console.log(`| ${r.label} | ${r.slides} | ${fmt(r.median)} | ${fmt(r.min)}–${fmt(r.max)} | ${r.rss.toFixed(0)} / ${r.rssMax.toFixed(0)} |`);
console.log("");
for (let i = 0; i < rows.length; i += 2) console.log(`CLI / floor at ${rows[i].slides} slides: ${(rows[i].median / rows[i + 1].median).toFixed(2)}×`);
console.log(`CLI 1000 / 200 slides: ${(rows[4].median / rows[2].median).toFixed(2)}× (linear is 5×; target ≤ 5.5×)`);
console.log(`Targets: shipped ≤ 0.20 s (${fmt(rows[0].median)}), 1000 slides ≤ 1.3 s (${fmt(rows[4].median)}) and ≤ 250 MiB (${rows[4].rss.toFixed(0)})`);
rmSync(work, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, "scripts", "bench", "watch-rebuild.mjs")], { stdio: "inherit" });
