// npm run bench: whole-process wall time and peak RSS of the CLI against the raw-pptxgenjs floor
// (scripts/bench/raw-floor.mjs, the same slide count) and, when pandoc is installed, against pandoc
// writing the same briefing from Markdown; on the shipped deck and on generated 200- and 1000-slide
// outlines; then the watch-mode rebuild. The shipped deck and the 1000 slides are also built with an empty per-user cache
// (laid-out slides, maps, checked texts: what a first build on a machine finds), each run in a new
// one, and that is reported beside the warm figure. Runs are interleaved (CLI, floor, pandoc, CLI, …) so that
// drift on the machine hits every case alike; each ratio is taken round by round and printed as its
// median with min–max. A measurement, not a test: it never fails on timing. BENCH_RUNS sets the
// number of rounds (default 7).
import { execFileSync, spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const runs = Number(process.env.BENCH_RUNS ?? 7);
const work = mkdtempSync(join(tmpdir(), "briefdeck-bench-"));
const rssFile = join(work, "rss.txt");
const preload = pathToFileURL(join(root, "scripts", "bench", "rss-report.mjs")).href;

execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit" });
for (const n of [200, 1000]) {
  execFileSync(process.execPath, [join(root, "dist", "scripts", "generate-outline.js"), String(n), join(work, `outline-${n}.yaml`)], { stdio: "ignore" });
}
const pandoc = spawnSync("pandoc", ["--version"], { encoding: "utf8" });
const havePandoc = pandoc.status === 0;
const markdown = join(work, "briefing.md");
if (havePandoc) execFileSync(process.execPath, [join(root, "scripts", "bench", "briefing-markdown.mjs"), join(root, "deck.yaml"), markdown], { stdio: "ignore" });
const shippedSlides = Number(/(\d+) slides/.exec(execFileSync(process.execPath, [join(root, "bin", "briefdeck.js"), "--check"], { cwd: root, encoding: "utf8" }))?.[1] ?? 25);

/** One run of a command: wall seconds and peak RSS (node processes report theirs; others by /usr/bin/time if present). */
let coldCaches = 0;
function measure(cmd, args, output, node = true, cold = false) {
  writeFileSync(rssFile, "");
  const env = { ...process.env, BENCH_RSS_FILE: rssFile, ...(cold ? { BRIEFDECK_CACHE_DIR: join(work, `cache-${coldCaches++}`) } : {}) };
  const started = process.hrtime.bigint();
  const r = node
    ? spawnSync(process.execPath, ["--import", preload, ...args], { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] })
    : spawnSync(cmd, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`failed: ${cmd} ${args.join(" ")}\n${r.stderr}`);
  if (statSync(output).size < 1000) throw new Error(`no valid output from ${args.join(" ")}`);
  const rss = readFileSync(rssFile, "utf8").trim().split("\n").filter(Boolean).map(Number);
  return { seconds, rssMiB: rss.length ? Math.max(...rss) / 1024 : NaN };
}

const cli = (outline, tag) => ({ cmd: "node", args: [join(root, "bin", "briefdeck.js"), outline, "--out", join(work, `cli-${tag}`), "--quiet"], output: join(work, `cli-${tag}`, "deck.pptx") });
const floor = (n) => ({ cmd: "node", args: [join(root, "scripts", "bench", "raw-floor.mjs"), String(n), join(work, `floor-${n}.pptx`)], output: join(work, `floor-${n}.pptx`) });
const pandocRun = { cmd: "pandoc", args: [markdown, "-o", join(work, "pandoc.pptx")], output: join(work, "pandoc.pptx"), node: false };

const groups = [
  { name: "shipped", slides: shippedSlides, cases: { cli: cli(join(root, "deck.yaml"), "shipped"), cold: { ...cli(join(root, "deck.yaml"), "shipped-cold"), cold: true }, floor: floor(shippedSlides), ...(havePandoc ? { pandoc: pandocRun } : {}) } },
  { name: "200", slides: 200, cases: { cli: cli(join(work, "outline-200.yaml"), 200), floor: floor(200) } },
  { name: "1000", slides: 1000, cases: { cli: cli(join(work, "outline-1000.yaml"), 1000), cold: { ...cli(join(work, "outline-1000.yaml"), "1000-cold"), cold: true }, floor: floor(1000) } },
];

const samples = new Map();
for (const g of groups) {
  for (const [key, c] of Object.entries(g.cases)) measure(c.cmd, c.args, c.output, c.node !== false, c.cold); // warm-up
  for (let i = 0; i < runs; i++) {
    for (const [key, c] of Object.entries(g.cases)) {
      const id = `${g.name}:${key}`;
      if (!samples.has(id)) samples.set(id, []);
      samples.get(id).push(measure(c.cmd, c.args, c.output, c.node !== false, c.cold));
    }
    process.stderr.write(".");
  }
}
process.stderr.write("\n");

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const of = (id, key) => samples.get(id).map((s) => s[key]);
const ratio = (a, b, key = "seconds") => stat(of(a, key).map((x, i) => x / of(b, key)[i]));
const fmt = (x, d = 3) => x.toFixed(d);
const range = (s, d = 2) => `${fmt(s.median, d)}× (${fmt(s.min, d)}–${fmt(s.max, d)})`;

console.log(`briefdeck benchmark: ${runs} interleaved rounds after a warm-up; Node ${process.version}; ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}; whole-process wall time`);
console.log("");
console.log("| case | slides | median s | min–max s | peak RSS MiB |");
console.log("| --- | ---: | ---: | ---: | ---: |");
const labels = { cli: "briefdeck CLI", cold: "briefdeck CLI, empty cache", floor: "raw pptxgenjs + DEFLATE", pandoc: `pandoc ${/pandoc\S* ([\d.]+)/.exec(pandoc.stdout ?? "")?.[1] ?? ""} (Markdown of the same briefing)` };
for (const g of groups) {
  for (const key of Object.keys(g.cases)) {
    const t = stat(of(`${g.name}:${key}`, "seconds"));
    const m = stat(of(`${g.name}:${key}`, "rssMiB"));
    console.log(`| ${labels[key]} | ${g.slides} | ${fmt(t.median)} | ${fmt(t.min)}–${fmt(t.max)} | ${Number.isFinite(m.median) ? fmt(m.median, 0) : "—"} |`);
  }
}
console.log("");
console.log("| ratio | median (min–max) | target |");
console.log("| --- | ---: | ---: |");
console.log(`| shipped deck / floor (${shippedSlides} slides) | ${range(ratio("shipped:cli", "shipped:floor"))} | ≤ 0.8× |`);
console.log(`| shipped deck, empty cache / floor | ${range(ratio("shipped:cold", "shipped:floor"))} | (first build) |`);
if (havePandoc) console.log(`| shipped deck / pandoc | ${range(ratio("shipped:cli", "shipped:pandoc"))} | ≤ 1.2× |`);
else console.log("| shipped deck / pandoc | pandoc is not installed (apt-get install pandoc) | ≤ 1.2× |");
console.log(`| 1000 slides / floor, wall | ${range(ratio("1000:cli", "1000:floor"))} | ≤ 1.0× |`);
console.log(`| 1000 slides, empty cache / floor, wall | ${range(ratio("1000:cold", "1000:floor"))} | (first build) |`);
console.log(`| 1000 slides / floor, peak RSS | ${range(ratio("1000:cli", "1000:floor", "rssMiB"))} | ≤ 1.1× |`);
console.log(`| CLI 1000 / 200 slides | ${range(ratio("1000:cli", "200:cli"))} | ≤ 5× (linear) |`);
console.log(`| node -e 0 (the absolute floor of any Node CLI) | ${fmt(stat(Array.from({ length: 5 }, () => { const s = process.hrtime.bigint(); spawnSync(process.execPath, ["-e", "0"]); return Number(process.hrtime.bigint() - s) / 1e9; })).median)} s | |`);
rmSync(work, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, "scripts", "bench", "watch-rebuild.mjs")], { stdio: "inherit" });
