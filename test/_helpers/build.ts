// Test helper: build outlines in-process into temporary folders.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDeck, type BuildOptions, type BuildResult } from "../../src/build-deck.js";

export function tempDir(prefix = "briefdeck-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `yaml` to a temporary outline and builds it. */
export async function buildYaml(yaml: string, extra: Partial<BuildOptions> = {}): Promise<BuildResult & { dir: string; outline: string }> {
  const dir = tempDir();
  const outline = join(dir, "deck.yaml");
  writeFileSync(outline, yaml);
  const result = await buildDeck({ outline, outDir: join(dir, "out"), ...extra });
  return { ...result, dir, outline };
}

/** Runs a build that must fail; returns the user errors it raised. */
export async function buildErrors(yaml: string, extra: Partial<BuildOptions> = {}) {
  try {
    await buildYaml(yaml, extra);
  } catch (err) {
    const { userErrorsOf } = await import("../../src/errors.js");
    const errors = userErrorsOf(err);
    if (errors) return errors;
    throw err;
  }
  throw new Error("expected the build to fail");
}
