// Stage timings for `BRIEFDECK_TIMING=1`: where a build spends its time, printed to stderr.

const enabled = process.env["BRIEFDECK_TIMING"] === "1";
// From process start, so the first lap ("load") is start-up: Node itself and loading the bundle.
let last = 0;

/** Marks the end of a stage; prints its duration when timing is on. */
export function lap(stage: string): void {
  if (!enabled) return;
  const now = performance.now();
  process.stderr.write(`timing ${stage.padEnd(12)} ${(now - last).toFixed(1).padStart(7)} ms${process.env["BRIEFDECK_TIMING_MEM"] ? `  rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB` : ""}\n`);
  last = now;
}
