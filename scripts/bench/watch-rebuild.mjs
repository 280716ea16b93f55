// In-process rebuild of the shipped deck after a one-line edit, as --watch does it (one session
// reused across builds). Prints the median and min–max of the warm rebuilds.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { buildDeck, createSession } = await import(join(root, "dist", "src", "build-deck.js"));
const work = mkdtempSync(join(tmpdir(), "briefdeck-watch-"));
cpSync(join(root, "deck.yaml"), join(work, "deck.yaml"));
cpSync(join(root, "assets"), join(work, "assets"), { recursive: true });
const outline = join(work, "deck.yaml");
const original = readFileSync(outline, "utf8");
const session = createSession();
const times = [];
for (let i = 0; i < 40; i++) {
  // One line changes each time: a bullet of the context slide.
  writeFileSync(outline, original.replace("practical gains for each side", `practical gains for each side (${i})`));
  const started = performance.now();
  await buildDeck({ outline, outDir: join(work, "out") }, session);
  if (i >= 10) times.push(performance.now() - started); // the first builds warm the process up
}
times.sort((a, b) => a - b);
console.log(`watch rebuild after a one-line edit (in-process, ${times.length} warm rebuilds): median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, min–max ${times[0].toFixed(1)}–${times[times.length - 1].toFixed(1)} ms (target ≤ 30 ms)`);
rmSync(work, { recursive: true, force: true });
