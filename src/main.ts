// Process entry (bundled into dist/briefdeck.cjs): runs the CLI, sets the exit code, and removes
// temporary output files on Ctrl-C. Only this file touches the process's exit.
import { main } from "./cli.js";
import { lap } from "./util/timing.js";
import { removePendingSync } from "./write/write-deck.js";

export async function run(argv: readonly string[]): Promise<void> {
  lap("load");
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      removePendingSync();
      process.stderr.write("\nbriefdeck: interrupted; no partial file was left\n");
      process.exit(130);
    });
  }
  process.exitCode = await main(argv);
}
