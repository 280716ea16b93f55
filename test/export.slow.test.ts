// --pdf and --preview: LibreOffice renders, sharp composes the contact sheet; a clear message when
// LibreOffice is missing.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { buildDeck } from "../src/build-deck.js";
import { tempDir } from "./_helpers/build.js";

describe("--pdf and --preview", () => {
  it("writes the PDF, one PNG per slide and a contact sheet", async () => {
    const dir = tempDir();
    const built = await buildDeck({ outline: "deck.yaml", outDir: dir, pdf: true, preview: true, audience: "executive" });
    const pdf = join(dir, "deck-executive.pdf");
    expect(built.extras).toContain(pdf);
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1])).toBe(built.slides);
    const pngs = readdirSync(join(dir, "preview")).filter((f) => /-\d+\.png$/.test(f));
    expect(pngs).toHaveLength(built.slides);
    const sheet = await sharp(join(dir, "preview", "deck-executive-sheet.png")).metadata();
    expect(sheet.width).toBeGreaterThan(1000);
    expect(sheet.height! / sheet.width!).toBeLessThan(1);
  });

  it("writes the PDF when the temporary folder is on another filesystem (a copy, not a rename)", () => {
    const out = tempDir();
    const tmp = execFileSync("mktemp", ["-d", "-p", "/dev/shm"], { encoding: "utf8" }).trim();
    const statFs = (p: string) => execFileSync("stat", ["-c", "%d", p], { encoding: "utf8" }).trim();
    expect(statFs(tmp)).not.toBe(statFs(out)); // really two filesystems
    const r = spawnSync(process.execPath, ["bin/briefdeck.js", "--pdf", "--audience", "executive", "--out", out], { encoding: "utf8", env: { ...process.env, TMPDIR: tmp } });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["deck-executive.pdf", "deck-executive.pptx"]);
  });

  it("says how to install LibreOffice when it is missing, and writes nothing (the run failed)", () => {
    const dir = tempDir();
    // A PATH holding node and nothing else: no soffice.
    const bin = tempDir("path-");
    symlinkSync(process.execPath, join(bin, "node"));
    const r = spawnSync(process.execPath, ["bin/briefdeck.js", "--pdf", "--out", dir], { encoding: "utf8", env: { ...process.env, PATH: bin } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("TOOL_MISSING");
    expect(r.stderr).toContain("apt-get install -y libreoffice-impress");
    expect(existsSync(join(dir, "deck.pptx"))).toBe(false);
  });
});
