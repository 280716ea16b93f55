// Validate stage: the one schema for deck.yaml, assembled from its building blocks (schema-parts.ts)
// and each layout module's own keys (src/layouts/). The TypeScript types of the outline are inferred
// from it and deck.schema.json is generated from it (npm run docs), so they cannot drift apart.
import { LAYOUT_MODULES } from "../layouts/index.js";
import { SCALES } from "../util/number-format.js";
import {
  CHART_KINDS, ChartSpecSchema, CitationSchema, common, DERIVATIONS, FigureSchema, Id, QUALIFIERS, SourceDocSchema,
  SourceRefSchema, Tags, Text, z,
} from "./schema-parts.js";

export { CHART_KINDS, ChartSpecSchema, CitationSchema, DERIVATIONS, FigureSchema, QUALIFIERS, SCALES, SourceDocSchema, SourceRefSchema };

/** Layouts an outline can name (the section divider is made from a section, not written as a slide). */
export const LAYOUTS = LAYOUT_MODULES.filter((m) => m.schema !== undefined).map((m) => m.id) as Layout[];

const slideSchemas = LAYOUT_MODULES.flatMap((m) => (m.schema ? [z.strictObject({ layout: z.literal(m.id), ...common, ...m.schema }).describe(m.summary)] : []));
// Each layout's keys come from its module; the union is checked by its `layout` key.
export const SlideSchema = z.discriminatedUnion("layout", slideSchemas as unknown as [z.ZodObject<{ layout: z.ZodLiteral<string> }>]) as unknown as z.ZodType<SlideSpec>;

/** A slide as validated: the keys every slide has, and its layout's own (read by its module). */
export type SlideSpec = z.output<z.ZodObject<typeof common>> & { readonly layout: Layout };


export const SectionSchema = z.strictObject({
  id: Id.describe("Stable id, used by figures' sources, tags and links"),
  title: Text,
  gist: Text.optional().describe("One line under the section name on its divider"),
  divider: z.boolean().optional().describe("Start the section with a divider slide and list it in the agenda (default true)"),
  notes: Text.optional().describe("Speaker notes for the divider slide"),
  tags: Tags.optional(),
  slides: z.array(SlideSchema),
});

export const DeckMetaSchema = z.strictObject({
  title: Text, subtitle: Text.optional(), author: Text,
  organisation: Text.optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "write the date as YYYY-MM-DD").describe("Date of the briefing (YYYY-MM-DD); also the files' timestamp"),
  theme: Id.optional().describe("Theme file in assets/themes/ (default: default)"),
  template: z.string().min(1).optional().describe("The organisation's PowerPoint template (.potx or .pptx), relative to the outline: its size, masters, layouts, colours and fonts"),
  templateLayouts: z.record(z.string().regex(/^[a-z][a-z-]*$/), Text).optional()
    .describe('Which of the template\'s layouts each briefdeck layout is placed on, by name, e.g. { bullets: "Title and Content" }'),
  size: z.enum(["16:9", "4:3"]).optional().describe('Slide size: "16:9" widescreen (default) or "4:3" standard'),
  cover: z.string().min(1).optional().describe("Cover image for the title slide, relative to the outline"),
  coverAlt: Text.optional().describe("Alt text for the cover image (default: a description naming the deck)"),
  marking: Text.optional().describe('Footer marking, e.g. "For official use"'),
  source: z.strictObject({
    title: Text, publication: Text.optional(), date: Text.optional(), url: z.string().min(1).optional(), short: Text.optional(),
  }).optional().describe("Shorthand for one source document (the id `source`); use `sources:` for several"),
});

export const AudienceSchema = z.strictObject({
  label: Text.describe("Who the deck is for, e.g. Ministers"),
  description: Text.describe("What this variant is for"),
  default: z.boolean().optional().describe("The audience built when no --audience is given (exactly one)"),
  include: Tags.optional().describe("Keep only slides and sections carrying one of these tags (all when omitted)"),
  exclude: Tags.optional().describe("Drop slides and sections carrying one of these tags"),
  maxBullets: z.number().int().min(1).max(8).optional().describe("At most this many bullets per slide; more are cut with a warning (tag bullets to choose which stay)"),
  dividers: z.boolean().optional().describe("Section divider slides (default true)"),
  marking: Text.optional().describe('Footer marking for this audience, e.g. "Public"'),
  file: z.string().max(120).regex(/^(?!\.)[^/\\\u0000-\u001f\u007f]+\.pptx$/, "a file name ending in .pptx, without folders, control characters or a leading dot").optional()
    .describe("Output file name (default deck.pptx for the default audience, else deck-<id>.pptx)"),
  vars: z.record(z.string(), z.string()).optional().describe("Values templates can use as {{audience.vars.name}}"),
});

export const OutlineSchema = z.strictObject({
  $schema: z.string().optional(),
  deck: DeckMetaSchema,
  sources: z.array(SourceDocSchema).min(1).optional().describe("The documents the briefing draws on, cited by figures and slides"),
  figures: z.record(Id, FigureSchema).optional().describe("Every amount and count in the deck, cited with {{fig \"id\"}}"),
  audiences: z.record(Id, AudienceSchema).optional().describe("Variants of the deck for different readers"),
  sections: z.array(SectionSchema).min(1),
});

export type Outline = z.infer<typeof OutlineSchema>;
export type SectionSpec = z.infer<typeof SectionSchema>;
export type FigureSpec = z.infer<typeof FigureSchema>;
export type ChartSpec = z.infer<typeof ChartSpecSchema>;
export type AudienceSpec = z.infer<typeof AudienceSchema>;
export type DeckMeta = z.infer<typeof DeckMetaSchema>;
export type SourceDocSpec = z.infer<typeof SourceDocSchema>;
export type CitationSpec = z.infer<typeof CitationSchema>;
export type SourceRef = z.infer<typeof SourceRefSchema>;
/** A layout an outline can name. */
export type Layout = string;
export type ChartKind = (typeof CHART_KINDS)[number];

/** The outline's JSON Schema, for editors (deck.schema.json; `npm run docs` writes it). */
export function outlineJsonSchema(): object {
  const schema = z.toJSONSchema(OutlineSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    $schema: schema["$schema"], $id: "https://briefdeck.invalid/deck.schema.json",
    title: "briefdeck outline (deck.yaml)",
    description: "A briefing outline: deck metadata, figures cited with {{fig \"id\"}}, and sections of slides.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}
