// Export stage: --pdf and --preview for a written deck (LibreOffice, then pdftoppm and sharp).
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { composeContactSheet } from "../assets/contact-sheet.js";
import { renderPages, renderPdf } from "./render-pdf.js";

export interface ExportOptions {
  readonly outDir: string;
  readonly pdf?: boolean;
  readonly preview?: boolean;
  readonly onProgress?: (message: string) => void;
}

/** Writes the PDF (--pdf) and/or one PNG per slide plus a contact sheet (--preview); returns the files. */
export async function exportDeck(pptxPath: string, opts: ExportOptions): Promise<string[]> {
  const pdfDir = opts.pdf ? opts.outDir : await mkdtemp(join(tmpdir(), "briefdeck-"));
  const written: string[] = [];
  try {
    opts.onProgress?.(`rendering ${basename(pptxPath)} with LibreOffice…`);
    const pdf = await renderPdf(pptxPath, pdfDir);
    if (opts.pdf) written.push(pdf);
    if (opts.preview) {
      const dir = join(opts.outDir, "preview");
      await mkdir(dir, { recursive: true });
      opts.onProgress?.("drawing slide pictures and the contact sheet…");
      const pages = await renderPages(pdf, dir);
      const sheet = join(dir, basename(pdf, ".pdf") + "-sheet.png");
      await composeContactSheet(pages, sheet);
      written.push(...pages, sheet);
    }
  } finally {
    if (!opts.pdf) await rm(pdfDir, { recursive: true, force: true });
  }
  return written;
}
