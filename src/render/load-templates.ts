// Render stage: reads each layout's template (its module's <id>.hbs) and the partials in
// templates/partials/, an outline's own templates/ overriding them file by file; checks their syntax
// and compiles them into an environment.
import { readdirSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { DeckError } from "../errors.js";
import { builtInTemplate, fieldSpec, LAYOUT_MODULES, layoutModule } from "../layouts/index.js";
import { suggestion } from "../util/did-you-mean.js";
import { readSourceSync } from "../parse/read-source.js";
import { CompiledCache } from "./compiled-cache.js";
import { parseTemplate, type HandlebarsEnv, type TemplateFn } from "./handlebars-env.js";
import { templateError } from "./template-errors.js";
import { isInside } from "../util/inside-folder.js";

export const TEMPLATE_NAMES: readonly string[] = LAYOUT_MODULES.map((m) => m.id);

export interface TemplateSource { readonly name: string; readonly file: string; readonly text: string }
export interface TemplateSources { readonly layouts: readonly TemplateSource[]; readonly partials: readonly TemplateSource[] }
export interface Templates { readonly layouts: ReadonlyMap<string, { fn: TemplateFn; source: TemplateSource }> }

/** Where templates come from: a folder of overrides (the outline's templates/, or --templates) over the built-ins. */
export interface TemplateFolders {
  /** Overrides: each file here (<layout>.hbs, partials/<name>.hbs) replaces the built-in one; the rest stay built in. */
  readonly override?: string;
  /** Files read from the override folder must really be inside this one (its own folder, or the outline's). */
  readonly confine?: string;
  /** The built-ins: each layout's template file, and the folder of partials. */
  readonly builtIn: { readonly layout: (id: string) => string; readonly partials: string };
  /**
   * Files read by an earlier build of the session (watch mode), with their stamp (inode, size,
   * modified and changed times): a file whose stamp is the same is not read again.
   */
  readonly read?: Map<string, { readonly stamp: string; readonly text: string }>;
}

/**
 * Reads one template per layout and every partial: each from the override folder when it has the
 * file, else the built-in one. An override whose real path leaves its folder (a symlink) is refused.
 */
export async function readTemplates(folders: TemplateFolders): Promise<TemplateSources> {
  // Shown relative to the working folder in messages, like the outline.
  const shown = (file: string) => { const r = relative(process.cwd(), file); return r && !r.startsWith("..") ? r : file; };
  // Most outlines have no templates/ folder: then no file in it is looked for.
  const override = folders.override !== undefined && exists(folders.override) ? folders.override : undefined;
  const pick = (rel: string, builtIn: string): string => {
    if (override) {
      const file = join(override, rel);
      if (exists(file)) {
        if (folders.confine && !isInside(file, [folders.confine])) {
          throw new DeckError({
            code: "ASSET_OUTSIDE_PROJECT", pos: { file: shown(file), line: 1, col: 1, quote: false }, message: `the template "${shown(file)}" links outside the outline's folder`,
            hint: "copy the template into the folder instead of linking to it, or pass --allow-outside",
          });
        }
        return file;
      }
    }
    return builtIn;
  };
  const readKnown = (file: string): string => {
    const s = folders.read ? stampOf(file) : undefined;
    const known = s !== undefined ? folders.read?.get(file) : undefined;
    if (known && known.stamp === s) return known.text;
    const text = readSourceSync(file, "template", MAX_TEMPLATE_BYTES);
    if (s !== undefined) folders.read?.set(file, { stamp: s, text });
    return text;
  };
  const layouts = await Promise.all(TEMPLATE_NAMES.map(async (name) => {
    const file = shown(pick(`${name}.hbs`, folders.builtIn.layout(name)));
    if (!exists(file)) {
      throw new DeckError({
        code: "TEMPLATE_NOT_FOUND", pos: { file, line: 1, col: 1 }, message: `the template for the "${name}" layout is missing (${file})`,
        hint: `create ${file}; every layout needs one (see README, "Changing a template")`,
      });
    }
    return { name, file, text: readKnown(file) };
  }));
  const partialNames = [...new Set([...listDir(folders.builtIn.partials), ...(override ? listDir(join(override, "partials")) : [])])]
    .filter((f) => f.endsWith(".hbs")).sort();
  const partials = await Promise.all(partialNames.map(async (f) => {
    const file = shown(pick(join("partials", f), join(folders.builtIn.partials, f)));
    const text = readKnown(file);
    if (!text.trim()) {
      throw new DeckError({ code: "TEMPLATE_SYNTAX", pos: { file, line: 1, col: 1 }, message: `the partial "${f}" is empty, so whatever uses it would get blank text`, hint: "write its content, or delete the file to use the built-in one" });
    }
    return { name: basename(f, ".hbs"), file, text };
  }));
  return { layouts, partials };
}

/** A template is a page of markup, not data: 256 KiB is plenty. */
const MAX_TEMPLATE_BYTES = 256 * 1024;

/** Checks syntax (reporting file:line:col) and compiles every template into `hb`. */
export function compileTemplates(hb: HandlebarsEnv, sources: TemplateSources, cache: CompiledCache = new CompiledCache()): Templates {
  const check = (t: TemplateSource): void => {
    try {
      parseTemplate(t.text);
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
  // Every {{#field "name"}} a template writes, in a branch this outline renders or not, must be one
  // its layout places (a partial's, one that some layout places): a misspelt name never drops text.
  const anyLayout = [...new Set(LAYOUT_MODULES.flatMap((m) => { const f = fieldSpec(m); return [...f.required, ...f.optional]; }))];
  for (const t of sources.layouts) {
    const spec = fieldSpec(layoutModule(t.name));
    checkFieldNames(t, [...spec.required, ...spec.optional], `the "${t.name}" layout has no field`);
  }
  for (const p of sources.partials) checkFieldNames(p, anyLayout, "no layout has a field");
  return { layouts };
}

const FIELD_BLOCK = /\{\{~?#\s*field\s+"([^"]*)"/g;

function checkFieldNames(t: TemplateSource, known: readonly string[], says: string): void {
  // Comments are not template text: blanked, so positions stay.
  const text = t.text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (c) => c.replace(/[^\n]/g, " "));
  for (const m of text.matchAll(FIELD_BLOCK)) {
    const name = m[1]!;
    if (known.includes(name)) continue;
    const before = text.slice(0, m.index);
    const line = before.split("\n").length;
    const col = m.index! - before.lastIndexOf("\n");
    throw new DeckError({
      code: "TEMPLATE_FIELD_UNKNOWN", pos: { file: t.file, line, col },
      message: `${says} "${name}", so its text would not be placed`,
      hint: suggestion(name, known, "one of its fields"),
    });
  }
}

/** A file's stamp: it is the same file with the same content while this is the same (a write changes its ctime). */
function stampOf(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true, throwIfNoEntry: false });
    return s ? `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : undefined;
  } catch { return undefined; }
}

/** Whether `path` leads to something (a link is followed: one that leads nowhere is not there). Throws nothing. */
function exists(path: string): boolean {
  try { return statSync(path, { throwIfNoEntry: false }) !== undefined; } catch { return false; }
}

function listDir(dir: string): string[] {
  try { return readdirSync(dir); } catch { return []; }
}
