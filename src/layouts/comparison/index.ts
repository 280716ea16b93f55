// Comparison: a table of figures (countries, years, options side by side): a label per row, numbers
// from `figures:` right-aligned with each column's unit in its heading, an optional row highlighted,
// and an optional total row summed exactly.
import { DeckError } from "../../errors.js";
import type { Figure } from "../../model/deck.js";
import { add, shift, type Decimal } from "../../util/decimal.js";
import { groupDigits, isScalable, SCALE_EXPONENT, unitCaption, type Scale } from "../../util/number-format.js";
import { Id, Text, z } from "../../validate/schema-parts.js";
import { defineLayout } from "../layout-module.js";
import { placeComparison } from "./place.js";

const Row = z.strictObject({
  label: Text,
  figures: z.array(Id).min(1).max(5).describe("One figure per column after the first, in order"),
  highlight: z.boolean().optional().describe("Set this row apart (the one the slide is about)"),
});

type Spec = { readonly columns: readonly string[]; readonly rows: ReadonlyArray<z.output<typeof Row>>; readonly total?: boolean | string | undefined };

export default defineLayout({
  id: "comparison",
  masterName: "Comparison",
  summary: "A table of figures: a label per row, numbers right-aligned with each column's unit in its heading, a highlighted row, an exact total.",
  keysDoc: "`columns:` the headings (the first over the labels); `rows:` up to 12 `{ label, figures: [ids], highlight }`; optional `total: true` (or its label)",
  schema: {
    columns: z.array(Text).min(2).max(6),
    rows: z.array(Row).min(1).max(12),
    total: z.union([z.boolean(), Text]).optional().describe("Add a total row, each column summed exactly: true, or the row's label"),
  },
  frame: "content",
  fields: { required: ["header", "label", "cell"], optional: ["total-label", "total-cell"] },
  figures: (slide, path) => slide.rows.flatMap((r, i) => r.figures.map((id, j) => ({ id, at: [...path, "rows", i, "figures", j] }))),
  check: (slide, path, posOf, figures) => {
    const errors: DeckError[] = [];
    const columns = slide.columns.length - 1;
    slide.rows.forEach((row, r) => {
      if (row.figures.length !== columns) {
        errors.push(new DeckError({
          code: "TABLE_RAGGED", pos: posOf([...path, "rows", r, "figures"]),
          message: `row ${r + 1} of the comparison has ${row.figures.length} figure${row.figures.length === 1 ? "" : "s"} but the table has ${columns} figure column${columns === 1 ? "" : "s"}`,
          hint: "give each row one figure per column after the first",
        }));
      }
    });
    for (let c = 0; c < columns; c++) {
      const inColumn = slide.rows.map((row, r) => ({ r, f: figures[row.figures[c] ?? ""] })).filter((x): x is { r: number; f: Figure } => x.f !== undefined);
      const first = inColumn[0];
      const odd = inColumn.find((x) => x.f.unit !== first?.f.unit);
      if (first && odd) {
        errors.push(new DeckError({
          code: "FIGURE_UNITS", pos: posOf([...path, "rows", odd.r, "figures", c]),
          message: `the column "${slide.columns[c + 1]}" mixes units (${first.f.unit} and ${odd.f.unit}), so one heading cannot name its unit`,
          hint: "put figures of one unit in a column",
        }));
      } else if (first && slide.total && !isScalable(first.f.unit)) {
        errors.push(new DeckError({
          code: "FIGURE_UNITS", pos: posOf([...path, "total"]),
          message: `the column "${slide.columns[c + 1]}" is in ${first.f.unit}, which does not add up to a total`,
          hint: "leave out `total`, or compare amounts or counts",
        }));
      }
    }
    return errors;
  },
  context: ({ slide, rendered, figures }) => {
    const spec = rendered as unknown as Spec;
    const columns = spec.columns.length - 1;
    const cols = Array.from({ length: columns }, (_, c) => column(slide.rows.map((r) => figures[r.figures[c]!]!)));
    const totalLabel = spec.total === true ? "Total" : typeof spec.total === "string" ? spec.total : undefined;
    return {
      context: {
        comparison: {
          header: spec.columns.map((h, c) => (c === 0 ? h : `${h} (${cols[c - 1]!.caption})`)),
          rows: spec.rows.map((row, r) => ({ label: row.label, highlight: slide.rows[r]!.highlight ?? false, cells: cols.map((col) => col.cells[r]!) })),
          ...(totalLabel ? { total: { label: totalLabel, cells: cols.map((col) => col.total) } } : {}),
        },
      },
      shows: slide.rows.flatMap((r) => r.figures),
    };
  },
  place: placeComparison,
});

/**
 * One column of figures in one scale (the one most of them are written in), each with the decimals
 * it was written with (a value moved to a larger scale keeps its digits: 500 million is 0.5 billion),
 * and their total, added exactly.
 */
function column(figs: readonly Figure[]): { caption: string; cells: string[]; total: string } {
  const scales = figs.map((f) => f.style.scale);
  const scale = mostCommon(scales);
  const exp = (s: Scale | undefined) => (s ? SCALE_EXPONENT[s] : 0);
  const values = figs.map((f) => shift(f.amount, exp(f.style.scale) - exp(scale)));
  const decimals = Math.max(0, ...figs.map((f) => f.style.decimals + exp(f.style.scale) - exp(scale)));
  const total = values.reduce<Decimal>((sum, v) => add(sum, v), { coefficient: 0n, exponent: 0 });
  return {
    caption: unitCaption({ unit: figs[0]!.unit, scale }),
    cells: values.map((v) => groupDigits(v, decimals)),
    total: groupDigits(total, decimals),
  };
}

function mostCommon<T>(xs: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}
