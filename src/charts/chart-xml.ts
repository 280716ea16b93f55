// Charts stage: PlacedChart -> ppt/charts/chartN.xml (DrawingML chart, ISO/IEC 29500-1 §21.2). The
// plan from layout/ is written as it is: a manual plot area, fixed axis scales, each series' number
// format and colours, and only the data labels the plan placed. Element order follows dml-chart.xsd.
import type { AxisPlan, Hex, PlacedChart, SeriesPlan } from "../model/layout.js";
import type { Theme } from "../model/theme.js";
import { assertNever } from "../util/assert-never.js";
import { ref, sheetLayout, type SheetLayout } from "./workbook.js";
import { el, esc, num, val } from "./xml.js";

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface Ctx { readonly chart: PlacedChart; readonly theme: Theme; readonly sheet: SheetLayout; readonly sz: number }

export function chartXml(chart: PlacedChart, theme: Theme): string {
  const ctx: Ctx = { chart, theme, sheet: sheetLayout(chart), sz: Math.round(chart.fontPt * 100) };
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` + el("c:chartSpace", { "xmlns:c": C_NS, "xmlns:a": A_NS, "xmlns:r": R_NS },
    val("c:date1904", false), val("c:lang", "en-GB"), val("c:roundedCorners", false),
    el("c:chart", {},
      val("c:autoTitleDeleted", true),
      el("c:plotArea", {}, manualLayout(chart, chart.plot, true), ...groups(ctx), ...chart.axes.map((a, i) => axisXml(ctx, a, i)), noFillShape()),
      legendXml(ctx),
      val("c:plotVisOnly", true), val("c:dispBlanksAs", "gap")),
    noFillShape(),
    textProps(ctx, theme.colors.ink),
    el("c:externalData", { "r:id": "rId1" }, val("c:autoUpdate", false)));
}

/** A position inside the chart frame, as fractions of it (`inner`: the plot area inside its axes). */
function manualLayout(chart: PlacedChart, r: { xIn: number; yIn: number; wIn: number; hIn: number }, inner: boolean): string {
  const f = (v: number) => num(Math.round(v * 1e6) / 1e6);
  return el("c:layout", {}, el("c:manualLayout", {},
    inner ? val("c:layoutTarget", "inner") : "", val("c:xMode", "edge"), val("c:yMode", "edge"),
    val("c:x", f(r.xIn / chart.wIn)), val("c:y", f(r.yIn / chart.hIn)), val("c:w", f(r.wIn / chart.wIn)), val("c:h", f(r.hIn / chart.hIn))));
}

const solid = (hex: Hex) => el("a:solidFill", {}, val("a:srgbClr", hex));
function noFillShape(): string {
  return el("c:spPr", {}, el("a:noFill"), el("a:ln", {}, el("a:noFill")));
}
function fillShape(hex: Hex | undefined, border?: Hex): string {
  return el("c:spPr", {}, hex ? solid(hex) : el("a:noFill"), el("a:ln", border ? { w: 19050 } : {}, border ? solid(border) : el("a:noFill")));
}

/** Text properties: size, colour and the theme's body font for everything inside an element. */
function textProps(ctx: Ctx, color: Hex, extra: { rot?: number; bold?: boolean } = {}): string {
  const font = ctx.theme.fonts.body;
  return el("c:txPr", {}, el("a:bodyPr", extra.rot !== undefined ? { rot: extra.rot, vert: "horz" } : {}), el("a:lstStyle"),
    el("a:p", {}, el("a:pPr", {}, el("a:defRPr", { sz: ctx.sz, b: extra.bold ? 1 : 0 }, solid(color), el("a:latin", { typeface: font }), el("a:cs", { typeface: font }))),
      el("a:endParaRPr", { lang: "en-GB" })));
}

/** One chart group per series type, in the plan's order: bars before the lines drawn over them. */
function groups(ctx: Ctx): string[] {
  const { chart } = ctx;
  const types = [...new Set(chart.series.map((s) => s.type))];
  const axisPair = (secondary: boolean) => (secondary ? [val("c:axId", 3), val("c:axId", 4)] : chart.data.kind === "scatter" ? [val("c:axId", 1), val("c:axId", 2)] : [val("c:axId", 1), val("c:axId", 2)]);
  const out: string[] = [];
  for (const type of types) {
    for (const secondary of [false, true]) {
      const members = chart.series.map((s, k) => ({ s, k })).filter(({ s }) => s.type === type && (s.axis === "secondary") === secondary);
      if (members.length === 0) continue;
      const sers = members.map(({ s, k }) => seriesXml(ctx, s, k));
      switch (type) {
        case "bar": {
          const b = chart.bars!;
          out.push(el("c:barChart", {}, val("c:barDir", b.direction), val("c:grouping", b.grouping), val("c:varyColors", false), ...sers,
            val("c:gapWidth", b.gapWidthPct), b.overlapPct ? val("c:overlap", b.overlapPct) : "", ...axisPair(secondary)));
          break;
        }
        case "line":
          out.push(el("c:lineChart", {}, val("c:grouping", chart.lineGrouping ?? "standard"), val("c:varyColors", false), ...sers, val("c:marker", true), ...axisPair(secondary)));
          break;
        case "area":
          out.push(el("c:areaChart", {}, val("c:grouping", chart.lineGrouping ?? "standard"), val("c:varyColors", false), ...sers, ...axisPair(secondary)));
          break;
        case "scatter":
          out.push(el("c:scatterChart", {}, val("c:scatterStyle", "lineMarker"), val("c:varyColors", false), ...sers, ...axisPair(false)));
          break;
        case "pie":
          out.push(el("c:pieChart", {}, val("c:varyColors", true), ...sers, val("c:firstSliceAng", 0)));
          break;
        case "doughnut":
          out.push(el("c:doughnutChart", {}, val("c:varyColors", true), ...sers, val("c:firstSliceAng", 0), val("c:holeSize", chart.holeSizePct ?? 55)));
          break;
        default: assertNever(type, "series type");
      }
    }
  }
  return out;
}

function seriesXml(ctx: Ctx, s: SeriesPlan, k: number): string {
  const { chart, sheet, theme } = ctx;
  const at = sheet.series[k]!;
  const n = chart.data.categories.length;
  const tx = el("c:tx", {}, el("c:strRef", {}, el("c:f", {}, esc(ref(at.name.col, 1))), strCache([sheet.header[at.name.col]!])));
  const cat = el("c:strRef", {}, el("c:f", {}, esc(ref(sheet.categories.col, 2, n + 1))), strCache(chart.data.categories));
  const values = el("c:numRef", {}, el("c:f", {}, esc(ref(at.values.col, 2, n + 1))), numCache(s.values, s.format));
  const round = s.type === "pie" || s.type === "doughnut";
  const line = s.type === "line" || s.type === "scatter";
  const spPr = s.invisible ? (line ? el("c:spPr", {}, el("a:ln", {}, el("a:noFill"))) : noFillShape())
    : line ? el("c:spPr", {}, el("a:ln", { w: s.type === "scatter" ? 9525 : 31750, cap: "rnd" }, s.type === "scatter" ? el("a:noFill") : solid(s.color), el("a:round")))
    : fillShape(s.color);
  const marker = !line ? "" : s.invisible ? el("c:marker", {}, val("c:symbol", "none"))
    : el("c:marker", {}, val("c:symbol", "circle"), val("c:size", 7), el("c:spPr", {}, solid(s.color), el("a:ln", { w: 9525 }, solid(theme.colors.white))));
  const dPts = (s.pointColors ?? []).map((color, i) => (color === s.color && !round ? "" : el("c:dPt", {}, val("c:idx", i),
    s.type === "bar" ? val("c:invertIfNegative", false) : "", line ? marker.replace(solid(s.color), solid(color)) : "",
    val("c:bubble3D", false), round ? fillShape(color, theme.colors.white) : line ? "" : fillShape(color))));
  const labels = labelsXml(ctx, s);
  switch (s.type) {
    case "bar":
      return el("c:ser", {}, val("c:idx", k), val("c:order", k), tx, spPr, val("c:invertIfNegative", false), ...dPts, labels, el("c:cat", {}, cat), el("c:val", {}, values));
    case "line":
      return el("c:ser", {}, val("c:idx", k), val("c:order", k), tx, spPr, marker, ...dPts, labels, el("c:cat", {}, cat), el("c:val", {}, values), val("c:smooth", false));
    case "area":
      return el("c:ser", {}, val("c:idx", k), val("c:order", k), tx, spPr, ...dPts, labels, el("c:cat", {}, cat), el("c:val", {}, values));
    case "scatter": {
      const xVal = el("c:numRef", {}, el("c:f", {}, esc(ref(at.x!.col, 2, n + 1))), numCache(s.x!, s.xFormat ?? s.format));
      return el("c:ser", {}, val("c:idx", k), val("c:order", k), tx, spPr, marker, ...dPts, labels, el("c:xVal", {}, xVal), el("c:yVal", {}, values), val("c:smooth", false));
    }
    case "pie": case "doughnut":
      return el("c:ser", {}, val("c:idx", k), val("c:order", k), tx, ...dPts, labels, el("c:cat", {}, cat), el("c:val", {}, values));
    default: return assertNever(s.type, "series type");
  }
}

function strCache(items: readonly string[]): string {
  return el("c:strCache", {}, val("c:ptCount", items.length), ...items.map((t, i) => el("c:pt", { idx: i }, el("c:v", {}, esc(t)))));
}

/** Values as cached in the chart; a null leaves its point out (a blank cell). */
function numCache(values: ReadonlyArray<number | null>, format: string): string {
  return el("c:numCache", {}, el("c:formatCode", {}, esc(format)), val("c:ptCount", values.length),
    ...values.map((v, i) => (v === null || v === undefined ? "" : el("c:pt", { idx: i }, el("c:v", {}, num(v))))));
}

const SHOW = (showVal: boolean) => [val("c:showLegendKey", false), val("c:showVal", showVal), val("c:showCatName", false), val("c:showSerName", false), val("c:showPercent", false), val("c:showBubbleSize", false)];

/**
 * Data labels as planned: the series' position and format, per-point colours where fills differ, and
 * per-point text for an annotation or a scatter point's name. Doughnuts take no position (the schema
 * allows none; PowerPoint repairs one).
 */
function labelsXml(ctx: Ctx, s: SeriesPlan): string {
  const l = s.labels;
  if (!l) return "";
  const doughnut = s.type === "doughnut";
  const pos = l.position && !doughnut && !(s.type === "area") ? val("c:dLblPos", l.position) : "";
  const numFmt = el("c:numFmt", { formatCode: s.format, sourceLinked: 0 });
  const points = s.values.map((v, i) => {
    const text = l.pointText?.[i];
    const color = l.pointColors?.[i];
    if (v === null || v === undefined) return el("c:dLbl", {}, val("c:idx", i), val("c:delete", true));
    if (text === undefined && (color === undefined || color === l.color)) return l.onlyCustom ? el("c:dLbl", {}, val("c:idx", i), val("c:delete", true)) : "";
    const rich = text !== undefined ? el("c:tx", {}, el("c:rich", {}, el("a:bodyPr"), el("a:lstStyle"), el("a:p", {}, el("a:r", {}, el("a:rPr", { lang: "en-GB", sz: ctx.sz }, solid(color ?? l.color)), el("a:t", {}, esc(text)))))) : "";
    return el("c:dLbl", {}, val("c:idx", i), rich, numFmt, noFillShape(), textProps(ctx, color ?? l.color), pos, ...SHOW(true));
  });
  return el("c:dLbls", {}, ...points, numFmt, noFillShape(), textProps(ctx, l.color), pos, ...SHOW(!l.onlyCustom), val("c:showLeaderLines", false));
}

function axisXml(ctx: Ctx, a: AxisPlan, i: number): string {
  const { chart, theme } = ctx;
  const id = a.secondary ? (a.role === "category" ? 3 : 4) : i + 1 - (chart.axes.slice(0, i).filter((x) => x.secondary).length);
  const cross = a.secondary ? (a.role === "category" ? 4 : 3) : id === 1 ? 2 : 1;
  const title = a.title && a.visible ? el("c:title", {},
    el("c:tx", {}, el("c:rich", {}, el("a:bodyPr", a.side === "b" ? {} : { rot: a.side === "l" ? -5400000 : 5400000, vert: "horz" }), el("a:lstStyle"),
      el("a:p", {}, el("a:pPr", {}, el("a:defRPr", { sz: ctx.sz, b: 0 }, solid(theme.colors.slate))), el("a:r", {}, el("a:rPr", { lang: "en-GB", sz: ctx.sz, b: 0 }, solid(theme.colors.slate)), el("a:t", {}, esc(a.title)))))),
    val("c:overlay", false)) : "";
  const scaling = el("c:scaling", {}, val("c:orientation", a.reversed ? "maxMin" : "minMax"),
    a.max !== undefined ? val("c:max", num(a.max)) : "", a.min !== undefined ? val("c:min", num(a.min)) : "");
  const line = a.role === "category" && a.visible ? el("c:spPr", {}, el("a:ln", { w: 9525 }, solid(theme.colors.rule))) : el("c:spPr", {}, el("a:ln", {}, el("a:noFill")));
  const gridlines = a.gridlines ? el("c:majorGridlines", {}, el("c:spPr", {}, el("a:ln", { w: 6350 }, solid(theme.colors.rule)))) : "";
  // A hidden axis is kept (its scale places the bars and the line) but draws nothing: LibreOffice
  // moves a series off a deleted secondary axis onto the primary one.
  const labels = !a.visible ? "none" : a.role === "value" ? "nextTo" : "low";
  const common = [val("c:axId", id), scaling, val("c:delete", false), val("c:axPos", a.side), gridlines, title,
    el("c:numFmt", { formatCode: a.format ?? "General", sourceLinked: a.format ? 0 : 1 }),
    val("c:majorTickMark", "none"), val("c:minorTickMark", "none"), val("c:tickLblPos", labels),
    line, textProps(ctx, a.role === "category" ? theme.colors.ink : theme.colors.slate), val("c:crossAx", cross)];
  if (a.role === "category") {
    return el("c:catAx", {}, ...common, val("c:crosses", "autoZero"), val("c:auto", true), val("c:lblAlgn", "ctr"), val("c:lblOffset", 100), val("c:noMultiLvlLbl", false));
  }
  // A secondary axis crosses at the right; under top-down categories the value axis crosses at the last one (the bottom).
  const crosses = a.secondary ? "max" : chart.axes.some((x) => x.role === "category" && x.reversed) ? "max" : "autoZero";
  return el("c:valAx", {}, ...common, val("c:crosses", crosses), val("c:crossBetween", chart.data.kind === "scatter" ? "midCat" : "between"),
    a.majorUnit !== undefined ? val("c:majorUnit", num(a.majorUnit)) : "");
}

function legendXml(ctx: Ctx): string {
  const { chart } = ctx;
  if (!chart.legend) return "";
  const hidden = chart.series.map((s, k) => (s.invisible ? el("c:legendEntry", {}, val("c:idx", k), val("c:delete", true)) : ""));
  return el("c:legend", {}, val("c:legendPos", chart.legend.position), ...hidden, manualLayout(chart, chart.legend, false), val("c:overlay", false), noFillShape(), textProps(ctx, ctx.theme.colors.ink));
}
