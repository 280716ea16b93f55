// Package stage: pptxgenjs numbers chart parts from a module-level counter that never resets, so
// the second deck built in one process (watch mode, --all, tests) names its first chart chart2.xml.
// Renumber charts and their workbooks in slide order, so the bytes depend only on the input.
import type { Parts } from "./zip-io.js";
import { editXml, elements } from "./xml.js";

const CHART = /^ppt\/charts\/chart(\d+)\.xml$/;

export function renumberCharts(parts: Parts): void {
  const slides = [...parts.keys()]
    .map((n) => /^ppt\/slides\/_rels\/slide(\d+)\.xml\.rels$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => m[0]);
  const renames = new Map<string, string>(); // old part name -> new part name
  let next = 1;
  const chartRel = new TextEncoder().encode("relationships/chart\"");
  for (const rels of slides) {
    // Only slides that link a chart are parsed (a 1000-slide deck has a few hundred).
    if (Buffer.from(parts.get(rels)!).indexOf(chartRel) < 0) continue;
    editXml(parts, rels, (doc) => {
      for (const rel of elements(doc, "Relationship")) {
        const target = rel.getAttribute("Target") ?? "";
        const old = target.replace(/^\//, "").replace(/^\.\.\//, "ppt/");
        if (!CHART.test(old)) continue;
        const renamed = `ppt/charts/chart${next++}.xml`;
        renames.set(old, renamed);
        rel.setAttribute("Target", `../charts/${renamed.slice("ppt/charts/".length)}`);
      }
    });
  }
  if ([...renames].every(([a, b]) => a === b)) return;

  const moved = new Map<string, Uint8Array>();
  const take = (from: string, to: string) => {
    const bytes = parts.get(from);
    if (bytes) { moved.set(to, bytes); parts.delete(from); }
  };
  const contentTypes = new Map<string, string>();
  for (const [oldChart, newChart] of renames) {
    const k = CHART.exec(newChart)![1]!;
    const oldRels = oldChart.replace("ppt/charts/", "ppt/charts/_rels/") + ".rels";
    editXml(parts, oldRels, (doc) => {
      for (const rel of elements(doc, "Relationship")) {
        const target = rel.getAttribute("Target") ?? "";
        const m = /^\.\.\/embeddings\/(.+?)\d+\.xlsx$/.exec(target);
        if (!m) continue;
        const newBook = `../embeddings/${m[1]}${k}.xlsx`;
        take(`ppt/embeddings/${target.slice("../embeddings/".length)}`, `ppt/embeddings/${newBook.slice("../embeddings/".length)}`);
        rel.setAttribute("Target", newBook);
      }
    });
    take(oldRels, newChart.replace("ppt/charts/", "ppt/charts/_rels/") + ".rels");
    take(oldChart, newChart);
    contentTypes.set(`/${oldChart}`, `/${newChart}`);
  }
  for (const [name, bytes] of moved) parts.set(name, bytes);
  editXml(parts, "[Content_Types].xml", (doc) => {
    for (const o of elements(doc, "Override")) {
      const renamed = contentTypes.get(o.getAttribute("PartName") ?? "");
      if (renamed) o.setAttribute("PartName", renamed);
    }
  });
}
