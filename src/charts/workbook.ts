// Charts stage: the workbook embedded in each chart, for PowerPoint's "Edit Data". It holds exactly
// the values the chart draws, in the cells the chart's references name, with each series' number
// format, a header row whose texts are the table's column names, and a real stylesheet.
import type { PlacedChart } from "../model/layout.js";
import { el, esc, num } from "./xml.js";

const SHEET = "Sheet1";
const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/** A range of Sheet1 as chart formulas write it: Sheet1!$B$2:$B$4. */
export function ref(col: number, row1: number, row2 = row1): string {
  const c = colName(col);
  return row1 === row2 ? `${SHEET}!$${c}$${row1}` : `${SHEET}!$${c}$${row1}:$${c}$${row2}`;
}

export function colName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Where each piece of a chart's data lives in the sheet (columns 0-based, rows 1-based). */
export interface SheetLayout {
  readonly header: readonly string[];
  readonly rows: number;
  readonly categories: { readonly col: number };
  readonly series: ReadonlyArray<{ readonly name: { col: number }; readonly values: { col: number }; readonly x?: { col: number } }>;
}

/**
 * Column A holds the categories, then one column per series (a scatter series takes two: x, then
 * y). Header texts are unique, as a table's column names must be.
 */
export function sheetLayout(chart: PlacedChart): SheetLayout {
  const header: string[] = [];
  const taken = new Set<string>();
  const unique = (name: string) => {
    let n = name.trim() || "Series";
    for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${name} (${i})`;
    taken.add(n.toLowerCase());
    return n;
  };
  const names = chart.series.map((s) => s.name);
  header.push(unique(names.some((n) => n.toLowerCase() === "category") ? "Category (axis)" : "Category"));
  const series = chart.series.map((s, k) => {
    if (s.x) {
      const xCol = header.length; header.push(unique(`${names[k]} (x)`));
      const yCol = header.length; header.push(unique(names[k]!));
      return { name: { col: yCol }, values: { col: yCol }, x: { col: xCol } };
    }
    const col = header.length; header.push(unique(names[k]!));
    return { name: { col }, values: { col } };
  });
  return { header, rows: chart.data.categories.length, categories: { col: 0 }, series };
}

/** The workbook's parts (uncompressed; the package stage zips them). */
export function workbookParts(chart: PlacedChart, layout: SheetLayout): Map<string, string> {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const str = (s: string) => {
    if (!stringIndex.has(s)) { stringIndex.set(s, strings.length); strings.push(s); }
    return stringIndex.get(s)!;
  };
  // A scatter series' x cells are written in General. Readers that take xVal for a category range
  // (Apache POI's XDDF API, as pptx-readers uses it) compare each x cell's formatted text with the
  // cache's plain number, so "$44" or "120,000" would read as a mismatch; the chart's own cache keeps
  // the x figures' format, which the axis shows.
  const formats = [...new Set(chart.series.map((s) => s.format))];
  const xf = (format: string) => 1 + formats.indexOf(format);
  const lastCol = layout.header.length - 1;
  const lastRow = layout.rows + 1;
  const dimension = `A1:${colName(lastCol)}${lastRow}`;
  const cell = (col: number, row: number, content: string) => `<c r="${colName(col)}${row}"${content}`;
  const rows: string[] = [];
  rows.push(el("row", { r: 1 }, ...layout.header.map((h, c) => `${cell(c, 1, ` t="s"><v>${str(h)}</v></c>`)}`)));
  for (let i = 0; i < layout.rows; i++) {
    const r = i + 2;
    const cells = [cell(0, r, ` t="s"><v>${str(chart.data.categories[i]!)}</v></c>`)];
    chart.series.forEach((s, k) => {
      const at = layout.series[k]!;
      if (at.x && s.x) cells.push(cell(at.x.col, r, `><v>${num(s.x[i]!)}</v></c>`));
      const v = s.values[i];
      if (v !== null && v !== undefined) cells.push(cell(at.values.col, r, ` s="${xf(s.format)}"><v>${num(v)}</v></c>`));
    });
    rows.push(el("row", { r }, ...cells));
  }
  const widths = layout.header.map((h, c) => Math.min(60, Math.max(10, h.length + 2, ...(c === 0 ? chart.data.categories.map((x) => x.length + 2) : []))));
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` + el("worksheet", { xmlns: NS, "xmlns:r": REL_NS },
    el("dimension", { ref: dimension }),
    el("sheetViews", {}, el("sheetView", { workbookViewId: 0 })),
    el("sheetFormatPr", { defaultRowHeight: 15 }),
    el("cols", {}, ...widths.map((w, c) => el("col", { min: c + 1, max: c + 1, width: w, customWidth: 1 }))),
    el("sheetData", {}, ...rows),
    el("pageMargins", { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }),
    el("tableParts", { count: 1 }, el("tablePart", { "r:id": "rId1" })));
  const table = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` + el("table", { xmlns: NS, id: 1, name: "Table1", displayName: "Table1", ref: dimension, totalsRowShown: 0 },
    el("tableColumns", { count: layout.header.length }, ...layout.header.map((h, c) => el("tableColumn", { id: c + 1, name: h }))),
    el("tableStyleInfo", { name: "TableStyleLight1", showFirstColumn: 0, showLastColumn: 0, showRowStripes: 1, showColumnStripes: 0 }));
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` + el("styleSheet", { xmlns: NS },
    el("numFmts", { count: formats.length }, ...formats.map((f, i) => el("numFmt", { numFmtId: 164 + i, formatCode: f }))),
    el("fonts", { count: 1 }, el("font", {}, el("sz", { val: 11 }), el("name", { val: "Calibri" }), el("family", { val: 2 }))),
    el("fills", { count: 2 }, el("fill", {}, el("patternFill", { patternType: "none" })), el("fill", {}, el("patternFill", { patternType: "gray125" }))),
    el("borders", { count: 1 }, el("border", {}, el("left"), el("right"), el("top"), el("bottom"), el("diagonal"))),
    el("cellStyleXfs", { count: 1 }, el("xf", { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 })),
    el("cellXfs", { count: 1 + formats.length }, el("xf", { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 }),
      ...formats.map((_, i) => el("xf", { numFmtId: 164 + i, fontId: 0, fillId: 0, borderId: 0, xfId: 0, applyNumberFormat: 1 }))),
    el("cellStyles", { count: 1 }, el("cellStyle", { name: "Normal", xfId: 0, builtinId: 0 })),
    el("dxfs", { count: 0 }),
    el("tableStyles", { count: 0, defaultTableStyle: "TableStyleMedium2", defaultPivotStyle: "PivotStyleLight16" }));
  const shared = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` + el("sst", { xmlns: NS, count: strings.length, uniqueCount: strings.length },
    ...strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`));
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` + el("workbook", { xmlns: NS, "xmlns:r": REL_NS },
    el("bookViews", {}, el("workbookView", {})),
    el("sheets", {}, el("sheet", { name: "Sheet1", sheetId: 1, "r:id": "rId1" })));
  const rels = (items: Array<[string, string, string]>) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` + el("Relationships", { xmlns: PKG_REL },
    ...items.map(([id, type, target]) => el("Relationship", { Id: id, Type: `${REL_NS}/${type}`, Target: target })));
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` + el("Types", { xmlns: "http://schemas.openxmlformats.org/package/2006/content-types" },
    el("Default", { Extension: "rels", ContentType: "application/vnd.openxmlformats-package.relationships+xml" }),
    el("Default", { Extension: "xml", ContentType: "application/xml" }),
    el("Override", { PartName: "/xl/workbook.xml", ContentType: `${CT}.sheet.main+xml` }),
    el("Override", { PartName: "/xl/worksheets/sheet1.xml", ContentType: `${CT}.worksheet+xml` }),
    el("Override", { PartName: "/xl/styles.xml", ContentType: `${CT}.styles+xml` }),
    el("Override", { PartName: "/xl/sharedStrings.xml", ContentType: `${CT}.sharedStrings+xml` }),
    el("Override", { PartName: "/xl/tables/table1.xml", ContentType: `${CT}.table+xml` }));
  // Text: the package stage zips it, and compresses a part every workbook shares (styles, rels) once.
  return new Map([
    ["[Content_Types].xml", types],
    ["_rels/.rels", rels([["rId1", "officeDocument", "xl/workbook.xml"]])],
    ["xl/workbook.xml", workbook],
    ["xl/_rels/workbook.xml.rels", rels([["rId1", "worksheet", "worksheets/sheet1.xml"], ["rId2", "styles", "styles.xml"], ["rId3", "sharedStrings", "sharedStrings.xml"]])],
    ["xl/worksheets/sheet1.xml", sheet],
    ["xl/worksheets/_rels/sheet1.xml.rels", rels([["rId1", "table", "../tables/table1.xml"]])],
    ["xl/tables/table1.xml", table],
    ["xl/styles.xml", styles],
    ["xl/sharedStrings.xml", shared],
  ]);
}
