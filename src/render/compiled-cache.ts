// Render stage: a disk cache of precompiled templates in the per-user cache folder (never beside an
// outline). Compiling Handlebars source is most of the cold cost of rendering (about 2 ms per
// template); loading a precompiled one is a twentieth of that. Three kinds of file:
// - templates.json: every precompiled template (layouts, partials, outline strings that cite
//   figures), keyed by a hash of the Handlebars version, the compile options and the source, so an
//   edited template simply misses;
// - templates/<inputs>.js: the ones a build of the same inputs (the outline's text and its
//   templates) used, as one piece of code: a rebuild reads that one file and evaluates it once,
//   instead of reading every entry and evaluating each template (37 on the shipped deck);
// - templates/<code>.v8: V8's code cache for a set, named by a hash of the set's code, made after
//   the templates ran, so a rebuild runs them without compiling them again (6 ms of the render).
// A precompiled template is code, and so is a code cache (V8 checks only that the source it was
// made for had the same length): a file is used only when this user alone could have written it
// (readPrivateCacheFile); this is the one place the project evaluates generated code.
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import { pruneCacheFolder, readPrivateCacheFile, writePrivateCacheFile } from "../util/cache-dir.js";
import { COMPILE_OPTIONS, precompileTemplate, type HandlebarsEnv, type TemplateFn, type TemplateSpecification } from "./handlebars-env.js";

/** Most entries kept; older ones are dropped when the file is rewritten. */
const MAX_ENTRIES = 4000;
/** Most files in templates/ (a set per outline and templates built, and its code cache); past this, the least recently written quarter goes. */
const MAX_SET_FILES = 400;

export class CompiledCache {
  /** templates.json, read when a template is not in the build's set. */
  private entries?: Map<string, string>;
  private added = 0;
  /**
   * The set for this build's inputs: its file and its templates evaluated (empty when it had none);
   * while its code cache is still to be written, the script and the cache's file.
   */
  private set?: { readonly file: string; readonly specs: Map<string, TemplateSpecification>; uncached?: { readonly script: Script; readonly file: string } };
  /** Templates this build used that its set lacks: the set is written again with them. */
  private missed = new Set<string>();

  /** `file` is templates.json; the sets are kept in the folder beside it. */
  constructor(private readonly file?: string) {}

  /**
   * Starts a build whose inputs (the outline's text, its templates) are `inputs`: the set kept by
   * the last build of the same inputs is read and evaluated in one go.
   */
  begin(inputs: string): void {
    if (!this.file) return;
    const file = join(dirname(this.file), "templates", `${createHash("sha1").update(inputs).digest("base64url")}.js`);
    if (this.set?.file === file) return;
    const specs = new Map<string, TemplateSpecification>();
    this.set = { file, specs };
    this.missed = new Set();
    const code = readPrivateCacheFile(file)?.toString("utf8");
    if (code === undefined) return;
    try {
      const cacheFile = join(dirname(file), `${createHash("sha1").update(code).digest("base64url")}.v8`);
      const cachedData = readPrivateCacheFile(cacheFile);
      const script = new Script(`(function () {\n${code}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
      // The same evaluation Handlebars' own compile() performs on the code it generates.
      const stored = (script.runInThisContext() as () => unknown)();
      if (stored !== null && typeof stored === "object") for (const [k, v] of Object.entries(stored)) if (v !== null && typeof v === "object") specs.set(k, v as TemplateSpecification);
      if (!cachedData || script.cachedDataRejected) this.set.uncached = { script, file: cacheFile };
    } catch { /* unreadable: every template misses the set */ }
  }

  /** The compiled template for `source`; `check` runs only when it must be compiled (syntax errors). */
  compile(hb: HandlebarsEnv, source: string, check: () => void): TemplateFn {
    const key = createHash("sha1").update(`${hb.VERSION}|${JSON.stringify(COMPILE_OPTIONS)}|${source}`).digest("base64url");
    const inSet = this.set?.specs.get(key);
    if (inSet !== undefined) return hb.template(inSet);
    const entries = this.readEntries();
    let spec = entries.get(key);
    if (spec === undefined) {
      check();
      spec = precompileTemplate(source);
      entries.set(key, spec);
      this.added++;
    }
    // The same evaluation Handlebars' own compile() performs on the code it generates.
    const evaluated = new Function(`return ${spec}`)() as TemplateSpecification;
    if (this.set) {
      this.set.specs.set(key, evaluated);
      this.missed.add(key);
    }
    return hb.template(evaluated);
  }

  /** Writes new entries and the build's set back (atomically); a cache that cannot be written is simply not kept. */
  save(): void {
    if (!this.file) return;
    if (this.added > 0) {
      const kept = [...this.readEntries()].slice(-MAX_ENTRIES);
      if (writePrivateCacheFile(this.file, JSON.stringify(Object.fromEntries(kept)))) this.added = 0;
    }
    // Made once the templates have run, so their compiled code is in it; a set written again below gets its own.
    if (this.set?.uncached && this.missed.size === 0) {
      if (writePrivateCacheFile(this.set.uncached.file, this.set.uncached.script.createCachedData())) pruneCacheFolder(dirname(this.set.file), MAX_SET_FILES);
      this.set.uncached = undefined;
    }
    if (this.set && this.missed.size > 0) {
      // The set is the union of what builds of these inputs used (each audience of an outline uses some).
      const entries = this.readEntries();
      const keys = [...this.set.specs.keys()].filter((k) => entries.has(k));
      const code = `return {${keys.map((k) => `${JSON.stringify(k)}: ${entries.get(k)!}`).join(",\n")}};\n`;
      if (writePrivateCacheFile(this.set.file, code)) pruneCacheFolder(dirname(this.set.file), MAX_SET_FILES);
      this.missed = new Set();
    }
  }

  private readEntries(): Map<string, string> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    const bytes = this.file ? readPrivateCacheFile(this.file) : undefined;
    if (!bytes) return this.entries;
    try {
      const stored = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
      for (const [k, v] of Object.entries(stored)) if (typeof v === "string") this.entries.set(k, v);
    } catch { /* unreadable: start empty */ }
    return this.entries;
  }
}
