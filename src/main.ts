// Process entry (bundled into dist/briefdeck.cjs, run by bin/briefdeck.js in its own thread): runs
// the CLI and returns its exit code, which bin/briefdeck.js sets; the write stage handles signals.
// An error that escapes the CLI is an internal one: printed with frames mapped back to src/, exit 70.
import { main } from "./cli.js";
import { EXIT } from "./errors.js";
import { lap } from "./util/timing.js";
import { readableStack } from "./util/readable-stack.js";

export async function run(argv: readonly string[]): Promise<number> {
  lap("load");
  try {
    return await main(argv);
  } catch (err) {
    process.stderr.write(`briefdeck: internal error. Please report it with the outline that caused it.\n${readableStack(err)}\n`);
    return EXIT.internal;
  }
}
