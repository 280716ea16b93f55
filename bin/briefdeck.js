#!/usr/bin/env node
// Entry point: sets the exit code from main(); removes temporary output files on Ctrl-C.
import { rmSync } from "node:fs";
import { main } from "../dist/src/cli.js";
import { removePendingSync } from "../dist/src/write/write-deck.js";

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    removePendingSync(rmSync);
    process.stderr.write(`\nbriefdeck: interrupted; no partial file was left\n`);
    process.exit(130);
  });
}
process.exitCode = await main(process.argv.slice(2));
