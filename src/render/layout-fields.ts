// Render stage: the text fields each layout places, so a template that drops one the layout needs,
// or writes one the layout does not know (a misspelling), is an error in the .hbs, never lost text.
import type { SlideLayout } from "../model/rendered.js";

export interface FieldSpec {
  /** Fields the layout cannot do without. */
  readonly required: readonly string[];
  /** Fields it places when present. */
  readonly optional: readonly string[];
}

/** Fields of every content slide's frame (kicker, source line, footer) and its notes. */
const FRAME = ["kicker", "source", "footer"];

export const LAYOUT_FIELDS: Readonly<Record<SlideLayout, FieldSpec>> = {
  title: { required: ["title", "byline", "notes"], optional: ["kicker", "subtitle", "marking", "cover-alt"] },
  section: { required: ["number", "title", "notes"], optional: ["gist", "footer"] },
  agenda: { required: ["title", "notes"], optional: [...FRAME, "item", "gist"] },
  bullets: { required: ["title", "bullet", "notes"], optional: FRAME },
  "two-columns": { required: ["title", "heading", "bullet", "notes"], optional: FRAME },
  "key-figures": { required: ["title", "value", "caption", "period", "notes"], optional: [...FRAME, "qualifier"] },
  timeline: { required: ["title", "date", "label", "notes"], optional: FRAME },
  quote: { required: ["title", "quote", "notes"], optional: [...FRAME, "attribution", "context"] },
  chart: { required: ["title", "chart-title", "alt", "notes"], optional: [...FRAME, "axis", "takeaway"] },
  table: { required: ["title", "header", "notes"], optional: [...FRAME, "cell"] },
  takeaways: { required: ["title", "point", "notes"], optional: [...FRAME, "number", "support"] },
  sources: { required: ["title", "notes"], optional: [...FRAME, "entry", "link", "method"] },
};
