// The shipped outline on organisation templates of three origins and sizes, checked with the shared
// tools: pptx-check (package, XML, schema, geometry) and pptx-overlap (text that collides or leaves
// the slide as PowerPoint shows it) report nothing, whatever the template's own state.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDeck } from "../src/build-deck.js";
import { tempDir } from "./_helpers/build.js";
import { messyTemplate, powerPointTemplate } from "./_helpers/templates.js";

const TOOLS = join("..", "shared", "tools");

describe("decks on organisation templates, checked with the shared tools", () => {
  for (const [name, file] of [["Blue Curve", () => "test/fixtures/templates/blue-curve.pptx"], ["Metropolis", () => "test/fixtures/templates/metropolis.pptx"], ["PowerPoint's default", powerPointTemplate], ["a messy one (repeated ids, AlternateContent, an embedded font)", messyTemplate]] as const) {
    it(`${name}: pptx-check and pptx-overlap report 0 problems`, async () => {
      const built = await buildDeck({ outline: "deck.yaml", outDir: tempDir(), template: file() });
      const check = execFileSync(join(TOOLS, "pptx-check"), [built.path!], { encoding: "utf8" });
      expect(check).toMatch(/: 0 problems\s*$/);
      const overlap = execFileSync(join(TOOLS, "pptx-overlap"), [built.path!], { encoding: "utf8" });
      expect(overlap).toMatch(/: 0 problems on 0 slides\s*$/);
    }, 240_000);
  }
});
