// Export stage: --pdf and --preview for a built deck (LibreOffice, then pdftoppm and sharp). Works
// in a private temporary folder from the deck's bytes and returns the files as outputs to commit, so
// nothing reaches the output folder unless the whole run succeeds.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { composeContactSheet } from "../assets/contact-sheet.js";
import type { Output } from "../write/write-deck.js";
import { renderPages, renderPdf } from "./render-pdf.js";

export interface ExportOptions {
  readonly outDir: string;
  readonly pdf?: boolean;
  readonly preview?: boolean;
  readonly onProgress?: (message: string) => void;
}

export interface Exported {
  /** The PDF (--pdf), one PNG per slide and the contact sheet (--preview), staged for the commit. */
  readonly outputs: Output[];
  /** Removes the temporary folder (after the commit, or on failure). */
  cleanup(): Promise<void>;
}

/** Renders `bytes` (the deck that will be written as `deckName`) to a PDF and/or pictures. */
export async function exportDeck(bytes: Uint8Array, deckName: string, opts: ExportOptions): Promise<Exported> {
  const work = await mkdtemp(join(tmpdir(), "briefdeck-export-"));
  const cleanup = () => rm(work, { recursive: true, force: true });
  try {
    const deckPath = join(work, deckName);
    await writeFile(deckPath, bytes);
    opts.onProgress?.(`rendering ${deckName} with LibreOffice…`);
    const pdf = await renderPdf(deckPath, work);
    const outputs: Output[] = [];
    if (opts.pdf) outputs.push({ path: join(opts.outDir, basename(pdf)), from: pdf });
    if (opts.preview) {
      const dir = join(work, "preview");
      await mkdir(dir, { recursive: true });
      opts.onProgress?.("drawing slide pictures and the contact sheet…");
      const pages = await renderPages(pdf, dir);
      const sheet = join(dir, basename(pdf, ".pdf") + "-sheet.png");
      await composeContactSheet(pages, sheet);
      for (const f of [...pages, sheet]) outputs.push({ path: join(opts.outDir, "preview", basename(f)), from: f });
    }
    return { outputs, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
