// Validate stage: turns the schema library's issues into located DeckErrors with hints.
import type { z } from "zod";
import { DeckError } from "../errors.js";
import type { DataPath, SourceMap } from "../model/source-map.js";
import { suggestion } from "../util/did-you-mean.js";

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

export function explainIssue(issue: Issue, root: AnySchema, data: unknown, map: SourceMap): DeckError[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const value = valueAt(data, path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = keysOf(schemaAt(root, data, path), valueAt(data, path));
      const here = valueAt(data, path);
      return issue.keys.map((key) => {
        // `{ title: Trade, 2025, figures: [a] }`: in a flow mapping a comma ends the text before it,
        // and what follows reads as a key with no value.
        const cut = here !== null && typeof here === "object" && (here as Record<string, unknown>)[key] === null;
        const keys = allowed.length ? suggestion(key, allowed, "one of the keys") : "remove it";
        return new DeckError({
          code: "OUTLINE_UNKNOWN_KEY", pos: map.posOf([...path, key], "key"),
          message: `unknown key "${key}"${where(path)}`,
          hint: cut ? `if "${key}" belongs to the text before it, put that text in quotes: inside { … } a comma ends a value; otherwise ${keys}` : keys,
        });
      });
    }
    case "invalid_union": {
      if ("discriminator" in issue && issue.discriminator === "layout") {
        const options = (issue as { options?: unknown[] }).options?.map(String) ?? [];
        const got = valueAt(data, path);
        return [new DeckError({
          code: "UNKNOWN_LAYOUT", pos: map.posOf(path),
          message: got === undefined ? `the slide has no "layout"` : `unknown layout "${String(got)}"`,
          hint: got === undefined ? `add a layout: ${options.join(", ")}` : suggestion(String(got), options, "one of the layouts"),
        })];
      }
      return [new DeckError({
        code: "OUTLINE_TYPE", pos: map.posOf(path),
        message: `${describe(value)} is not allowed${where(path)}`,
        hint: "write either plain text or a mapping with the expected keys (see deck.schema.json)",
      })];
    }
    case "invalid_type": {
      if (value === undefined) {
        return [new DeckError({
          code: "OUTLINE_MISSING", pos: map.posOf(path.slice(0, -1)),
          message: `"${String(path[path.length - 1])}" is missing${where(path.slice(0, -1))}`,
          hint: `add \`${String(path[path.length - 1])}:\` with ${article(issue.expected)} value`,
        })];
      }
      return [new DeckError({
        code: "OUTLINE_TYPE", pos: map.posOf(path),
        message: `${describe(value)} should be ${article(issue.expected)}${where(path)}`,
        hint: issue.expected === "string" ? "write text here (in quotes if it contains a colon, # or braces)" : `write ${article(issue.expected)} here`,
      })];
    }
    case "invalid_value": {
      const options = issue.values.map(String);
      return [new DeckError({
        code: "OUTLINE_TYPE", pos: map.posOf(path),
        message: `${describe(value)} is not a valid value${where(path)}`,
        hint: suggestion(String(value), options, "one of"),
      })];
    }
    case "too_big":
    case "too_small": {
      const many = issue.code === "too_big";
      const limit = String(many ? issue.maximum : issue.minimum);
      const what = issue.origin === "string" ? `${limit} characters` : `${limit} item${limit === "1" ? "" : "s"}`;
      return [new DeckError({
        code: "OUTLINE_SHAPE", pos: map.posOf(path),
        message: `${describe(value)}${where(path)} has ${many ? "more" : "fewer"} than ${issue.origin === "string" && !many ? "1 character" : what}`,
        hint: shapeHint(issue),
      })];
    }
    case "invalid_format":
      return [new DeckError({
        code: "OUTLINE_TYPE", pos: map.posOf(path),
        message: `${describe(value)}${where(path)} is not in the expected form`,
        hint: issue.message,
      })];
    default:
      return [new DeckError({
        code: "OUTLINE_SHAPE", pos: map.posOf(path),
        message: `${describe(value)}${where(path)}: ${issue.message.replace(/^Invalid input: /, "").toLowerCase()}`,
        hint: shapeHint(issue),
      })];
  }
}

function shapeHint(issue: Issue): string {
  if (issue.code === "too_small") return issue.origin === "string" ? "write some text here" : `give at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? "" : "s"}`;
  if (issue.code === "too_big") return issue.origin === "string" ? `shorten it to at most ${String(issue.maximum)} characters` : `give at most ${String(issue.maximum)} items; split the rest onto another slide`;
  if (issue.code === "invalid_format") return issue.message;
  return "see deck.schema.json for the expected shape";
}

function where(path: DataPath): string {
  return path.length ? ` at ${path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("").replace(/^\./, "")}` : "";
}

/** Schema type names in the words of YAML and of the outline. */
const YAML_WORDS: Readonly<Record<string, string>> = { object: "mapping", array: "list", string: "text", boolean: "true or false" };

function article(type: string): string {
  const word = YAML_WORDS[type] ?? type;
  return word === "true or false" ? word : /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") return `"${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return String(value);
}

function valueAt(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const p of path) v = v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** Walks the schema along a data path, choosing union members by the data, to list allowed keys. */
function schemaAt(schema: AnySchema | undefined, data: unknown, path: DataPath): AnySchema | undefined {
  let s = unwrap(schema, data);
  let v = data;
  for (const step of path) {
    if (!s) return undefined;
    const def = s._zod.def as unknown as Record<string, unknown>;
    v = v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[step] : undefined;
    if (def["type"] === "object") s = (def["shape"] as Record<string, AnySchema>)[String(step)];
    else if (def["type"] === "array") s = def["element"] as AnySchema;
    else if (def["type"] === "record") s = def["valueType"] as AnySchema;
    else return undefined;
    s = unwrap(s, v);
  }
  return s;
}

function unwrap(schema: AnySchema | undefined, value: unknown): AnySchema | undefined {
  let s = schema;
  for (let i = 0; s && i < 8; i++) {
    const def = s._zod.def as unknown as Record<string, unknown>;
    if (def["type"] === "optional" || def["type"] === "default" || def["type"] === "nullable") s = def["innerType"] as AnySchema;
    else if (def["type"] === "union") s = pickOption(def["options"] as AnySchema[], value, def["discriminator"] as string | undefined);
    else break;
  }
  return s;
}

function pickOption(options: AnySchema[], value: unknown, discriminator?: string): AnySchema | undefined {
  const objects = options.filter((o) => (o._zod.def as unknown as Record<string, unknown>)["type"] === "object");
  if (discriminator && value && typeof value === "object") {
    const want = (value as Record<string, unknown>)[discriminator];
    return objects.find((o) => {
      const field = ((o._zod.def as unknown as Record<string, unknown>)["shape"] as Record<string, AnySchema>)[discriminator];
      return (field?._zod.def as unknown as { values?: unknown[] } | undefined)?.values?.includes(want);
    });
  }
  return objects[0];
}

function keysOf(schema: AnySchema | undefined, _value: unknown): string[] {
  const def = schema?._zod.def as unknown as Record<string, unknown> | undefined;
  return def?.["type"] === "object" ? Object.keys(def["shape"] as object) : [];
}
