// The pipeline, one line per stage: read -> parse -> validate -> audience -> render text -> lay out
// -> prepare assets -> build pptx -> package -> write. Everything up to the audience is shared when
// several audiences are built.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { checkAccessibility } from "./a11y/check-accessibility.js";
import { prepareImages } from "./assets/prepare-images.js";
import { findAudience, resolveAudience } from "./audience/resolve-audience.js";
import { buildPptx, settleWritten } from "./build/build-pptx.js";
import { chartParts } from "./charts/chart-parts.js";
import { DeckError, DeckErrors } from "./errors.js";
import { layoutDeck, type LayoutCache, type TemplatePlacement } from "./layout/layout-deck.js";
import { builtInTemplate, LAYOUT_MODULES } from "./layouts/index.js";
import { loadOutlineFonts } from "./assets/outline-fonts.js";
import { sampleColours } from "./assets/prepare-images.js";
import { readTemplate, type OrgTemplate } from "./template/read-template.js";
import type { TemplateFrames } from "./template/template-frames.js";
import { placeOnTemplate } from "./template/place-on-template.js";
import { hasMetrics, knownFamilies } from "./util/fonts.js";
import { suggestion } from "./util/did-you-mean.js";
import type { Audience, Deck } from "./model/deck.js";
import type { PlacedDeck } from "./model/layout.js";
import type { Theme } from "./model/theme.js";
import { packageDeck } from "./package/package-deck.js";
import { DEFAULT_LIMITS, parseYaml } from "./parse/parse-yaml.js";
import { diskPlainCache } from "./parse/outline-cache.js";
import { readSource } from "./parse/read-source.js";
import { readTheme } from "./parse/read-theme.js";
import { createEnv, type FiguresRef, type HandlebarsEnv, type TemplateFn } from "./render/handlebars-env.js";
import { CompiledCache } from "./render/compiled-cache.js";
import { compileTemplates, readTemplates, type Templates } from "./render/load-templates.js";
import { renderDeck } from "./render/render-text.js";
import { cacheDir, setCacheWrites } from "./util/cache-dir.js";
import { collectGarbage } from "./util/collect-garbage.js";
import { isInside } from "./util/inside-folder.js";
import { projectRoot } from "./util/project-root.js";
import { lap } from "./util/timing.js";
import { validateOutline } from "./validate/validate-outline.js";
import { validateTheme } from "./validate/validate-theme.js";
import { keepDeckMemory, readDeckMemory, type DeckMemory } from "./write/deck-memory.js";
import { guardWrites, holdForTests, writeOutputs, type Output } from "./write/write-deck.js";


export interface BuildOptions {
  /** Path of the outline (deck.yaml). */
  readonly outline: string;
  /** Output folder (default out/). */
  readonly outDir: string;
  /** Audience id; default: the outline's default audience. */
  readonly audience?: string;
  /** Templates folder; default: the outline's templates/ if it has one, else the built-in templates. */
  readonly templatesDir?: string;
  readonly allowOutside?: boolean;
  /** Only check the outline and its layout; write nothing. */
  readonly checkOnly?: boolean;
  /** Seconds since the epoch for every timestamp in the file (default: SOURCE_DATE_EPOCH, else the deck's date). */
  readonly sourceDateEpoch?: number;
  /** Also write the PDF (LibreOffice). */
  readonly pdf?: boolean;
  /** Also write one PNG per slide and a contact sheet under <out>/preview/. */
  readonly preview?: boolean;
  /** Told about slow steps (LibreOffice renders take seconds). */
  readonly onProgress?: (message: string) => void;
  /** Warnings are errors: nothing is written when there are any. */
  readonly strict?: boolean;
  /** Work limits (--max-slides, --max-values); defaults suit any real briefing. */
  readonly maxSlides?: number;
  readonly maxValues?: number;
  /** The organisation's template (--template), instead of the outline's `deck.template`. */
  readonly template?: string;
}

export interface BuildResult {
  readonly audience: Audience;
  readonly path?: string;
  /** Extra files written by --pdf and --preview. */
  readonly extras?: readonly string[];
  readonly slides: number;
  readonly warnings: readonly DeckError[];
  readonly placed: PlacedDeck;
  readonly ms: number;
}

/** What every audience's build shares: the checked outline, theme and compiled templates. */
interface Prepared {
  readonly deck: Deck;
  readonly theme: Theme;
  readonly hb: HandlebarsEnv;
  readonly templates: Templates;
  readonly baseDir: string;
  readonly session: BuildSession;
  /** The organisation's template, when the deck is built on one. */
  readonly template?: {
    readonly org: OrgTemplate;
    readonly placement: TemplatePlacement;
    readonly frames: TemplateFrames;
    /** Warnings found while reading it (colours that fail contrast), given to the first deck built. */
    readonly warnings: DeckError[];
  };
}

/**
 * What one process keeps between builds (watch mode): compiled templates while their files are
 * unchanged, the theme, compiled outline strings and laid-out slides by content.
 */
export interface BuildSession {
  readonly figures: FiguresRef;
  env?: { readonly key: string; readonly hb: HandlebarsEnv; readonly templates: Templates; readonly compiled: Map<string, TemplateFn>; readonly disk: CompiledCache };
  theme?: { readonly key: string; readonly theme: Theme };
  /** Laid-out slides by content (a session that builds again: watch mode). */
  readonly layout?: LayoutCache;
  /** What each deck's last build wrote, by its file name: a rebuild writes and deflates only what changed. */
  readonly decks?: Map<string, DeckMemory>;
  /** Template files read by an earlier build, by path (watch mode): an unchanged one is not read again. */
  readonly templateFiles?: Map<string, { readonly stamp: string; readonly text: string }>;
}

/** From this many slides, memory is collected after the build stage and before zipping (collectGarbage). */
const LARGE_DECK_SLIDES = 150;

/** A session for builds that follow one another (watch mode): each reuses what the last one made. */
export function createSession(): BuildSession {
  return { figures: { current: {} }, layout: new Map(), decks: new Map(), templateFiles: new Map() };
}

/** One build's own session: nothing is kept for a next build (a 1000-slide deck's texts and parts are not held to its end). */
function singleBuild(): BuildSession {
  return { figures: { current: {} } };
}

async function prepare(opts: BuildOptions, session: BuildSession = singleBuild()): Promise<Prepared> {
  // Shown as given, relative to the working folder when it is below it.
  const rel = relative(process.cwd(), resolve(opts.outline));
  const file = rel && !rel.startsWith("..") ? rel : opts.outline;
  const baseDir = dirname(resolve(opts.outline));
  // --check reads the per-user caches (maps, templates, checked texts) and adds nothing to them.
  setCacheWrites(!opts.checkOnly);
  lap("start");
  const text = await readSource(file);
  const { data, sourceMap } = parseYaml(text, file, { maxValues: opts.maxValues ?? DEFAULT_LIMITS.maxValues }, diskPlainCache());
  lap("parse");
  // Fonts the outline brings (fonts/*.ttf, *.otf) can be measured, like the shipped ones.
  loadOutlineFonts(baseDir, opts.allowOutside ?? false);
  const deck = validateOutline(data, sourceMap, opts.maxSlides);
  lap("validate");
  const theme = await loadTheme(baseDir, deck.meta.theme ?? "default", session, opts.allowOutside ?? false).catch((err: unknown) => {
    if (!(err instanceof DeckError) || err.code !== "FILE_NOT_FOUND") throw err;
    throw new DeckError({
      code: "UNKNOWN_THEME", pos: sourceMap.posOf(["deck", "theme"]), cause: err,
      message: `no theme is called "${deck.meta.theme}"`,
      hint: `use one of: ${themeNames(baseDir).map((n) => `"${n}"`).join(", ")} (files in assets/themes/), or leave \`theme\` out for the default`,
    });
  });
  session.figures.current = deck.figures;
  // The outline's own templates/ (or --templates) overrides the built-in files it has.
  const own = opts.templatesDir ?? join(baseDir, "templates");
  const sources = await readTemplates({
    override: own, builtIn: { layout: builtInTemplate, partials: join(projectRoot(), "templates", "partials") },
    ...(opts.allowOutside ? {} : { confine: opts.templatesDir ?? baseDir }),
    ...(session.templateFiles ? { read: session.templateFiles } : {}),
  });
  const key = JSON.stringify(sources);
  const disk = session.env?.disk ?? new CompiledCache(join(cacheDir(), "templates.json"));
  // The templates a build of this outline on these templates used: one file, read at once.
  disk.begin(`${key}\n${text}`);
  if (session.env?.key !== key) {
    const hb = createEnv(session.figures);
    session.env = { key, hb, templates: compileTemplates(hb, sources, disk), compiled: new Map(), disk };
  }
  lap("templates");
  const template = await loadTemplate(opts, deck, baseDir, theme);
  lap("org template");
  return { deck, theme, hb: session.env.hb, templates: session.env.templates, baseDir, session, ...(template ? { template } : {}) };
}

/** The organisation's template named by --template or `deck.template`, read and mapped; undefined without one. */
async function loadTemplate(opts: BuildOptions, deck: Deck, baseDir: string, theme: Theme): Promise<Prepared["template"]> {
  const named = opts.template ?? deck.meta.template;
  if (!named) return undefined;
  const map = deck.sourceMap;
  const fromOutline = opts.template === undefined;
  const pos = fromOutline ? map.posOf(["deck", "template"]) : { file: opts.template!, line: 1, col: 1, quote: false };
  const file = fromOutline ? resolve(baseDir, named) : resolve(named);
  if (fromOutline && !(opts.allowOutside ?? false) && !isInside(file, [baseDir])) {
    throw new DeckError({
      code: "ASSET_OUTSIDE_PROJECT", pos, message: `the template "${named}" is outside the outline's folder (or links there)`,
      hint: "copy it into the outline's folder, or pass --allow-outside (or name it with --template)",
    });
  }
  let org: OrgTemplate;
  try { org = readTemplate(file, pos); } catch (err) {
    if (err instanceof DeckError && err.code !== "TEMPLATE_INVALID") throw new DeckError({ ...err.info, pos, message: `${err.message}`, hint: err.info.hint ?? "check the template's path" });
    throw err;
  }
  const explicit = deck.meta.templateLayouts ?? {};
  for (const layout of Object.keys(explicit)) {
    if (!LAYOUT_MODULES.some((m) => m.id === layout)) {
      throw new DeckError({
        code: "UNKNOWN_LAYOUT", pos: map.posOf(["deck", "templateLayouts", layout], "key"), message: `templateLayouts names "${layout}", which is not a briefdeck layout`,
        hint: suggestion(layout, LAYOUT_MODULES.map((m) => m.id), "one of the layouts"),
      });
    }
  }
  const warnings: DeckError[] = [];
  const { placement, frames } = await placeOnTemplate(org, theme, explicit, pos, (layout) => map.posOf(["deck", "templateLayouts", layout]), sampleColours, (e) => warnings.push(e));
  // Text is measured in the template's fonts: each needs metrics.
  const fonts = placement.frameFor("bullets").theme.fonts;
  for (const family of new Set([fonts.heading, fonts.body])) {
    if (!hasMetrics(family)) {
      throw new DeckError({
        code: "UNKNOWN_FONT", pos, message: `the template's font "${family}" has no metrics, so text set in it could not be measured to fit`,
        hint: `put the font's files (.ttf, .otf) in a fonts/ folder beside the outline; briefdeck measures: ${knownFamilies().map((f) => `"${f}"`).join(", ")}`,
      });
    }
  }
  return { org, placement, frames, warnings };
}

/** One audience's deck, built in memory: nothing is written until the whole run has succeeded. */
interface Built extends Omit<BuildResult, "path" | "extras"> {
  readonly bytes: Buffer;
}

async function buildFor(p: Prepared, audience: Audience, opts: BuildOptions): Promise<Built> {
  const started = performance.now();
  const view = resolveAudience(p.deck, audience);
  const rendered = renderDeck(view, p.templates, p.hb, p.session.env?.compiled, p.session.env?.disk);
  p.session.env?.disk.save();
  lap("render");
  if (p.session.layout && p.session.layout.size > 8 * rendered.slides.length + 64) p.session.layout.clear();
  const laid = layoutDeck(rendered, p.theme, p.session.layout, p.template?.placement);
  const placed = laid.deck;
  // On a template, the deck's fonts and default colours are the template's.
  const theme = p.template ? p.template.placement.frameFor("bullets").theme : p.theme;
  const templateNotes = p.template ? [...p.template.warnings.splice(0), ...p.template.frames.takeNotes()] : [];
  const warnings = [...p.deck.warnings, ...view.warnings, ...templateNotes, ...laid.warnings, ...checkAccessibility(placed, theme)];
  lap("layout");
  holdForTests("build");
  // --check runs every stage a build runs (images decoded, charts written, the package assembled in
  // memory) and writes nothing: no deck, no cache.
  const images = await prepareImages(placed, { baseDir: p.baseDir, allowOutside: opts.allowOutside ?? false, checkOnly: opts.checkOnly ?? false });
  lap("assets");
  const charts = chartParts(placed, theme);
  lap("charts");
  // What the last build of this deck made: the session's (watch mode), else what the last build of
  // the same file kept (write/deck-memory.ts); a --check run builds everything.
  const outPath = join(opts.outDir, audience.file);
  let memory = p.session.decks?.get(audience.file);
  if (!memory && p.session.decks) p.session.decks.set(audience.file, (memory = { written: new Map(), deflated: new Map() }));
  const kept = !memory && !opts.checkOnly;
  if (kept) memory = readDeckMemory(outPath);
  const built = await buildPptx(placed, theme, images, memory?.written);
  // A large deck's pptxgenjs objects are collected before the package stage allocates on top of them.
  if (placed.slides.length >= LARGE_DECK_SLIDES) collectGarbage();
  lap("pptxgenjs");
  const onTemplate = p.template ? { template: p.template.org, slideLayouts: placed.slides.map((s) => s.templateLayout!) } : undefined;
  // Each title in the box the layout gave it (pptxgenjs writes its master's); shapes that stand for a
  // picture (a map's frame) carry its alt text.
  const titles = placed.slides.flatMap((s, i) => s.items.flatMap((it) => (it.kind === "text" && it.placeholder === "title" ? [{ slide: i + 1, xIn: it.xIn, yIn: it.yIn, wIn: it.wIn, hIn: it.hIn }] : [])));
  const alts = placed.slides.flatMap((s, i) => s.items.flatMap((it) => (it.kind === "shape" && it.alt !== undefined && it.name ? [{ slide: i + 1, name: it.name, alt: it.alt }] : [])));
  const bytes = packageDeck(built.parts, charts, timestampMs(p.deck.meta.date, opts.sourceDateEpoch), {
    ...(onTemplate ? { template: onTemplate } : {}), alts, titles, ...(memory ? { deflated: memory.deflated } : {}), large: placed.slides.length >= LARGE_DECK_SLIDES,
    ...(built.settled.size > 0 ? { settled: { parts: built.settled, charts: built.settledCharts } } : {}),
  });
  // On a template the fixes depend on the template too: its slides are remembered as pptxgenjs wrote them.
  if (memory && !p.template) settleWritten(memory.written, built.parts);
  if (kept && memory) keepDeckMemory(outPath, memory, new Set(built.parts.keys()));
  lap("package");
  return { audience, slides: placed.slides.length, warnings, placed, bytes, ms: performance.now() - started };
}

/**
 * Writes every deck of the run, and its PDF and pictures, together or not at all: under --strict a
 * warning stops the run first, and a failed export (LibreOffice missing) leaves the folder as it was.
 */
async function finish(built: readonly Built[], opts: BuildOptions): Promise<BuildResult[]> {
  if (opts.checkOnly) return built.map(({ bytes: _bytes, ...b }) => b);
  if (opts.strict) {
    // Notes say how the deck was made (a layout placed on a fallback); only warnings stop a strict run.
    const warnings = built.flatMap((b) => b.warnings).filter((w) => w.info.severity !== "note");
    if (warnings.length > 0) throw new DeckErrors(uniqueWarnings(warnings).map((w) => new DeckError({ ...w.info, severity: "error", hint: `${w.info.hint ?? ""}${w.info.hint ? " " : ""}(an error because --strict is set)` })));
  }
  // From here on the run leaves files on disk (LibreOffice's, then its own): signals undo them.
  guardWrites();
  const outputs: Output[] = [];
  const extras = new Map<Built, string[]>();
  const cleanups: Array<() => Promise<void>> = [];
  try {
    for (const b of built) {
      outputs.push({ path: join(opts.outDir, b.audience.file), bytes: b.bytes });
      if (opts.pdf || opts.preview) {
        // LibreOffice and the image code are loaded only when asked for.
        const exported = await (await import("./export/export-deck.js")).exportDeck(b.bytes, b.audience.file, opts);
        cleanups.push(exported.cleanup);
        outputs.push(...exported.outputs);
        extras.set(b, exported.outputs.map((o) => o.path));
      }
    }
    await writeOutputs(outputs);
    lap("write");
  } finally {
    for (const c of cleanups) await c();
  }
  return built.map((b) => {
    const { bytes: _bytes, ...result } = b;
    return { ...result, path: join(opts.outDir, b.audience.file), extras: extras.get(b) ?? [] };
  });
}

/** The same warning from several audiences' decks, once. */
function uniqueWarnings(warnings: readonly DeckError[]): DeckError[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.info.pos?.file}:${w.info.pos?.line}:${w.info.pos?.col}:${w.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Builds one audience's deck: `opts.audience`, or the outline's default. */
export async function buildDeck(opts: BuildOptions, session?: BuildSession): Promise<BuildResult> {
  const p = await prepare(opts, session);
  return (await finish([await buildFor(p, findAudience(p.deck, opts.audience), opts)], opts))[0]!;
}

/** Builds every audience's deck, one file each, sharing the parsed outline and templates; all are written, or none. */
export async function buildAllAudiences(opts: BuildOptions, session?: BuildSession): Promise<BuildResult[]> {
  const p = await prepare(opts, session);
  const built: Built[] = [];
  for (const audience of p.deck.audiences) built.push(await buildFor(p, audience, opts));
  return finish(built, opts);
}

async function loadTheme(baseDir: string, name: string, session: BuildSession, allowOutside: boolean): Promise<Theme> {
  const themes = localOrBuiltIn(baseDir, "assets/themes", `${name}.json`);
  if (themes.startsWith(baseDir) && !allowOutside && !isInside(join(themes, `${name}.json`), [baseDir])) {
    throw new DeckError({
      code: "ASSET_OUTSIDE_PROJECT", pos: { file: join(themes, `${name}.json`), line: 1, col: 1, quote: false }, message: `the theme "${name}" links outside the outline's folder`,
      hint: "copy the theme into assets/themes/ instead of linking to it, or pass --allow-outside",
    });
  }
  const { file, data, sourceMap } = await readTheme(themes, name);
  const key = `${file}\n${JSON.stringify(data)}`;
  if (session.theme?.key !== key) session.theme = { key, theme: validateTheme(data, file, sourceMap) };
  return session.theme.theme;
}

function themeNames(baseDir: string): string[] {
  const names = new Set<string>();
  for (const dir of [join(baseDir, "assets/themes"), join(projectRoot(), "assets/themes")]) {
    try { for (const f of readdirSync(dir)) if (f.endsWith(".json")) names.add(f.slice(0, -5)); } catch { /* none here */ }
  }
  return [...names].sort();
}

function localOrBuiltIn(baseDir: string, dir: string, probe = ""): string {
  const local = join(baseDir, dir);
  return existsSync(join(local, probe)) ? local : join(projectRoot(), dir);
}

/** SOURCE_DATE_EPOCH (reproducible builds) when given, else midnight UTC of the deck's date. */
export function timestampMs(deckDate: string, sourceDateEpoch?: number): number {
  if (sourceDateEpoch !== undefined && Number.isFinite(sourceDateEpoch)) return sourceDateEpoch * 1000;
  return Date.parse(`${deckDate}T00:00:00Z`);
}
