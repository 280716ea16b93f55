// Render stage: reads templates/*.hbs (one per layout) and templates/partials/*.hbs, checks their
// syntax and compiles them into an environment.
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { DeckError } from "../errors.js";
import { LAYOUTS } from "../validate/outline-schema.js";
import { readSource } from "../parse/read-source.js";
import { CompiledCache } from "./compiled-cache.js";
import type { HandlebarsEnv, TemplateFn } from "./handlebars-env.js";
import { templateError } from "./template-errors.js";

export const TEMPLATE_NAMES = [...LAYOUTS, "section"] as const;

export interface TemplateSource { readonly name: string; readonly file: string; readonly text: string }
export interface TemplateSources { readonly layouts: readonly TemplateSource[]; readonly partials: readonly TemplateSource[] }
export interface Templates { readonly layouts: ReadonlyMap<string, { fn: TemplateFn; source: TemplateSource }> }

export async function readTemplates(dir: string): Promise<TemplateSources> {
  const names = new Set(listDir(dir));
  const layouts = await Promise.all(TEMPLATE_NAMES.map(async (name) => {
    const file = join(dir, `${name}.hbs`);
    if (!names.has(`${name}.hbs`)) {
      throw new DeckError({
        code: "TEMPLATE_NOT_FOUND", pos: { file, line: 1, col: 1 }, message: `the template for the "${name}" layout is missing (${file})`,
        hint: `create ${file}; every layout needs one (see README, "Changing a template")`,
      });
    }
    return { name, file, text: await readSource(file, "template") };
  }));
  const partialDir = join(dir, "partials");
  const partialFiles = listDir(partialDir).filter((f) => f.endsWith(".hbs")).sort();
  const partials = await Promise.all(partialFiles.map(async (f) => {
    const file = join(partialDir, f);
    return { name: basename(f, ".hbs"), file, text: await readSource(file, "template") };
  }));
  return { layouts, partials };
}

/** Checks syntax (reporting file:line:col) and compiles every template into `hb`. */
export function compileTemplates(hb: HandlebarsEnv, sources: TemplateSources, cache: CompiledCache = new CompiledCache()): Templates {
  const check = (t: TemplateSource): void => {
    try {
      hb.parse(t.text);
    } catch (err) {
      throw templateError(err, t.text, (loc) => ({ file: t.file, ...loc }), t.file);
    }
  };
  for (const p of sources.partials) {
    const fn = cache.compile(hb, p.text, () => check(p));
    // A failure inside a partial is reported in the partial's own file, not the layout that used it.
    const located: TemplateFn = (context, options) => {
      try {
        // Fields written by the partial are located in the partial's own file.
        return fn(context, { ...options, data: { ...options?.data, templateFile: p.file } });
      } catch (err) {
        throw templateError(err, p.text, (loc) => ({ file: p.file, ...loc }), p.file);
      }
    };
    hb.registerPartial(p.name, located);
  }
  const layouts = new Map<string, { fn: TemplateFn; source: TemplateSource }>();
  for (const t of sources.layouts) layouts.set(t.name, { fn: cache.compile(hb, t.text, () => check(t)), source: t });
  return { layouts };
}

function listDir(dir: string): string[] {
  try { return readdirSync(dir); } catch { return []; }
}
