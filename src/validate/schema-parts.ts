// Validate stage: the building blocks of the outline schema (texts, ids, bullets, citations, charts,
// the keys every slide has), with zod as `z` (zod.ts, the one place zod is imported): layout modules
// (src/layouts/) describe their own outline keys with these, and outline-schema.ts assembles the whole.
import * as z from "./zod.js";

// Outlines are checked once a process: compiling object parsers with new Function (zod's JIT) costs more than it saves.
z.config({ jitless: true });
import { SCALES } from "../util/number-format.js";

export { z };

/** Text (a Handlebars template); a bare YAML number such as 2023 is taken as its text. */
export const Text = z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().min(1).max(4000))
  .meta({ type: ["string", "number"] });
/** A table cell: text, or "" for a cell left empty on purpose. */
export const Cell = z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().max(4000)).meta({ type: ["string", "number"] });
export const Id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "use lower-case letters, digits, '-' and '_'");
export const Tags = z.array(Id).describe("Tags that audiences select on");

export const CHART_KINDS = [
  "column", "bar", "stacked-column", "stacked-bar", "stacked-column-100", "stacked-bar-100", "line", "area", "stacked-area",
  "pie", "doughnut", "combo", "scatter", "waterfall",
] as const;
export { SCALES };
export const DERIVATIONS = ["ratio", "share", "growth", "difference", "sum"] as const;
export const QUALIFIERS = [
  "more than", "over", "about", "around", "nearly", "almost", "up to", "at least", "less than", "under",
] as const;

export const Decimals = z.number().int().min(0).max(6);

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

export const Bullet = z.union([Text, z.strictObject({
  text: Text,
  sub: z.array(Text).min(1).max(4).optional(),
  tags: Tags.optional().describe("Audiences select bullets by tags as they select slides (exclude a tag to drop the bullet)"),
})]);
export const Bullets = z.array(Bullet).min(1).max(8);

/** The keys every slide has, whatever its layout. */
export const common = {
  title: Text.describe("Action title: a sentence stating the slide's point"),
  notes: Text.describe("Speaker notes: what the presenter says (2-5 sentences)"),
  kicker: Text.optional().describe("Small capitals line above the title; defaults to the section title"),
  id: Id.optional(),
  tags: Tags.optional(),
  source: SourceRefSchema.optional().describe("Where the slide's claims come from, beyond its figures: { doc: id, locator } or a list"),
  variants: z.record(Id, z.record(z.string(), z.unknown())).optional()
    .describe("Per-audience changes to this slide's fields, e.g. { executive: { notes: … } }"),
};

export const ChartSeries = z.strictObject({
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

/** The outline keys a layout adds to `common`, as zod schemas. */
export type SchemaShape = Readonly<Record<string, z.ZodType>>;

/** A layout's slide as validated: the common keys and its own. */
export type SlideOf<Sh extends SchemaShape> = z.output<z.ZodObject<typeof common & Sh>> & { readonly layout: string };

export type BulletSpec = z.output<typeof Bullet>;
export type ChartSpec = z.output<typeof ChartSpecSchema>;
