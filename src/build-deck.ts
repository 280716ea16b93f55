// The pipeline, one line per stage: read -> parse -> validate -> audience -> render text -> lay out
// -> prepare assets -> build pptx -> package -> write.
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { prepareImages } from "./assets/prepare-images.js";
import { resolveAudience } from "./audience/resolve-audience.js";
import { buildPptx } from "./build/build-pptx.js";
import { DeckErrors, type DeckError } from "./errors.js";
import { layoutDeck } from "./layout/layout-deck.js";
import type { PlacedDeck } from "./model/layout.js";
import { packageDeck } from "./package/package-deck.js";
import { parseYaml } from "./parse/parse-yaml.js";
import { readSource } from "./parse/read-source.js";
import { readTheme } from "./parse/read-theme.js";
import { createEnv } from "./render/handlebars-env.js";
import { compileTemplates, readTemplates } from "./render/load-templates.js";
import { renderDeck } from "./render/render-text.js";
import { projectRoot } from "./util/project-root.js";
import { checkFigures } from "./validate/check-figures.js";
import { validateOutline } from "./validate/validate-outline.js";
import { validateTheme } from "./validate/validate-theme.js";
import { writeDeck } from "./write/write-deck.js";

export interface BuildOptions {
  /** Path of the outline (deck.yaml). */
  readonly outline: string;
  /** Output folder (default out/). */
  readonly outDir: string;
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
}

export interface BuildResult {
  readonly path?: string;
  /** Extra files written by --pdf and --preview. */
  readonly extras?: readonly string[];
  readonly slides: number;
  readonly warnings: readonly DeckError[];
  readonly placed: PlacedDeck;
}

export async function buildDeck(opts: BuildOptions): Promise<BuildResult> {
  const file = relative(process.cwd(), resolve(opts.outline)) || opts.outline;
  const baseDir = dirname(resolve(opts.outline));
  const text = await readSource(file);
  const { data, sourceMap } = parseYaml(text, file);
  const deck = validateOutline(data, sourceMap);
  const figureErrors = checkFigures(deck, data);
  if (figureErrors.length > 0) throw new DeckErrors(figureErrors);
  const theme = await loadTheme(baseDir, deck.meta.theme ?? "default");
  const view = resolveAudience(deck);
  const hb = createEnv(deck.figures);
  const templates = compileTemplates(hb, await readTemplates(opts.templatesDir ?? localOrBuiltIn(baseDir, "templates")));
  const rendered = renderDeck(view, templates, hb);
  const { deck: placed, warnings } = layoutDeck(rendered, theme);
  if (opts.checkOnly) return { slides: placed.slides.length, warnings, placed };
  const images = await prepareImages(placed, { baseDir, cacheDir: join(baseDir, ".briefdeck-cache"), allowOutside: opts.allowOutside ?? false });
  const raw = await buildPptx(placed, theme, images);
  const bytes = await packageDeck(raw, timestampMs(deck.meta.date, opts.sourceDateEpoch));
  const path = await writeDeck(bytes, join(opts.outDir, view.audience.file));
  const extras = opts.pdf || opts.preview ? await exportDeck(path, opts) : [];
  return { path, extras, slides: placed.slides.length, warnings, placed };
}

/** PDF and preview pictures; LibreOffice and the image code are loaded only when asked for. */
async function exportDeck(pptxPath: string, opts: BuildOptions): Promise<string[]> {
  const { renderPdf, renderPages } = await import("./export/render-pdf.js");
  const { mkdir, mkdtemp, rm } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const pdfDir = opts.pdf ? opts.outDir : await mkdtemp(join(tmpdir(), "briefdeck-"));
  const written: string[] = [];
  try {
    opts.onProgress?.("rendering with LibreOffice…");
    const pdf = await renderPdf(pptxPath, pdfDir);
    if (opts.pdf) written.push(pdf);
    if (opts.preview) {
      const { composeContactSheet } = await import("./assets/contact-sheet.js");
      const dir = join(opts.outDir, "preview");
      await mkdir(dir, { recursive: true });
      opts.onProgress?.("drawing slide pictures and the contact sheet…");
      const pages = await renderPages(pdf, dir);
      const sheet = join(dir, pdf.replace(/^.*\//, "").replace(/\.pdf$/, "-sheet.png"));
      await composeContactSheet(pages, sheet);
      written.push(...pages, sheet);
    }
  } finally {
    if (!opts.pdf) await rm(pdfDir, { recursive: true, force: true });
  }
  return written;
}

async function loadTheme(baseDir: string, name: string) {
  const { file, data } = await readTheme(localOrBuiltIn(baseDir, "assets/themes", `${name}.json`), name);
  return validateTheme(data, file);
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
