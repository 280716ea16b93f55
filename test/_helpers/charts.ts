// Test helper: a deck's charts read back from their XML and embedded workbooks.
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { unzipSync } from "fflate";
import type { Pptx } from "./pptx.js";

const all = (e: Element | Document, tag: string): Element[] => Array.from(e.getElementsByTagName(tag));
const first = (e: Element, tag: string) => (e.getElementsByTagName(tag)[0] as Element | undefined);
const valOf = (e: Element | undefined, tag: string) => (e ? first(e, tag)?.getAttribute("val") ?? undefined : undefined);

export interface ReadSeries {
  readonly type: string;
  readonly name: string;
  readonly categories: string[];
  readonly values: Array<number | null>;
  readonly x: number[];
  /** The values' number format (numCache), and the data labels' (dLbls), position and shown flag. */
  readonly format: string | undefined;
  readonly labelFormat: string | undefined;
  readonly labelPosition: string | undefined;
  readonly showValues: boolean;
  readonly labelColor: string | undefined;
  /** Per point: custom label text and colour. */
  readonly pointLabels: Array<{ idx: number; text?: string; color?: string; deleted: boolean }>;
  readonly fill: string | undefined;
  readonly pointFills: Array<{ idx: number; fill: string | undefined }>;
  readonly secondary: boolean;
}

export interface ReadChart {
  readonly part: string;
  readonly xml: string;
  readonly kinds: string[];
  readonly series: ReadSeries[];
  readonly axes: Array<{ tag: string; id: string; hidden: boolean; format: string | undefined; min?: number; max?: number; title?: string }>;
  readonly workbook: { header: string[]; tableColumns: string[]; cells: Map<string, { value: string; format: string | undefined }> };
  readonly alt: string;
}

function colorOf(e: Element | undefined): string | undefined {
  return e ? first(e, "a:srgbClr")?.getAttribute("val") ?? undefined : undefined;
}

/** Charts on a slide (1-based), in the order the slide links them. */
export function chartsOn(deck: Pptx, slide: number): ReadChart[] {
  const slideXml = deck.xml(`ppt/slides/slide${slide}.xml`);
  const frames = all(slideXml, "p:graphicFrame").filter((f) => all(f, "c:chart").length > 0);
  const rels = deck.rels(`ppt/slides/slide${slide}.xml`, "chart");
  return frames.map((frame) => {
    const rid = first(frame, "c:chart")!.getAttribute("r:id");
    const rel = rels.find((r) => r.id === rid)!;
    const part = `ppt/${rel.target.replace(/^\.\.\//, "")}`;
    const xml = deck.text(part);
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    const plot = first(doc.documentElement!, "c:plotArea")!;
    const kinds = Array.from(plot.childNodes).filter((n): n is Element => n.nodeType === 1 && /Chart$/.test((n as Element).nodeName)).map((n) => n.nodeName);
    const axisIds = (chart: Element) => all(chart, "c:axId").map((a) => a.getAttribute("val"));
    const series = kinds.flatMap((kind) => all(plot, kind).flatMap((chart) => all(chart, "c:ser").map((ser): ReadSeries => {
      const points = (tag: string) => {
        const cache = first(ser, tag);
        if (!cache) return [] as Array<{ idx: number; v: string }>;
        return all(cache, "c:pt").map((p) => ({ idx: Number(p.getAttribute("idx")), v: first(p, "c:v")!.textContent ?? "" }));
      };
      const count = Number(valOf(first(ser, "c:val") ?? first(ser, "c:yVal"), "c:ptCount") ?? 0);
      const valuePoints = points(first(ser, "c:val") ? "c:val" : "c:yVal");
      const values = Array.from({ length: count }, (_, i) => { const p = valuePoints.find((x) => x.idx === i); return p ? Number(p.v) : null; });
      const dLbls = first(ser, "c:dLbls");
      const seriesLevel = dLbls ? Array.from(dLbls.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).nodeName !== "c:dLbl") : [];
      const pick = (tag: string) => seriesLevel.find((e) => e.nodeName === tag);
      const ids = axisIds(chart);
      return {
        type: kind, name: first(first(ser, "c:tx")!, "c:v")?.textContent ?? "",
        categories: points("c:cat").map((p) => p.v), values, x: points("c:xVal").map((p) => Number(p.v)),
        format: first(ser, "c:numCache")?.getElementsByTagName("c:formatCode")[0]?.textContent ?? undefined,
        labelFormat: pick("c:numFmt")?.getAttribute("formatCode") ?? undefined,
        labelPosition: pick("c:dLblPos")?.getAttribute("val") ?? undefined,
        showValues: pick("c:showVal")?.getAttribute("val") === "1",
        labelColor: colorOf(pick("c:txPr")),
        pointLabels: dLbls ? all(dLbls, "c:dLbl").map((d) => ({
          idx: Number(valOf(d, "c:idx")), deleted: valOf(d, "c:delete") === "1",
          ...(first(d, "c:tx") ? { text: all(first(d, "c:tx")!, "a:t").map((t) => t.textContent).join("") } : {}),
          ...(colorOf(first(d, "c:txPr")) ? { color: colorOf(first(d, "c:txPr"))! } : {}),
        })) : [],
        fill: colorOf(Array.from(ser.childNodes).find((n): n is Element => n.nodeType === 1 && (n as Element).nodeName === "c:spPr")),
        pointFills: all(ser, "c:dPt").map((d) => ({ idx: Number(valOf(d, "c:idx")), fill: colorOf(first(d, "c:spPr")) })),
        secondary: ids.includes("3") || ids.includes("4"),
      };
    })));
    const axes = ["c:catAx", "c:valAx"].flatMap((tag) => all(plot, tag).map((a) => ({
      tag, id: valOf(a, "c:axId")!, hidden: valOf(a, "c:delete") === "1" || valOf(a, "c:tickLblPos") === "none",
      format: first(a, "c:numFmt")?.getAttribute("formatCode") ?? undefined,
      ...(valOf(first(a, "c:scaling")!, "c:min") !== undefined ? { min: Number(valOf(first(a, "c:scaling")!, "c:min")) } : {}),
      ...(valOf(first(a, "c:scaling")!, "c:max") !== undefined ? { max: Number(valOf(first(a, "c:scaling")!, "c:max")) } : {}),
      ...(first(a, "c:title") ? { title: all(first(a, "c:title")!, "a:t").map((t) => t.textContent).join("") } : {}),
    })));
    return { part, xml, kinds, series, axes, workbook: readWorkbook(deck, part), alt: first(frame, "p:cNvPr")!.getAttribute("descr") ?? "" };
  });
}

function readWorkbook(deck: Pptx, chartPart: string): ReadChart["workbook"] {
  const rel = deck.rels(chartPart, "package")[0]!;
  const book = unzipSync(deck.files[`ppt/${rel.target.replace(/^\.\.\//, "")}`]!);
  const parse = (name: string) => new DOMParser().parseFromString(new TextDecoder().decode(book[name]!), "application/xml");
  const shared = all(parse("xl/sharedStrings.xml"), "si").map((si) => all(si, "t").map((t) => t.textContent).join(""));
  const styles = parse("xl/styles.xml");
  const numFmts = new Map(all(styles, "numFmt").map((n) => [n.getAttribute("numFmtId")!, n.getAttribute("formatCode")!]));
  const xfs = all(first(styles.documentElement!, "cellXfs")!, "xf").map((x) => numFmts.get(x.getAttribute("numFmtId")!));
  const cells = new Map<string, { value: string; format: string | undefined }>();
  for (const c of all(parse("xl/worksheets/sheet1.xml"), "c")) {
    const v = first(c, "v")?.textContent ?? "";
    cells.set(c.getAttribute("r")!, { value: c.getAttribute("t") === "s" ? shared[Number(v)]! : v, format: xfs[Number(c.getAttribute("s") ?? 0)] });
  }
  const header = [...cells].filter(([r]) => /^[A-Z]+1$/.test(r)).map(([, c]) => c.value);
  const tableColumns = all(parse("xl/tables/table1.xml"), "tableColumn").map((t) => t.getAttribute("name")!);
  return { header, tableColumns, cells };
}

/** Slides (1-based) that hold a chart. */
export function chartSlides(deck: Pptx): number[] {
  return Array.from({ length: deck.slideCount() }, (_, i) => i + 1).filter((n) => deck.rels(`ppt/slides/slide${n}.xml`, "chart").length > 0);
}
