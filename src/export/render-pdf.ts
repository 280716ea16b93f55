// Export stage: the written deck -> PDF through LibreOffice, and PDF pages -> PNGs through pdftoppm.
// Loaded only for --pdf / --preview.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { DeckError } from "../errors.js";

const run = promisify(execFile);
const INSTALL = "apt-get install -y libreoffice-impress poppler-utils fonts-crosextra-carlito";

async function tool(name: string, args: string[], what: string): Promise<void> {
  try {
    await run(name, args, { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === "ENOENT";
    throw new DeckError({
      code: missing ? "TOOL_MISSING" : "EXPORT_FAILED", cause,
      message: missing ? `${what} needs "${name}", which is not installed` : `${name} failed while making the ${what}: ${(cause as Error).message.split("\n")[0]}`,
      hint: missing ? `install it with: ${INSTALL}` : "run the same command by hand to see LibreOffice's own message",
    });
  }
}

/** Converts a .pptx to a PDF in `work` (a private temporary folder); returns the PDF's path. */
export async function renderPdf(pptxPath: string, work: string): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), "briefdeck-lo-"));
  try {
    // A private profile per run: concurrent soffice processes otherwise share a lock and fail.
    await tool("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, pptxPath], "PDF");
    const made = join(work, basename(pptxPath).replace(/\.pptx$/i, ".pdf"));
    // soffice can exit 0 without writing anything: the file is the verdict.
    if (!(await stat(made).then((s) => s.size > 0, () => false))) {
      throw new DeckError({ code: "EXPORT_FAILED", message: `LibreOffice wrote no PDF for "${pptxPath}"`, hint: `check that LibreOffice Impress is installed: ${INSTALL}` });
    }
    return made;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** One PNG per PDF page in `dir` (name-01.png, …); returns their paths in page order. */
export async function renderPages(pdfPath: string, dir: string, dpi = 80): Promise<string[]> {
  const prefix = join(dir, basename(pdfPath, ".pdf"));
  await tool("pdftoppm", ["-r", String(dpi), "-png", pdfPath, prefix], "preview");
  const names = (await readdir(dir)).filter((f) => f.startsWith(basename(prefix) + "-") && /-\d+\.png$/.test(f)).sort();
  return names.map((f) => join(dir, f));
}
