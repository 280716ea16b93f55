// Package stage: the chart workbooks embedded for "Edit Data" (ppt/embeddings/*.xlsx).
import type { Parts } from "./zip-io.js";
import { readZip, writeZip } from "./zip-io.js";
import { editXml, elements } from "./xml.js";
import { fixCoreProperties } from "./fix-package.js";

/**
 * #1306 / #1242 / #1396 (PR #1327): each workbook's table range is written as `A1:D5'` with a
 * stray apostrophe, and Keynote then drops the chart. Their core.xml dates are `new Date()` too.
 */
export function fixWorkbooks(parts: Parts, timestampMs: number): void {
  for (const name of [...parts.keys()].filter((n) => /^ppt\/embeddings\/.*\.xlsx$/.test(n)).sort()) {
    const book = readZip(parts.get(name)!);
    for (const table of [...book.keys()].filter((n) => /^xl\/tables\/.*\.xml$/.test(n))) {
      editXml(book, table, (doc) => {
        for (const t of [doc.documentElement!, ...elements(doc, "autoFilter")]) {
          const ref = t.getAttribute("ref");
          if (ref) t.setAttribute("ref", ref.replace(/'/g, ""));
        }
      });
    }
    fixCoreProperties(book, "docProps/core.xml", timestampMs);
    parts.set(name, writeZip(book, timestampMs));
  }
}
