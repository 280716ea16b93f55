// Package stage: chart XML fixes (../shared/notes/pptxgenjs.md §1b), done on the DOM.
import type { Parts } from "./zip-io.js";
import { childElements, editXml, elements, reorderChildren, type Element } from "./xml.js";

// Child order required by CT_LineSer and CT_BarSer (ISO/IEC 29500-1, dml-chart.xsd).
const LINE_SER_ORDER = ["c:idx", "c:order", "c:tx", "c:spPr", "c:marker", "c:dPt", "c:dLbls", "c:trendline", "c:errBars", "c:cat", "c:val", "c:smooth", "c:extLst"];
const BAR_SER_ORDER = ["c:idx", "c:order", "c:tx", "c:spPr", "c:invertIfNegative", "c:pictureOptions", "c:dPt", "c:dLbls", "c:trendline", "c:errBars", "c:cat", "c:val", "c:shape", "c:extLst"];
const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";

export function fixCharts(parts: Parts): void {
  for (const name of [...parts.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))) {
    editXml(parts, name, (doc) => {
      for (const tag of ["c:barChart", "c:lineChart", "c:areaChart"]) {
        for (const chart of elements(doc, tag)) {
          dropExtraAxisIds(chart);
          if (tag === "c:lineChart") fixLineChart(chart);
          if (tag === "c:barChart") for (const ser of directChildren(chart, "c:ser")) reorderChildren(ser, BAR_SER_ORDER);
        }
      }
      for (const ref of elements(doc, "c:multiLvlStrRef")) singleLevelToStrRef(ref);
    });
  }
}

function directChildren(parent: Element, name: string): Element[] {
  return childElements(parent).filter((e) => e.nodeName === name);
}

/** #1534: 2-D bar, line and area charts get three c:axId; the schema allows two. PowerPoint repairs it. */
function dropExtraAxisIds(chart: Element): void {
  for (const extra of directChildren(chart, "c:axId").slice(2)) chart.removeChild(extra);
}

/**
 * Line charts lack the required c:grouping, carry c:invertIfNegative (not allowed in CT_LineSer)
 * and write c:dLbls before c:marker.
 */
function fixLineChart(chart: Element): void {
  if (directChildren(chart, "c:grouping").length === 0) {
    const grouping = chart.ownerDocument!.createElementNS(C_NS, "c:grouping");
    grouping.setAttribute("val", "standard");
    chart.insertBefore(grouping, chart.firstChild);
  }
  for (const ser of directChildren(chart, "c:ser")) {
    for (const inv of directChildren(ser, "c:invertIfNegative")) ser.removeChild(inv);
    reorderChildren(ser, LINE_SER_ORDER);
  }
}

/**
 * PR #1273 / #1465: categories are always a multi-level reference, even with one level, and
 * Google Slides then shows them as 1, 2, 3. Rewrite single-level ones as a plain c:strRef.
 */
function singleLevelToStrRef(ref: Element): void {
  const cache = directChildren(ref, "c:multiLvlStrCache")[0];
  const levels = cache ? directChildren(cache, "c:lvl") : [];
  if (!cache || levels.length !== 1) return;
  const doc = ref.ownerDocument!;
  const strRef = doc.createElementNS(C_NS, "c:strRef");
  const f = directChildren(ref, "c:f")[0];
  if (f) strRef.appendChild(f);
  const strCache = doc.createElementNS(C_NS, "c:strCache");
  const ptCount = directChildren(cache, "c:ptCount")[0];
  if (ptCount) strCache.appendChild(ptCount);
  for (const pt of directChildren(levels[0]!, "c:pt")) strCache.appendChild(pt);
  strRef.appendChild(strCache);
  ref.parentNode!.replaceChild(strRef, ref);
}
