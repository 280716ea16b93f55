// deck.schema.json is generated from the one outline schema, and editors validate deck.yaml with it.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { withLayoutTable } from "../src/layouts/docs.js";
import { LAYOUT_MODULES } from "../src/layouts/index.js";
import { outlineJsonSchema } from "../src/validate/outline-schema.js";

const committed = JSON.parse(readFileSync("deck.schema.json", "utf8")) as object;

describe("deck.schema.json", () => {
  it("is what the outline schema and the layout modules generate (run `npm run docs` after changing them)", () => {
    expect(committed).toEqual(outlineJsonSchema());
  });

  it("and README's table of layouts are generated from the layout modules", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toBe(withLayoutTable(readme));
    for (const m of LAYOUT_MODULES) expect(readme).toContain(`| \`${m.id}\` | ${m.summary} |`);
  });

  it("accepts the shipped outline and rejects unknown keys", () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(committed);
    const outline = parse(readFileSync("deck.yaml", "utf8")) as Record<string, unknown>;
    expect(validate(outline), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...outline, sectons: [] })).toBe(false);
  });

  it("is named by the shipped outline for the YAML language server", () => {
    expect(readFileSync("deck.yaml", "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=./deck.schema.json");
  });
});
