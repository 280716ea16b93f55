// The parse stage reads a clean outline with js-yaml and finds positions with `yaml` only when a
// message needs one. The two parsers must read every outline the same: checked on every outline in
// the repository, on scalars where YAML schemas differ, and on thousands of random documents
// written in every style `yaml` can write. And a position looked up late is the one `yaml` gives.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parseDocument, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { parseYaml, readPlain, type PlainCache } from "../src/parse/parse-yaml.js";
import { generateOutline } from "../scripts/generate-outline.js";

/** What `yaml` alone reads (the positioned parser, as before the fast path). */
function slow(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, strict: true });
  expect(doc.errors, text).toEqual([]);
  return doc.toJS();
}

function outlinesIn(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...outlinesIn(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

describe("the fast parser", () => {
  it("reads every outline and theme in the repository as `yaml` does", () => {
    const files = ["deck.yaml", ...outlinesIn("test/fixtures")];
    expect(files.length).toBeGreaterThan(3);
    let fast = 0;
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      const data = readPlain(text);
      if (data === undefined) continue;
      fast++;
      expect(data, f).toEqual(slow(text));
    }
    expect(fast).toBeGreaterThan(3); // the shipped outline and the fixtures take the fast path
    expect(readPlain(readFileSync("deck.yaml", "utf8"))).toBeDefined();
  });

  it("reads a generated 300-slide outline as `yaml` does", () => {
    const text = generateOutline(300);
    expect(readPlain(text)).toEqual(slow(text));
  });

  it("resolves plain scalars by YAML 1.2's core schema, as `yaml` does", () => {
    const scalars = ["12", "012", "+12", "-0", "0o17", "0x1F", "0b101", "1_000", "1,000", "1.5", "1.", ".5", "-.5", "1e3", "1E-3", "2.5e+2",
      ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "~", "null", "Null", "NULL", "", "true", "True", "TRUE", "false", "yes", "no", "on", "off", "y", "n",
      "2024-03-01", "2024-03-01T10:00:00Z", "1:30", "12:30:00", "$1.2 bn", "1.2.3", "0.", "00", "-", "+", "9007199254740993", "1e400", "0xZZ", "'q'", "\"d\""];
    for (const s of scalars) {
      const text = `value: ${s}\nlist: [${s === "" ? "~" : s}]\n`;
      const data = readPlain(text);
      if (data !== undefined) expect(data, text).toEqual(slow(text));
    }
  });

  it("reads block, folded, quoted and flow styles as `yaml` does", () => {
    const text = [
      "literal: |", "  first line", "    indented", "", "  after a blank", "keep: |+", "  kept", "", "strip: >-", "  folded", "  lines", "", "  paragraph",
      "dq: \"tab\\there \\u00e9 \\x41 \\\\ \\\" end\"", "sq: 'it''s'", "plain: a plain", "  continued line", "flow: { a: 1, b: [x, 'y', \"z\"] }",
      "empty: ", "nested:", "  - - deep", "    - 2", "  - k: v", "unicode: Côte d’Ivoire — 東京 🇵🇰", "colon: a:b", "hash: a #comment", "url: https://example.org/a?b=c#d",
    ].join("\n");
    expect(readPlain(text)).toEqual(slow(text));
  });

  it("reads random documents in every style `yaml` writes as `yaml` does", () => {
    const key = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => k !== "__proto__");
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, tie("leaf"), fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(key, tie("node"), { maxKeys: 4 })),
      leaf: fc.oneof(fc.string(), fc.string({ unit: "grapheme", maxLength: 20 }), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)),
    })).node;
    const options = fc.record({
      defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED"),
      collectionStyle: fc.constantFrom("any", "block", "flow"),
      lineWidth: fc.constantFrom(0, 20, 80),
    }) as fc.Arbitrary<Parameters<typeof stringify>[2] & object>;
    let fast = 0;
    fc.assert(fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), options, (data, opts) => {
      const text = stringify(data, { ...opts, aliasDuplicateObjects: false });
      const read = readPlain(text);
      if (read === undefined) return;
      fast++;
      expect(read, text).toEqual(slow(text));
    }), { numRuns: 3000, seed: 16 });
    expect(fast).toBeGreaterThan(1500); // most documents take the fast path
  });

  it("leaves to `yaml` what only it can read right: aliases, directives, __proto__, duplicates, empty documents", () => {
    // Tabs and lone carriage returns: js-yaml accepts some that `yaml` (rightly) refuses, so a
    // mutated outline once passed the fast path and failed when its positions were looked up.
    const oddSpace = ["a: |\n  text\n\t\nb: 1\n", "a:\n  b: 1\n\r  c: 2\n", "a: x\u2028b: y\n", "a: 1\n\u0085b: 2\n"];
    for (const text of ["a: &x [1]\nb: *x\n", "%YAML 1.1\n---\na: yes\n", "__proto__: 1\n", "a: 1\na: 2\n", "", "# only a comment\n", "a: 1\n---\nb: 2\n", ...oddSpace]) {
      expect(readPlain(text), text).toBeUndefined();
    }
    // Where the fast path stands aside, the outline is still read (or refused) with positions.
    expect(parseYaml("a: &x [1]\nb: *x\n", "t.yaml").data).toEqual({ a: [1], b: [1] });
    expect(() => parseYaml("a: 1\na: 2\n", "t.yaml")).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ code: "YAML_SYNTAX" })] }));
  });

  it("counts values as the positioned parser does, and refuses past --max-values with a position", () => {
    const text = `list: [${Array.from({ length: 50 }, (_, i) => i).join(", ")}]\n`;
    expect(readPlain(text, { maxValues: 1000 })).toBeDefined();
    expect(readPlain(text, { maxValues: 20 })).toBeUndefined();
    expect(() => parseYaml(text, "t.yaml", { maxValues: 20 })).toThrow(/more than 20 values/);
  });
});

describe("positions found late", () => {
  const text = ["deck:", "  title: Ports", "sections:", "  - title: One", "    slides:", "      - layout: bullets", "        title: \"A long title\"", "        bullets: [first, second]"].join("\n");

  it("are the ones `yaml` gives, for values, keys and words inside a value", () => {
    const { sourceMap } = parseYaml(text, "deck.yaml");
    const pos = sourceMap.posOf(["sections", 0, "slides", 0, "title"]);
    expect(pos.file).toBe("deck.yaml");
    expect({ ...pos }).toMatchObject({ file: "deck.yaml", line: 7, col: 16 });
    expect(sourceMap.posOf(["sections", 0, "slides", 0, "title"], "key")).toMatchObject({ line: 7, col: 9 });
    expect(sourceMap.posOfText(["sections", 0, "slides", 0, "title"], "long")).toMatchObject({ line: 7, col: 19, length: 4 });
    expect(sourceMap.posOf(["sections", 0, "slides", 0, "bullets", 1])).toMatchObject({ line: 8, col: 26 });
    // A path that does not exist points at its nearest parent.
    expect(sourceMap.posOf(["sections", 0, "slides", 0, "caption"])).toMatchObject({ line: 6, col: 9 });
  });

  it("serialise and spread like plain positions", () => {
    const pos = parseYaml(text, "deck.yaml").sourceMap.posOf(["deck", "title"]);
    expect(JSON.parse(JSON.stringify(pos))).toMatchObject({ file: "deck.yaml", line: 2, col: 10 });
  });
});

describe("outlines read before", () => {
  const memory = () => {
    const kept = new Map<string, { values: number; data: unknown }>();
    const cache: PlainCache = { get: (t) => kept.get(t), set: (t, values, data) => { kept.set(t, { values, data: structuredClone(data) }); } };
    return { kept, cache };
  };

  it("keeps what the fast parser read, with its count of values, and reads it back instead of parsing", () => {
    const { kept, cache } = memory();
    const text = "deck:\n  title: One\nlist: [1, 2, .nan]\n";
    expect(parseYaml(text, "deck.yaml", undefined, cache).data).toEqual({ deck: { title: "One" }, list: [1, 2, NaN] });
    expect(kept.get(text)).toEqual({ values: 10, data: { deck: { title: "One" }, list: [1, 2, NaN] } });
    kept.set(text, { values: 10, data: { deck: { title: "Kept" } } });
    expect(parseYaml(text, "deck.yaml", undefined, cache).data).toEqual({ deck: { title: "Kept" } });
    // Positions still come from the text.
    expect(parseYaml(text, "deck.yaml", undefined, cache).sourceMap.posOf(["deck", "title"])).toMatchObject({ line: 2, col: 10 });
  });

  it("keeps nothing the positioned parser read, and takes nothing past --max-values", () => {
    const { kept, cache } = memory();
    parseYaml("a: &x [1, 2]\nb: *x\n", "deck.yaml", undefined, cache);
    expect(kept.size).toBe(0);
    const text = "list: [1, 2, 3, 4]\n";
    parseYaml(text, "deck.yaml", undefined, cache);
    const values = kept.get(text)!.values;
    expect(values).toBeGreaterThan(5);
    expect(parseYaml(text, "deck.yaml", { maxValues: values }, cache).data).toEqual({ list: [1, 2, 3, 4] });
    expect(() => parseYaml(text, "deck.yaml", { maxValues: values - 1 }, cache)).toThrow(`more than ${values - 1} values`);
  });
});
