// Command line: argv -> options -> buildDeck(); prints results and diagnostics and returns the exit
// code. The only place that maps errors to exit codes; it never calls process.exit.
import { readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildAllAudiences, buildDeck, type BuildOptions, type BuildResult } from "./build-deck.js";
import { projectRoot } from "./util/project-root.js";
import { readSourceSync } from "./parse/read-source.js";
import { readableStack } from "./util/readable-stack.js";
import { EXIT, formatDiagnostic, MAX_REPORTED, UsageError, userErrorsOf, type DeckError } from "./errors.js";

/** Seconds since 1970 of 1980-01-01 and 2107-12-31T23:59:58Z: what DOS timestamps in a zip can hold. */
const ZIP_EPOCH_RANGE = [315532800, 4354819198] as const;

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: Io = { out: (l) => process.stdout.write(l + "\n"), err: (l) => process.stderr.write(l + "\n") };

export const HELP = `briefdeck: turn a YAML outline into a native, editable PowerPoint briefing

Usage
  npm run deck -- [OUTLINE.yaml] [options]
  npm run check -- [OUTLINE.yaml]

Arguments
  OUTLINE.yaml         the outline to build (default: deck.yaml)

Options
  -o, --out DIR        folder for the .pptx (default: out/); created when missing
  -a, --audience ID    build the deck for one audience of the outline (default: its default audience)
      --all            build every audience's deck, one file each, and print a table
      --template FILE  build on this PowerPoint template (.potx, .pptx) instead of the outline's deck.template
      --templates DIR  folder of template overrides (default: the outline's templates/); built-ins serve the rest
      --check          check the outline, its figures and its layout; write nothing
      --watch          rebuild whenever the outline, a template, an asset or the theme changes
      --pdf            also write the PDF (needs LibreOffice)
      --preview        also write one PNG per slide and a contact sheet to <out>/preview/
      --strict         treat warnings (text that had to continue on another slide, …) as errors
      --allow-outside  allow images, templates and themes outside the outline's folder
      --max-slides N   refuse outlines of more than N slides (default 3000)
      --max-values N   refuse outlines that expand to more than N values through YAML aliases (default 1000000)
  -q, --quiet          print errors only
      --verbose        list every warning (by default, the first five of each kind and a count)
  -h, --help           show this help
  -v, --version        show the version

Environment
  SOURCE_DATE_EPOCH    seconds since 1970 to stamp into the file (default: the deck's date)

Exit codes
  0 deck written (warnings allowed)   1 problem in the outline, a template or an asset
  2 bad command line                   70 internal error (please report it)

Examples
  npm run deck                              build deck.yaml into out/deck.pptx
  npm run deck -- talks/q3.yaml --out build build another outline into build/
  npm run check                             check deck.yaml without writing
  npm run deck -- --pdf --preview           also write out/deck.pdf and out/preview/*.png
  npm run deck -- --audience executive      the ministers' version, out/deck-executive.pptx
  npm run deck -- --all                     every audience's deck
  npm run deck -- --watch                   rebuild on every save
  npm run deck -- --template brand.potx     build on the organisation's template`;

interface CliOptions {
  readonly outline: string;
  readonly outDir: string;
  readonly templatesDir?: string;
  readonly template?: string;
  readonly check: boolean;
  readonly strict: boolean;
  readonly allowOutside: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly pdf: boolean;
  readonly preview: boolean;
  readonly audience?: string;
  readonly all: boolean;
  readonly watch: boolean;
  readonly maxSlides?: number;
  readonly maxValues?: number;
}

function parseCli(argv: readonly string[]): CliOptions | "help" | "version" {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv], allowPositionals: true, strict: true,
      options: {
        out: { type: "string", short: "o" }, template: { type: "string" }, templates: { type: "string" }, check: { type: "boolean" },
        audience: { type: "string", short: "a" }, all: { type: "boolean" },
        strict: { type: "boolean" }, "allow-outside": { type: "boolean" }, quiet: { type: "boolean", short: "q" }, verbose: { type: "boolean" },
        pdf: { type: "boolean" }, preview: { type: "boolean" }, watch: { type: "boolean", short: "w" },
        "max-slides": { type: "string" }, "max-values": { type: "string" },
        help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "v" },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional.*$/s, ""));
  }
  const { values: v, positionals } = parsed;
  if (v.help) return "help";
  if (v.version) return "version";
  if (positionals.length > 1) throw new UsageError(`expected one outline, got ${positionals.length}: ${positionals.join(", ")}`);
  if (v.all && v.audience !== undefined) throw new UsageError("use either --audience or --all, not both");
  if (v.watch && (v.check || v.pdf || v.preview)) throw new UsageError("--watch builds decks only; run --check, --pdf or --preview without it");
  if (v.out !== undefined && v.out.trim() === "") throw new UsageError("--out needs a folder, e.g. --out out");
  const count = (flag: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${flag} needs a whole number above zero, not "${value}"`);
    return Number(value);
  };
  const maxSlides = count("--max-slides", v["max-slides"]);
  const maxValues = count("--max-values", v["max-values"]);
  return {
    outline: positionals[0] ?? "deck.yaml", outDir: v.out ?? "out", check: v.check ?? false, strict: v.strict ?? false,
    allowOutside: v["allow-outside"] ?? false, quiet: v.quiet ?? false, verbose: v.verbose ?? false, pdf: v.pdf ?? false, preview: v.preview ?? false,
    all: v.all ?? false, watch: v.watch ?? false, ...(v.audience !== undefined ? { audience: v.audience } : {}), ...(v.templates ? { templatesDir: v.templates } : {}), ...(v.template ? { template: v.template } : {}),
    ...(maxSlides !== undefined ? { maxSlides } : {}), ...(maxValues !== undefined ? { maxValues } : {}),
  };
}

/** The text of a file a message points into, for its excerpt; never a FIFO or device (it could hang). */
function sourceOf(file: string): string | undefined {
  try { return readSourceSync(file, "file"); } catch { return undefined; }
}

/** A path as the user would type it: relative to the working folder when it is below it, else absolute. */
function shownPath(p: string): string {
  const rel = relative(process.cwd(), resolve(p));
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : resolve(p);
}

/** Warnings of one kind shown in full before the rest are counted. */
const WARNINGS_PER_CODE = 5;

function report(io: Io, problems: readonly DeckError[], verbose = false): void {
  const shownPerCode = new Map<string, number>();
  const hidden = new Map<string, number>();
  let shown = 0;
  for (const e of problems) {
    const n = shownPerCode.get(e.code) ?? 0;
    if (shown >= MAX_REPORTED || (!verbose && e.info.severity === "warning" && n >= WARNINGS_PER_CODE)) { hidden.set(e.code, (hidden.get(e.code) ?? 0) + 1); continue; }
    shownPerCode.set(e.code, n + 1);
    shown++;
    io.err(formatDiagnostic(e, sourceOf) + "\n");
  }
  for (const [code, n] of hidden) io.err(`… and ${n} more ${code}${shown >= MAX_REPORTED ? "" : " (--verbose lists them all)"}`);
}

export async function main(argv: readonly string[], io: Io = consoleIo): Promise<number> {
  let opts: CliOptions;
  try {
    const parsed = parseCli(argv);
    if (parsed === "help") { io.out(HELP); return EXIT.ok; }
    if (parsed === "version") { io.out(version()); return EXIT.ok; }
    opts = parsed;
  } catch (err) {
    if (err instanceof UsageError) { io.err(`briefdeck: ${err.message}\nRun with --help for usage.`); return EXIT.usage; }
    throw err;
  }
  const started = performance.now();
  const epoch = process.env["SOURCE_DATE_EPOCH"];
  // Reproducible builds stamp the file with SOURCE_DATE_EPOCH: whole seconds, within the zip's years.
  if (epoch !== undefined && epoch !== "" && (!/^\d+$/.test(epoch) || Number(epoch) < ZIP_EPOCH_RANGE[0] || Number(epoch) > ZIP_EPOCH_RANGE[1])) {
    io.err(`briefdeck: SOURCE_DATE_EPOCH is "${epoch}"; it must be whole seconds since 1970 from ${ZIP_EPOCH_RANGE[0]} (1980-01-01) to ${ZIP_EPOCH_RANGE[1]} (2107-12-31), the times a .pptx can carry\nRun with --help for usage.`);
    return EXIT.usage;
  }
  const buildOpts: BuildOptions = {
    outline: opts.outline, outDir: opts.outDir, checkOnly: opts.check, allowOutside: opts.allowOutside, pdf: opts.pdf, preview: opts.preview, strict: opts.strict,
    ...(opts.maxSlides !== undefined ? { maxSlides: opts.maxSlides } : {}), ...(opts.maxValues !== undefined ? { maxValues: opts.maxValues } : {}),
    ...(opts.audience !== undefined ? { audience: opts.audience } : {}),
    ...(opts.templatesDir ? { templatesDir: opts.templatesDir } : {}),
    ...(opts.template ? { template: opts.template } : {}),
    ...(epoch !== undefined && /^\d+$/.test(epoch) ? { sourceDateEpoch: Number(epoch) } : {}),
    ...(opts.quiet ? {} : { onProgress: (m: string) => io.out(`… ${m}`) }),
  };
  if (opts.watch) return watchMode(io, buildOpts, opts);
  try {
    const results = opts.all ? await buildAllAudiences(buildOpts) : [await buildDeck(buildOpts)];
    // --quiet prints errors only (under --strict a warning is an error, and is printed as one).
    if (!opts.quiet) report(io, dedupeWarnings(results.flatMap((r) => r.warnings)), opts.verbose);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!opts.quiet) printResults(io, results, opts, seconds);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof UsageError) { io.err(`briefdeck: ${err.message}\nRun with --help for usage.`); return EXIT.usage; }
    const errors = userErrorsOf(err);
    if (errors) { report(io, errors); return EXIT.input; }
    io.err(`briefdeck: internal error. Please report it with the outline that caused it.\n${readableStack(err)}`);
    return EXIT.internal;
  }
}

/** Runs until interrupted (Ctrl-C); returns 2 only when the first build hits a usage error. */
async function watchMode(io: Io, buildOpts: BuildOptions, opts: CliOptions): Promise<number> {
  const { watchDeck } = await import("./watch/watch-deck.js");
  const shown = shownPath;
  const clock = () => new Date().toTimeString().slice(0, 8);
  let usage: UsageError | undefined;
  const watcher = watchDeck({ ...buildOpts, all: opts.all }, {
    onBuild: (o) => {
      if (o.ok) {
        if (!opts.quiet) report(io, dedupeWarnings(o.results.flatMap((r) => r.warnings)), opts.verbose);
        for (const r of o.results) io.out(`↻ ${clock()} ${shown(r.path!)}  ${r.slides} slides  ${Math.round(o.ms)} ms`);
        return;
      }
      if ("errors" in o) report(io, o.errors);
      else io.err(`briefdeck: internal error while rebuilding. Please report it with the outline that caused it.\n${readableStack(o.internal)}`);
      io.err(`✗ ${clock()} not rebuilt; the last good deck is unchanged. Watching for changes…`);
    },
    onWatchError: (folder, err) => io.err(`briefdeck: cannot watch ${shown(folder)} (${(err as NodeJS.ErrnoException).code ?? err.message}); changes there are not seen until the next restart`),
  });
  try {
    await watcher.ready;
  } catch (err) {
    watcher.close();
    if (err instanceof UsageError) usage = err;
    else throw err;
  }
  if (usage) { io.err(`briefdeck: ${usage.message}\nRun with --help for usage.`); return EXIT.usage; }
  io.out(`watching ${opts.outline}, templates/ and assets/ (Ctrl-C to stop)`);
  return new Promise<number>(() => { /* until the process is interrupted */ });
}

function printResults(io: Io, results: readonly BuildResult[], opts: CliOptions, seconds: string): void {
  const shown = shownPath;
  if (opts.check) {
    const warned = results.reduce((n, r) => n + r.warnings.length, 0);
    io.out(`✓ ${opts.outline}: ${results.map((r) => `${r.audience.id} ${r.slides} slides`).join(", ")}; no problems${warned ? ` (${warned} warnings)` : ""} (${seconds} s)`);
    return;
  }
  if (opts.all) {
    const rows = results.map((r) => [r.audience.id, r.audience.label, String(r.slides), shown(r.path!), `${(r.ms / 1000).toFixed(2)} s`, a11ySummary(r)]);
    const head = ["audience", "label", "slides", "file", "time", "accessibility"];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 2 || i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
    io.out(line(head));
    for (const r of rows) io.out(line(r));
    io.out(`✓ wrote ${results.length} decks in ${seconds} s`);
  } else {
    const r = results[0]!;
    io.out(`✓ wrote ${shown(r.path!)}  ${r.slides} slides  ${seconds} s${r.audience.id === "full" ? "" : `  (${r.audience.label})`}`);
    io.out(`  accessibility: ${a11ySummary(r)} (titles, reading order, alt text, contrast, text sizes)`);
  }
  for (const r of results) {
    const pdf = r.extras?.find((f) => f.endsWith(".pdf"));
    const sheet = r.extras?.find((f) => f.endsWith("-sheet.png"));
    if (pdf) io.out(`  pdf      ${shown(pdf)}`);
    if (sheet) io.out(`  preview  ${shown(sheet)} (and one PNG per slide beside it)`);
  }
}

function a11ySummary(r: BuildResult): string {
  const n = r.warnings.filter((w) => w.code.startsWith("A11Y_")).length;
  return n === 0 ? "no problems" : `${n} problem${n === 1 ? "" : "s"}`;
}

/** The same warning from several audiences' decks is reported once. */
function dedupeWarnings(warnings: readonly DeckError[]): DeckError[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.info.pos?.file}:${w.info.pos?.line}:${w.info.pos?.col}:${w.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")) as { version: string };
    return `briefdeck ${pkg.version}`;
  } catch {
    return "briefdeck";
  }
}
