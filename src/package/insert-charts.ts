// Package stage: each chart in place of the marker shape the build stage drew for it. The marker's
// <p:sp> (pptxgenjs writes shapes flat, never nested) becomes a <p:graphicFrame> that keeps its id;
// the chart part, its relationship to its workbook, the slide's relationship to it and the content
// types are added. A targeted string edit; test/charts.test.ts reads every chart back.
import { CHART_MARKER_ATTR, type ChartPart } from "../charts/chart-parts.js";
import { escapeAttr } from "../util/xml-text.js";
import { partText, writeZip, type DeflateCache, type Parts } from "./zip-io.js";

const EMU_PER_IN = 914400;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const encoder = new TextEncoder();

/** `placed`: charts (by number) whose slides hold them already (slides the package stage finished before). */
export function insertCharts(parts: Parts, charts: readonly ChartPart[], timestampMs: number, placed: ReadonlySet<number> = new Set()): void {
  if (charts.length === 0) return;
  // One pass over each slide finds the markers it holds (a search per chart and slide would make a
  // 1000-slide deck with 200 charts scan 200,000 slide texts).
  const byMarker = new Map(charts.filter((c) => !placed.has(c.n)).map((c) => [c.marker, c]));
  const bySlide = new Map<string, ChartPart[]>();
  for (const name of parts.keys()) {
    if (!/^ppt\/slides\/slide\d+\.xml$/.test(name)) continue;
    const xml = partText(parts, name)!;
    const here: ChartPart[] = [];
    for (const m of xml.matchAll(CHART_MARKER_ATTR)) { const c = byMarker.get(m[1]!); if (c && !here.includes(c)) here.push(c); }
    if (here.length) bySlide.set(name, here);
  }
  for (const [slide, list] of bySlide) {
    let xml = partText(parts, slide)!;
    const relsName = slide.replace("ppt/slides/", "ppt/slides/_rels/") + ".rels";
    let rels = partText(parts, relsName)!;
    for (const c of list) {
      xml = replaceMarker(xml, c);
      rels = rels.replace("</Relationships>", `<Relationship Id="${relId(c)}" Type="${REL}/chart" Target="../charts/chart${c.n}.xml"/></Relationships>`);
    }
    parts.set(slide, xml);
    parts.set(relsName, rels);
  }
  const found = new Set([...bySlide.values()].flat());
  const missing = charts.filter((c) => !found.has(c) && !placed.has(c.n));
  if (missing.length) throw new Error(`package: no marker shape for chart ${missing.map((c) => c.n).join(", ")}`);
  // Most parts of every workbook are the same text (styles, relationships): compressed once.
  const shared: DeflateCache = new Map();
  for (const c of charts) {
    parts.set(`ppt/charts/chart${c.n}.xml`, c.xml);
    parts.set(`ppt/charts/_rels/chart${c.n}.xml.rels`, encoder.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/package" Target="../embeddings/Microsoft_Excel_Worksheet${c.n}.xlsx"/></Relationships>`));
    parts.set(`ppt/embeddings/Microsoft_Excel_Worksheet${c.n}.xlsx`, writeZip(c.workbook, timestampMs, shared));
  }
  let types = partText(parts, "[Content_Types].xml")!;
  if (!/Extension="xlsx"/.test(types)) types = types.replace("</Types>", `<Default Extension="xlsx" ContentType="${XLSX_TYPE}"/></Types>`);
  types = types.replace("</Types>", `${charts.map((c) => `<Override PartName="/ppt/charts/chart${c.n}.xml" ContentType="${CHART_TYPE}"/>`).join("")}</Types>`);
  parts.set("[Content_Types].xml", types);
}

function relId(c: ChartPart): string {
  return `rIdChart${c.n}`;
}

function replaceMarker(xml: string, c: ChartPart): string {
  const at = xml.indexOf(`name="${c.marker}"`);
  const start = xml.lastIndexOf("<p:sp>", at);
  const end = xml.indexOf("</p:sp>", at) + "</p:sp>".length;
  const id = /<p:cNvPr id="(\d+)"/.exec(xml.slice(start, at + 1))?.[1];
  if (start < 0 || end < "</p:sp>".length || !id) throw new Error(`package: malformed marker for chart ${c.n}`);
  const { chart } = c;
  const emu = (v: number) => Math.round(v * EMU_PER_IN);
  const frame = `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="${id}" name="Chart ${c.n}" descr="${escapeAttr(chart.alt)}"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>`
    + `<p:xfrm><a:off x="${emu(chart.xIn)}" y="${emu(chart.yIn)}"/><a:ext cx="${emu(chart.wIn)}" cy="${emu(chart.hIn)}"/></p:xfrm>`
    + `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="${relId(c)}"/></a:graphicData></a:graphic></p:graphicFrame>`;
  return xml.slice(0, start) + frame + xml.slice(end);
}
