// The layout modules as the pipeline reads them: the registry's table, each module's template file
// and the text fields its template must write (its own and its frame's).
import { join } from "node:path";
import { projectRoot } from "../util/project-root.js";
import type { Frame, LayoutModule } from "./layout-module.js";
import * as registry from "./registry.js";

export type { LayoutModule, Page } from "./layout-module.js";

/** Every layout module, by id (a module namespace's own key order differs between runtimes). */
export const LAYOUT_MODULES: readonly LayoutModule[] = Object.values(registry).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** A layout id, written in outlines as `layout:` (and "section" for dividers). */
export type LayoutId = (typeof registry)[keyof typeof registry]["id"];

const BY_ID = new Map<string, LayoutModule>(LAYOUT_MODULES.map((m) => [m.id, m]));

export function layoutModule(id: string): LayoutModule {
  const m = BY_ID.get(id);
  if (!m) throw new Error(`no layout module "${id}"`);
  return m;
}

/** The built-in template of a layout: src/layouts/<id>/<id>.hbs. */
export function builtInTemplate(id: string): string {
  return join(projectRoot(), "src", "layouts", id, `${id}.hbs`);
}

/** Text fields every slide of a frame has; the frame's own are placed by layout/frame.ts. */
const FRAME_FIELDS: Readonly<Record<Frame, { required: readonly string[]; optional: readonly string[] }>> = {
  content: { required: ["title", "notes"], optional: ["kicker", "source", "footer"] },
  cover: { required: ["title", "notes"], optional: [] },
  divider: { required: ["title", "notes"], optional: ["footer"] },
};

export interface FieldSpec {
  /** Fields the layout cannot do without. */
  readonly required: readonly string[];
  /** Fields it places when present. */
  readonly optional: readonly string[];
}

/** The fields a layout's template writes: a misspelt one is an error, a missing required one too. */
export function fieldSpec(m: LayoutModule): FieldSpec {
  const frame = FRAME_FIELDS[m.frame];
  return { required: [...frame.required, ...m.fields.required], optional: [...frame.optional, ...(m.fields.optional ?? [])] };
}
