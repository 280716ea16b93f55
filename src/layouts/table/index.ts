// Table: a header row and up to twelve rows of text; a long table continues with its header repeated.
import { DeckError } from "../../errors.js";
import { Cell, Text, z } from "../../validate/schema-parts.js";
import { defineLayout } from "../layout-module.js";
import { placeTable } from "./place.js";

export default defineLayout({
  id: "table",
  masterName: "Table",
  summary: "A header row and up to twelve rows of text.",
  keysDoc: "`columns:` up to 6 and `rows:` up to 12, each as many cells as there are columns",
  schema: { columns: z.array(Text).min(1).max(6), rows: z.array(z.array(Cell)).min(1).max(12) },
  frame: "content",
  fillHint: "add rows or columns, or show so few facts as bullets or key figures",
  fields: { required: ["header"], optional: ["cell"] },
  // A row with more or fewer cells than the table has columns: cells would be lost or blank.
  check: (slide, path, posOf) => slide.rows.flatMap((row, r) => row.length === slide.columns.length ? [] : [new DeckError({
    code: "TABLE_RAGGED", pos: posOf([...path, "rows", r]),
    message: `row ${r + 1} of the table has ${row.length} cell${row.length === 1 ? "" : "s"} but the table has ${slide.columns.length} columns`,
    hint: row.length > slide.columns.length ? "remove the extra cells, or add a column" : 'fill every column (write "" for a cell left empty on purpose)',
  })]),
  place: placeTable,
});
