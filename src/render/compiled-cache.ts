// Render stage: a disk cache of precompiled templates (templates.json in the per-user cache folder,
// never beside an outline). Compiling Handlebars source is most of the cold cost of rendering (about
// 2 ms per template); loading a precompiled one is a twentieth of that. Entries are keyed by a hash of
// the Handlebars version, the compile options and the source, so an edited template simply misses.
// A precompiled template is code: the file is used only when this user alone could have written it
// (readPrivateCacheFile); this is the one place the project evaluates generated code.
import { createHash } from "node:crypto";
import { readPrivateCacheFile, writePrivateCacheFile } from "../util/cache-dir.js";
import { COMPILE_OPTIONS, type HandlebarsEnv, type TemplateFn } from "./handlebars-env.js";

/** Most entries kept; older ones are dropped when the file is rewritten. */
const MAX_ENTRIES = 4000;

export class CompiledCache {
  private readonly specs = new Map<string, string>();
  private added = 0;

  constructor(private readonly file?: string) {
    if (!file) return;
    const bytes = readPrivateCacheFile(file);
    if (!bytes) return;
    try {
      const stored = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
      for (const [k, v] of Object.entries(stored)) if (typeof v === "string") this.specs.set(k, v);
    } catch { /* unreadable: start empty */ }
  }

  /** The compiled template for `source`; `check` runs only when it must be compiled (syntax errors). */
  compile(hb: HandlebarsEnv, source: string, check: () => void): TemplateFn {
    const key = createHash("sha1").update(`${hb.VERSION}|${JSON.stringify(COMPILE_OPTIONS)}|${source}`).digest("base64url");
    let spec = this.specs.get(key);
    if (spec === undefined) {
      check();
      spec = String(hb.precompile(source, COMPILE_OPTIONS));
      this.specs.set(key, spec);
      this.added++;
    }
    // The same evaluation Handlebars' own compile() performs on the code it generates.
    return hb.template(new Function(`return ${spec}`)() as TemplateSpecification);
  }

  /** Writes new entries back (atomically); a cache that cannot be written is simply not kept. */
  save(): void {
    if (!this.file || this.added === 0) return;
    const entries = [...this.specs].slice(-MAX_ENTRIES);
    if (writePrivateCacheFile(this.file, JSON.stringify(Object.fromEntries(entries)))) this.added = 0;
  }
}

type TemplateSpecification = Parameters<HandlebarsEnv["template"]>[0];
