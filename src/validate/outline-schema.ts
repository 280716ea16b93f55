// Validate stage: the one schema for deck.yaml. The TypeScript types of the outline are inferred from
// it and deck.schema.json is generated from it (npm run schema), so the three cannot drift apart.
import { z } from "zod";
import { SCALES } from "../util/number-format.js";

/** Text (a Handlebars template); a bare YAML number such as 2023 is taken as its text. */
const Text = z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().min(1).max(4000))
  .meta({ type: ["string", "number"] });
/** A table cell: text, or "" for a cell left empty on purpose. */
const Cell = z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().max(4000)).meta({ type: ["string", "number"] });
const Id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "use lower-case letters, digits, '-' and '_'");
const Tags = z.array(Id).describe("Tags that audiences select on");

export const LAYOUTS = [
  "title", "agenda", "bullets", "two-columns", "key-figures", "timeline", "quote", "chart", "table",
  "takeaways", "sources",
] as const;
export const CHART_KINDS = [
  "column", "bar", "stacked-column", "stacked-bar", "stacked-column-100", "stacked-bar-100", "line", "area", "stacked-area",
  "pie", "doughnut", "combo", "scatter", "waterfall",
] as const;
export { SCALES };
export const DERIVATIONS = ["ratio", "share", "growth", "difference", "sum"] as const;
export const QUALIFIERS = [
  "more than", "over", "about", "around", "nearly", "almost", "up to", "at least", "less than", "under",
] as const;

const Decimals = z.number().int().min(0).max(6);

export const DeriveSchema = z.strictObject({
  ratio: z.array(Id).length(2).optional().describe("[a, b]: a ÷ b, shown as 1.7× (both in one unit)"),
  share: z.array(Id).length(2).optional().describe("[part, whole]: part ÷ whole as a percentage"),
  growth: z.array(Id).length(2).optional().describe("[from, to]: the change from one to the other as a percentage"),
  difference: z.array(Id).length(2).optional().describe("[a, b]: a − b, in their unit"),
  sum: z.array(Id).min(2).optional().describe("[a, b, …]: their total, in their unit"),
}).describe("Compute this figure exactly from others; give one of ratio, share, growth, difference, sum");

/** Where a claim or a figure comes from: one of `sources:`, and where in it (page, table, section). */
export const CitationSchema = z.strictObject({
  doc: Id.describe("Id of a document under `sources:`"),
  locator: z.string().min(1).max(200).optional().describe('Where in it: "Table 2.1", "p. 12", "section 3"'),
});
/** A citation, several, or a bare id (a document; for figures, the old form: an outline section). */
export const SourceRefSchema = z.union([Id, CitationSchema, z.array(CitationSchema).min(1)]);

export const SourceDocSchema = z.strictObject({
  id: Id.describe("Stable id, cited as `source: { doc: id, locator: … }`"),
  title: Text.describe("The document's title"),
  publisher: Text.optional().describe("The organisation that published it"),
  author: Text.optional().describe("Its author(s), when named"),
  date: z.string().min(1).optional().describe("Publication date: YYYY, YYYY-MM or YYYY-MM-DD"),
  url: z.string().min(1).optional().describe("Where to find it (http or https)"),
  accessed: z.string().min(1).optional().describe("When the URL was read: YYYY-MM-DD"),
  short: Text.optional().describe('Short form for slide source lines, e.g. "IEA, World Energy Investment 2024" (default: publisher, title)'),
});

export const FigureSchema = z.strictObject({
  value: z.number().optional().describe("The number as the source gives it, before the scale word (3 for $3 billion); omit it for a derived figure"),
  derive: DeriveSchema.optional(),
  unit: z.string().min(1).max(40).regex(/^[^"{}<>]*$/, "a unit is plain words, without quotes, braces or angle brackets").optional()
    .describe('A currency code (USD, EUR, GBP, PKR, RUB, JPY, INR, CNY, CHF), "percent", "times", "ordinal", or a counted noun ("metric tons"); derived figures get theirs from the derivation'),
  scale: z.enum([...SCALES, "auto"]).optional().describe('Scale word written after the number; "auto": the value is in units and the scale is chosen (million, billion, trillion)'),
  decimals: Decimals.optional().describe("Digits after the decimal point (default: as written; 1 for ratios, shares and growth)"),
  period: z.string().min(1).describe('The date or period the figure refers to, e.g. "2023" or "September 2023"'),
  label: z.string().min(1).max(80).describe("Short label, used as a chart category and in alt text"),
  qualifier: z.enum(QUALIFIERS).optional().describe('Kept in front of the number: "more than 60 businesspeople"'),
  source: SourceRefSchema.optional().describe("Where the figure comes from: { doc: id, locator: \"Table 2.1\" } or a list of them (derived figures take their inputs' sources)"),
});

const Bullet = z.union([Text, z.strictObject({
  text: Text,
  sub: z.array(Text).min(1).max(4).optional(),
  tags: Tags.optional().describe("Audiences select bullets by tags as they select slides (exclude a tag to drop the bullet)"),
})]);
const Bullets = z.array(Bullet).min(1).max(8);

const common = {
  title: Text.describe("Action title: a sentence stating the slide's point"),
  notes: Text.describe("Speaker notes: what the presenter says (2-5 sentences)"),
  kicker: Text.optional().describe("Small capitals line above the title; defaults to the section title"),
  id: Id.optional(),
  tags: Tags.optional(),
  source: SourceRefSchema.optional().describe("Where the slide's claims come from, beyond its figures: { doc: id, locator } or a list"),
  variants: z.record(Id, z.record(z.string(), z.unknown())).optional()
    .describe("Per-audience changes to this slide's fields, e.g. { executive: { notes: … } }"),
};

const ChartSeries = z.strictObject({
  name: Text,
  figures: z.array(Id).min(1).describe("The series' values (the y values of a scatter chart)"),
  x: z.array(Id).min(1).optional().describe("Scatter charts: the x value of each point"),
});
export const ChartSpecSchema = z.strictObject({
  kind: z.enum(CHART_KINDS).optional().describe("Chosen from the data when omitted"),
  title: Text.describe("Chart title, stated as a takeaway"),
  figures: z.array(Id).min(1).optional().describe("One series: these figures, labelled by their labels"),
  x: z.array(Id).min(1).optional().describe("Scatter charts with `figures`: the x value of each point"),
  series: z.array(ChartSeries).min(1).optional().describe("Several series over shared categories"),
  categories: z.array(Text).min(1).optional().describe("Category names when series are given"),
  scale: z.enum([...SCALES, "auto", "none"]).optional().describe('Scale of the chart\'s amounts (default auto: the scale most of its figures are written in)'),
  decimals: Decimals.optional().describe("Digits after the decimal point in labels and axes (default: as many as the values need, at most 2)"),
  highlight: z.union([Text, z.strictObject({ category: Text }), z.strictObject({ series: Text })]).optional()
    .describe("A category (or { series: name }) drawn in the accent colour, the rest muted"),
  sort: z.enum(["descending", "ascending", "none"]).optional().describe("Order categories by value (default none: the outline's order)"),
  annotate: z.strictObject({ category: Text, series: Text.optional(), text: z.string().min(1).max(60) }).optional()
    .describe("A one-line note on one point, shown beside its value"),
  totals: z.array(Id).min(1).optional().describe("Waterfall charts: the figures drawn as totals from zero; the others are steps"),
});

export const SlideSchema = z.discriminatedUnion("layout", [
  z.strictObject({ layout: z.literal("title"), ...common }),
  z.strictObject({ layout: z.literal("agenda"), ...common }),
  z.strictObject({ layout: z.literal("bullets"), ...common, bullets: Bullets }),
  z.strictObject({
    layout: z.literal("two-columns"), ...common,
    left: z.strictObject({ heading: Text, bullets: Bullets }),
    right: z.strictObject({ heading: Text, bullets: Bullets }),
  }),
  z.strictObject({
    layout: z.literal("key-figures"), ...common,
    figures: z.array(z.strictObject({ figure: Id, caption: Text })).min(1).max(4),
  }),
  z.strictObject({
    layout: z.literal("timeline"), ...common,
    milestones: z.array(z.strictObject({ date: Text, label: Text })).min(2).max(6),
  }),
  z.strictObject({
    layout: z.literal("quote"), ...common,
    quote: Text, attribution: Text.optional(), context: Text.optional(),
  }),
  z.strictObject({ layout: z.literal("chart"), ...common, chart: ChartSpecSchema, takeaway: Text.optional() }),
  z.strictObject({
    layout: z.literal("table"), ...common,
    columns: z.array(Text).min(1).max(6), rows: z.array(z.array(Cell)).min(1).max(12),
  }),
  z.strictObject({
    layout: z.literal("takeaways"), ...common,
    takeaways: z.array(z.strictObject({ point: Text, support: Text })).min(1).max(4),
  }),
  z.strictObject({ layout: z.literal("sources"), ...common, method: Text.optional() }),
]);

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
export type SlideSpec = z.infer<typeof SlideSchema>;
export type FigureSpec = z.infer<typeof FigureSchema>;
export type ChartSpec = z.infer<typeof ChartSpecSchema>;
export type AudienceSpec = z.infer<typeof AudienceSchema>;
export type DeckMeta = z.infer<typeof DeckMetaSchema>;
export type SourceDocSpec = z.infer<typeof SourceDocSchema>;
export type CitationSpec = z.infer<typeof CitationSchema>;
export type SourceRef = z.infer<typeof SourceRefSchema>;
export type Layout = (typeof LAYOUTS)[number];
export type ChartKind = (typeof CHART_KINDS)[number];

/** The outline's JSON Schema, for editors (deck.schema.json; `npm run schema` writes it). */
export function outlineJsonSchema(): object {
  const schema = z.toJSONSchema(OutlineSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    $schema: schema["$schema"], $id: "https://briefdeck.invalid/deck.schema.json",
    title: "briefdeck outline (deck.yaml)",
    description: "A briefing outline: deck metadata, figures cited with {{fig \"id\"}}, and sections of slides.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}
