// Render stage: every text value written in the outline is itself a small Handlebars template
// (so it can cite figures with {{fig "id"}}). This renders them, reporting errors at deck.yaml:line:col.
import type { DataPath, SourceMap } from "../model/source-map.js";
import { CompiledCache } from "./compiled-cache.js";
import { parseTemplate, type HandlebarsEnv, type TemplateFn } from "./handlebars-env.js";
import { templateError, type TemplateLoc } from "./template-errors.js";

/** Keys whose values are names or ids, not text. */
const NOT_TEXT = new Set(["layout", "id", "tags", "figure", "kind", "theme", "cover", "url", "$schema", "citations", "doc", "locator"]);

export class OutlineRenderer {
  /**
   * `cache` holds compiled outline strings; pass one that outlives this renderer to reuse them.
   * `compiled` is the precompiled-template cache on disk.
   */
  constructor(private readonly hb: HandlebarsEnv, private readonly map: SourceMap, private readonly cache = new Map<string, TemplateFn>(),
    private readonly compiled = new CompiledCache()) {}

  /** Renders one outline string; text without "{{" is returned as it is. `cited` collects the figures it cites. */
  text(text: string, path: DataPath, context: object, cited?: Set<string>): string {
    if (!text.includes("{{")) return text;
    try {
      let fn = this.cache.get(text);
      if (!fn) {
        fn = this.compiled.compile(this.hb, text, () => parseTemplate(text));
        this.cache.set(text, fn);
      }
      return fn(context, cited ? { data: { cited } } : undefined);
    } catch (err) {
      throw templateError(err, text, (loc) => this.locate(text, path, loc), "the outline text");
    }
  }

  /** Renders every text value inside `value` (a slide, a section, deck metadata). */
  deep<T>(value: T, path: DataPath, context: object, cited?: Set<string>): T {
    if (typeof value === "string") return this.text(value, path, context, cited) as T;
    if (Array.isArray(value)) {
      if (path[path.length - 1] === "figures" && value.every((v) => typeof v === "string")) return value;
      return value.map((v, i) => this.deep(v, [...path, i], context, cited)) as T;
    }
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = NOT_TEXT.has(k) ? v : this.deep(v, [...path, k], context, cited);
      return out as T;
    }
    return value;
  }

  private locate(text: string, path: DataPath, loc: TemplateLoc) {
    const line = text.split("\n")[loc.line - 1] ?? "";
    const rest = line.slice(Math.max(0, loc.col - 1));
    const start = rest.startsWith("{{") ? rest : line.slice(Math.max(0, line.lastIndexOf("{{", loc.col - 1)));
    const end = start.indexOf("}}");
    const needle = end >= 0 ? start.slice(0, end + 2) : start;
    return this.map.posOfText(path, needle || text.slice(0, 20));
  }
}
