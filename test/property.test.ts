// Property-based: thousands of random outlines, valid and broken, with Unicode of every kind.
// Every run writes a deck or raises located user errors; none ends in an uncaught exception.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { buildDeck } from "../src/build-deck.js";
import { userErrorsOf } from "../src/errors.js";
import { tempDir } from "./_helpers/build.js";

const shipped = readFileSync("deck.yaml", "utf8");
const dir = tempDir("prop-");
const outline = join(dir, "deck.yaml");

/** Builds `text`; returns "ok" or the errors, failing the property on anything that is not a located user error. */
async function outcome(text: string, checkOnly: boolean): Promise<"ok" | "errors"> {
  writeFileSync(outline, text);
  try {
    await buildDeck({ outline, outDir: join(dir, "out"), checkOnly });
    return "ok";
  } catch (err) {
    const errors = userErrorsOf(err);
    if (!errors) throw err;
    for (const e of errors) {
      expect(e.code).toMatch(/^[A-Z0-9_]+$/);
      expect(e.info.pos, `${e.code}: ${e.message}`).toBeDefined();
      expect(e.info.pos!.line).toBeGreaterThanOrEqual(1);
      expect(e.info.pos!.col).toBeGreaterThanOrEqual(1);
      expect(e.info.hint, `${e.code} has a hint`).toBeTruthy();
    }
    return "errors";
  }
}

const lines = shipped.split("\n");
const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.constantFrom("&<>\"'", "\u000b\u000c\u0000", "🚆🛢️", "پاکستان", "Россия", "{{", "}}", "{{fig \"x\"}}", ": ", "- ", "\t", "*a", "&a", "!!binary"));

/** Small edits a person might make by mistake, applied to the shipped outline. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(lines.length - 1), text: anyText }),
  fc.record({ kind: fc.constant("indent" as const), at: fc.nat(lines.length - 1), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(lines.length - 1), text: anyText }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(edits: readonly Mutation[]): string {
  const out = [...lines];
  for (const e of edits) {
    const at = Math.min(e.at, out.length - 1);
    if (e.kind === "delete") out.splice(at, 1);
    else if (e.kind === "duplicate") out.splice(at, 0, out[at] ?? "");
    else if (e.kind === "insert") out.splice(at, 0, e.text);
    else if (e.kind === "indent") out[at] = e.by > 0 ? " ".repeat(e.by) + out[at] : (out[at] ?? "").slice(-e.by);
    else {
      const line = out[at] ?? "";
      const colon = line.indexOf(": ");
      out[at] = colon > 0 ? `${line.slice(0, colon + 2)}${JSON.stringify(e.text)}` : e.text;
    }
  }
  return out.join("\n");
}

/** Structured outlines: any layout, fields present or not, text of any kind. */
const slide = fc.record({
  layout: fc.constantFrom("title", "agenda", "bullets", "two-columns", "key-figures", "timeline", "quote", "chart", "table", "takeaways", "sources", "nope"),
  title: anyText, notes: anyText,
  bullets: fc.option(fc.array(anyText, { maxLength: 9 }), { nil: undefined }),
  quote: fc.option(anyText, { nil: undefined }),
  milestones: fc.option(fc.array(fc.record({ date: anyText, label: anyText }), { maxLength: 7 }), { nil: undefined }),
  columns: fc.option(fc.array(anyText, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  rows: fc.option(fc.array(fc.array(anyText, { minLength: 1, maxLength: 3 }), { maxLength: 4 }), { nil: undefined }),
  chart: fc.option(fc.record({ title: anyText, figures: fc.array(fc.constantFrom("a", "b", "zz"), { maxLength: 3 }) }), { nil: undefined }),
  takeaways: fc.option(fc.array(fc.record({ point: anyText, support: anyText }), { maxLength: 5 }), { nil: undefined }),
}, { requiredKeys: ["layout"] });
const structured = fc.record({
  deck: fc.record({ title: anyText, author: anyText, date: fc.constantFrom("2026-01-15", "2026-13-45", "yesterday"), source: fc.record({ title: anyText }) }),
  figures: fc.constant({
    a: { value: 3, scale: "billion", unit: "USD", period: "2023", label: "A", source: "s" },
    b: { value: 7, scale: "billion", unit: "USD", period: "2024", label: "B", source: "s" },
  }),
  sections: fc.array(fc.record({ id: fc.constantFrom("s", "t", "S!"), title: anyText, notes: anyText, divider: fc.boolean(), slides: fc.array(slide, { maxLength: 4 }) }), { minLength: 1, maxLength: 3 }),
});

/** Outlines of the right shape with arbitrary (non-empty) text: most of them must build. */
const text1 = fc.oneof(fc.string({ minLength: 1, maxLength: 120 }), fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }), fc.constantFrom("پاکستان اور روس", "Россия и Пакистан", "A & B <c> \"d\"", "🚆 rail"));
const validSlide = fc.oneof(
  fc.record({ layout: fc.constant("bullets"), title: text1, notes: text1, bullets: fc.array(text1, { minLength: 1, maxLength: 8 }) }),
  fc.record({ layout: fc.constant("quote"), title: text1, notes: text1, quote: text1 }),
  fc.record({ layout: fc.constant("timeline"), title: text1, notes: text1, milestones: fc.array(fc.record({ date: text1, label: text1 }), { minLength: 2, maxLength: 6 }) }),
  fc.record({ layout: fc.constant("table"), title: text1, notes: text1, columns: fc.constant(["A", "B"]), rows: fc.array(fc.tuple(text1, text1), { minLength: 1, maxLength: 5 }) }),
  fc.record({ layout: fc.constant("takeaways"), title: text1, notes: text1, takeaways: fc.array(fc.record({ point: text1, support: text1 }), { minLength: 1, maxLength: 4 }) }),
);
const wellShaped = fc.record({
  deck: fc.record({ title: text1, author: text1, date: fc.constant("2026-01-15"), source: fc.record({ title: text1 }) }),
  sections: fc.array(fc.record({ id: fc.constantFrom("s1", "s2"), title: text1, notes: text1, slides: fc.array(validSlide, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 1 }),
});

describe("random outlines", () => {
  it("mutated shipped outlines: a deck or located errors, never a crash", async () => {
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (edits) => {
      await outcome(apply(edits), true);
    }), { numRuns: 1200 });
  });

  it("structured random outlines with Unicode of every kind: a deck or located errors", async () => {
    await fc.assert(fc.asyncProperty(structured, async (o) => {
      await outcome(stringify(o), true);
    }), { numRuns: 1200 });
  });

  it("well-shaped outlines with arbitrary text: mostly decks, the rest located errors", async () => {
    let decks = 0;
    await fc.assert(fc.asyncProperty(wellShaped, async (o) => {
      if ((await outcome(stringify(o), true)) === "ok") decks++;
    }), { numRuns: 400 });
    expect(decks).toBeGreaterThan(200);
  });

  it("writes real decks for a sample of them", async () => {
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 2 }), async (edits) => {
      await outcome(apply(edits), false);
    }), { numRuns: 60 });
  });
});
