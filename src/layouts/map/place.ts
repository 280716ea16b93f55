// The map layout, placed: the map in the first nine columns, its legend, caption and (for indicative
// routes) a note in the last three. Beneath everything the map's frame (the sea, carrying the map's
// alt text); on it every country in view as a freeform, the highlighted ones in their role's tint;
// then routes, place markers, and labels, each label placed where it collides with no other label
// and no marker and stays inside the frame, or left out with a warning.
import { DeckError } from "../../errors.js";
import { findCountry } from "../../geo/atlas.js";
import { mapView, type MapFrame } from "../../geo/map-view.js";
import type { Hex, PathCommand, PlacedFreeform, PlacedItem, Rect } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { contentFrame, fieldList, fieldText, fittedBox, para, textBox, TYPE, type LayoutContext } from "../../layout/frame.js";
import { gridFor, ZONE } from "../../layout/grid.js";
import { lineHeightPt, textWidthPt, wrapLines } from "../../layout/measure-text.js";
import { mix } from "../../util/colour.js";
import { pathContains } from "../../layout/path-geometry.js";
import type { MapSpec } from "./index.js";

/** The map's box on a 16:9 slide with a one-line source: what validation checks places against. */
export const MAP_SHAPE: { readonly wIn: number; readonly hIn: number } = (() => {
  const r = gridFor("16:9").rect(1, 9, ZONE.body.yIn, ZONE.body.hIn - 0.37);
  return { wIn: r.wIn, hIn: r.hIn };
})();

/** What the map carries from the outline to its placement: countries by the data's names, points as lon/lat. */
export interface MapData {
  readonly frame: MapFrame;
  /** Countries labelled, with the group (`highlight` entry) each is in, if any. */
  readonly labelled: ReadonlyArray<{ readonly name: string }>;
  readonly groups: ReadonlyArray<readonly string[]>;
  readonly places: ReadonlyArray<{ readonly lon: number; readonly lat: number; readonly label?: Side }>;
  readonly routes: ReadonlyArray<{ readonly points: ReadonlyArray<readonly [number, number]>; readonly indicative: boolean; readonly arrow: boolean }>;
}

type Side = "right" | "left" | "above" | "below";

export function frameOf(map: MapSpec): MapFrame {
  return map.box ? { box: map.box } : { countries: (map.frame ?? []).map((c) => findCountry(c) ?? c) };
}

export function mapData(map: MapSpec, labelled: readonly string[]): MapData {
  const places = map.places ?? [];
  return {
    frame: frameOf(map),
    labelled: labelled.map((c) => ({ name: findCountry(c) ?? c })),
    groups: (map.highlight ?? []).map((g) => g.countries.map((c) => findCountry(c) ?? c)),
    places: places.map((p) => ({ lon: p.lon, lat: p.lat, ...(p.label ? { label: p.label } : {}) })),
    routes: (map.routes ?? []).map((r) => ({
      points: r.via.map((v) => (typeof v === "string" ? ((p) => [p?.lon ?? 0, p?.lat ?? 0] as const)(places.find((p) => p.name === v)) : [v[0], v[1]] as const)),
      indicative: r.indicative ?? false, arrow: r.arrow ?? false,
    })),
  };
}

const PLACE_PT = 14;
const COUNTRY_PT = 12;
const LEGEND_PT = 14;
const NOTE_PT = TYPE.sourcePt;
const CAPTION = { maxPt: 20, minPt: TYPE.bodyMinPt } as const;
const MARKER_IN = 0.13;
const LABEL_GAP_IN = 0.06;
const EDGE_IN = 0.05;
const SWATCH = { wIn: 0.34, hIn: 0.22 } as const;
const PANEL_MIN_IN = 2.6;
/** A label with no room on its country sits this far out from its centre, at one of eight bearings, with a leader line. */
const LEADER_RINGS_IN = [0.2, 0.35, 0.55, 0.8] as const;
const LEADER_ANGLES = [0, 4, 2, 6, 1, 3, 5, 7].map((k) => (k * Math.PI) / 4);
/** The clear square kept around a labelled country's centre. */
const ANCHOR_IN = 0.12;

export function placeMap(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors, chartColors } = ctx.theme;
  const { items, body } = contentFrame(ctx, slide);
  const data = slide.data as MapData;
  // The legend and caption take three columns, or four on a narrow slide (4:3) where three are too slim.
  const split = ctx.grid.rect(10, 12, 0, 0).wIn < PANEL_MIN_IN ? 8 : 9;
  const map = ctx.grid.rect(1, split, body.yIn, body.hIn);
  const panel = ctx.grid.rect(split + 1, 12, body.yIn, body.hIn);
  const view = mapView(data.frame, map);
  const at = (p: readonly [number, number]): [number, number] => [map.xIn + p[0], map.yIn + p[1]];

  // Colours from the theme: the sea a breath of sky, other land a light slate, each group a tint of
  // its series colour (light enough that ink labels read on all of them), routes in the accent.
  const sea = mix(colors.sky, colors.white, 0.08);
  const land = mix(colors.slate, colors.white, 0.17);
  const tints = data.groups.map((_, i) => mix(chartColors[i % chartColors.length]!, colors.white, 0.45));
  const routeColors = [colors.amber, colors.red, colors.teal, colors.navy];
  const groupOf = new Map<string, number>();
  data.groups.forEach((g, i) => g.forEach((c) => { if (!groupOf.has(c)) groupOf.set(c, i); }));

  items.push({ kind: "shape", shape: "rect", ...map, fill: sea, line: { color: colors.rule, widthPt: 0.75 }, name: "Map", alt: fieldText(slide, "alt") });
  const countries = view.countries();
  // Highlighted countries last, so their borders are drawn whole over their neighbours'.
  const ordered = [...countries.filter((c) => !groupOf.has(c.name)), ...countries.filter((c) => groupOf.has(c.name))];
  const shapes = new Map<string, PlacedFreeform>();
  for (const c of ordered) {
    const g = groupOf.get(c.name);
    const shape = freeform(c.name, c.path.map((cmd) => offset(cmd, map)), { fill: g === undefined ? land : tints[g]!, line: { color: colors.white, widthPt: 0.75 } });
    shapes.set(c.name, shape);
    items.push(shape);
  }
  const routeNames = fieldList(slide, "route");
  data.routes.forEach((r, i) => {
    const points = r.points.map(([lon, lat]) => view.project(lon, lat)).filter((p): p is readonly [number, number] => p !== undefined);
    if (points.length < 2) return;
    items.push(freeform(`Route: ${routeNames[i]?.text ?? i + 1}`, view.curve(points).map((cmd) => offset(cmd, map)),
      { line: { color: routeColors[i % routeColors.length]!, widthPt: 2.5, dash: r.indicative, arrow: r.arrow } }));
  });

  // Markers, then labels: places first (they carry the story), then countries, smallest first (a
  // large one has room for its label on itself wherever its neighbours' go).
  const taken: Rect[] = [];
  const placeNames = fieldList(slide, "place");
  const markers = data.places.map((p, i) => {
    const q = view.project(p.lon, p.lat);
    if (!q) return undefined;
    const [x, y] = at(q);
    const r = { xIn: x - MARKER_IN / 2, yIn: y - MARKER_IN / 2, wIn: MARKER_IN, hIn: MARKER_IN };
    items.push({ kind: "shape", shape: "ellipse", ...r, fill: colors.navy, line: { color: colors.white, widthPt: 1 }, name: `Place: ${placeNames[i]?.text ?? i + 1}` });
    taken.push(r);
    return { x, y };
  });
  const inside = (r: Rect) => r.xIn >= map.xIn + EDGE_IN && r.yIn >= map.yIn + EDGE_IN && r.xIn + r.wIn <= map.xIn + map.wIn - EDGE_IN && r.yIn + r.hIn <= map.yIn + map.hIn - EDGE_IN;
  const free = (r: Rect) => inside(r) && !taken.some((t) => overlaps(t, r));
  const unplaced: string[] = [];

  data.places.forEach((p, i) => {
    const m = markers[i];
    const text = placeNames[i]?.text ?? "";
    if (!m || !text) return;
    const w = textWidthPt(text, PLACE_PT, true) / 72 + 0.04;
    const h = lineHeightPt(PLACE_PT) / 72;
    const half = MARKER_IN / 2 + LABEL_GAP_IN;
    const spots: Record<Side, Rect & { align: "left" | "right" | "center" }> = {
      right: { xIn: m.x + half, yIn: m.y - h / 2, wIn: w, hIn: h, align: "left" },
      left: { xIn: m.x - half - w, yIn: m.y - h / 2, wIn: w, hIn: h, align: "right" },
      above: { xIn: m.x - w / 2, yIn: m.y - half - h, wIn: w, hIn: h, align: "center" },
      below: { xIn: m.x - w / 2, yIn: m.y + half, wIn: w, hIn: h, align: "center" },
    };
    const order: Side[] = [...(p.label ? [p.label] : []), ...(["right", "left", "above", "below"] as const).filter((s) => s !== p.label)];
    const spot = order.map((s) => spots[s]).find(free);
    if (!spot) { unplaced.push(text); return; }
    taken.push(spot);
    const { align, ...r } = spot;
    items.push(textBox("map-place", r, [para(text)], PLACE_PT, colors.ink, { bold: true, align, valign: "middle" }));
  });

  const countryNames = fieldList(slide, "country");
  const byArea = data.labelled.map((c, i) => ({ c, i, visible: countries.find((x) => x.name === c.name)?.centre() }))
    .filter((x) => x.visible?.centroid).sort((a, b) => a.visible!.areaIn2 - b.visible!.areaIn2);
  // Each labelled country's centre is kept clear for its own label or leader: a larger neighbour's
  // label is placed around it.
  const anchors = new Map(byArea.map(({ c, visible }) => {
    const [x, y] = at(visible!.centroid!);
    return [c.name, { xIn: x - ANCHOR_IN / 2, yIn: y - ANCHOR_IN / 2, wIn: ANCHOR_IN, hIn: ANCHOR_IN }] as const;
  }));
  const labelledShapes = byArea.map(({ c }) => shapes.get(c.name)).filter((s): s is PlacedFreeform => s !== undefined);
  for (const { c, i, visible } of byArea) {
    const text = countryNames[i]?.text ?? "";
    if (!text) continue;
    const others = [...anchors].filter(([name]) => name !== c.name).map(([, r]) => r);
    const free = (r: Rect) => inside(r) && !taken.some((t) => overlaps(t, r)) && !others.some((t) => overlaps(t, r));
    const w = textWidthPt(text, COUNTRY_PT) / 72 + 0.06;
    const h = lineHeightPt(COUNTRY_PT) / 72;
    const [cx, cy] = at(visible!.centroid!);
    const shape = shapes.get(c.name);
    const onIt = (r: Rect) => shape !== undefined && within(shape, r.xIn + r.wIn / 2, r.yIn + r.hIn / 2);
    // On the country, around its centre, nearest first; failing that, nearby with a leader line to it.
    const near = [[0, 0], [0, -1], [0, 1], [-0.6, 0], [0.6, 0], [-0.6, -1], [0.6, -1], [-0.6, 1], [0.6, 1], [0, -2], [0, 2]]
      .map(([dx, dy]) => ({ xIn: cx - w / 2 + dx! * w, yIn: cy - h / 2 + dy! * h * 1.1, wIn: w, hIn: h }));
    const led = LEADER_RINGS_IN.flatMap((d) => LEADER_ANGLES.map((a) => ({ xIn: cx + Math.cos(a) * (d + w / 2) - w / 2, yIn: cy - Math.sin(a) * (d + h / 2) - h / 2, wIn: w, hIn: h })));
    const leaderFree = (r: Rect) => {
      const [ex, ey] = edgeToward(r, cx, cy);
      // The leader keeps clear of other labels and markers (sampled along its length).
      for (let t = 0.15; t < 0.95; t += 0.1) {
        const px = ex + (cx - ex) * t;
        const py = ey + (cy - ey) * t;
        if (taken.some((k) => px >= k.xIn && px <= k.xIn + k.wIn && py >= k.yIn && py <= k.yIn + k.hIn)) return false;
      }
      return true;
    };
    // Off its country, the best spot is the nearest one over open sea or unlabelled land: a label over
    // another labelled country would read as that country's.
    const overOther = (r: Rect) => labelledShapes.some((s) => s !== shape && within(s, r.xIn + r.wIn / 2, r.yIn + r.hIn / 2));
    const offScore = (r: Rect) => Math.hypot(r.xIn + r.wIn / 2 - cx, r.yIn + r.hIn / 2 - cy) + (overOther(r) ? 1.5 : 0);
    const offCountry = led.filter((r) => free(r) && (onIt(r) || leaderFree(r))).map((r) => ({ r, score: offScore(r) })).sort((a, b) => a.score - b.score).map((x) => x.r);
    const spot = near.find((r) => free(r) && onIt(r)) ?? offCountry[0];
    if (!spot) { unplaced.push(text); continue; }
    taken.push(spot);
    if (!onIt(spot)) {
      const [ex, ey] = edgeToward(spot, cx, cy);
      items.push(freeform(`Leader: ${text}`, [{ op: "M", x: ex, y: ey }, { op: "L", x: cx, y: cy }], { line: { color: colors.ink, widthPt: 0.75 } }));
    }
    items.push(textBox("map-country", spot, [para(text)], COUNTRY_PT, colors.ink, { align: "center", valign: "middle" }));
  }
  if (unplaced.length > 0) {
    ctx.warn(new DeckError({
      code: "MAP_LABEL", severity: "warning", pos: slide.pos,
      message: `the map of slide "${fieldText(slide, "title").slice(0, 48)}" has no room for the label${unplaced.length === 1 ? "" : "s"} ${unplaced.map((u) => `"${u}"`).join(", ")} without covering another, so ${unplaced.length === 1 ? "it is" : "they are"} left out`,
      hint: "mark fewer places, or frame more of the region so they lie further apart",
    }));
  }

  items.push(...legend(ctx, slide, panel, tints, data.routes.map((r, i) => ({ color: routeColors[i % routeColors.length]!, dash: r.indicative }))));
  return items;
}

/** The legend (a swatch and the role of each group, a line and the name of each route), the caption, and the note on indicative routes. */
function legend(ctx: LayoutContext, slide: RenderedSlide, panel: Rect, tints: readonly Hex[], routes: ReadonlyArray<{ color: Hex; dash: boolean }>): PlacedItem[] {
  const { colors } = ctx.theme;
  const items: PlacedItem[] = [];
  const textX = panel.xIn + SWATCH.wIn + 0.14;
  const textW = panel.xIn + panel.wIn - textX;
  const lineH = lineHeightPt(LEGEND_PT) / 72;
  let y = panel.yIn;
  const entry = (text: string, swatch: (midY: number) => PlacedItem) => {
    const lines = Math.max(1, wrapLines(text, LEGEND_PT, textW * 72 * 0.96).length);
    const h = lines * lineH;
    items.push(swatch(y + lineH / 2));
    items.push(textBox("map-legend", { xIn: textX, yIn: y, wIn: textW, hIn: h + 0.02 }, [para(text)], LEGEND_PT, colors.ink));
    y += h + 0.14;
  };
  fieldList(slide, "role").forEach((f, i) => entry(f.text, (mid) => ({ kind: "shape", shape: "rect", xIn: panel.xIn, yIn: mid - SWATCH.hIn / 2, ...SWATCH, fill: tints[i]!, line: { color: colors.rule, widthPt: 0.75 } })));
  fieldList(slide, "route").forEach((f, i) => entry(f.text, (mid) => freeform(`Legend: ${f.text}`, [{ op: "M", x: panel.xIn, y: mid }, { op: "L", x: panel.xIn + SWATCH.wIn, y: mid }],
    { line: { color: routes[i]!.color, widthPt: 2.5, dash: routes[i]!.dash } })));
  const note = fieldText(slide, "schematic");
  const noteH = note ? wrapLines(note, NOTE_PT, panel.wIn * 72 * 0.96).length * (lineHeightPt(NOTE_PT) / 72) + 0.04 : 0;
  const bottom = panel.yIn + panel.hIn - (note ? noteH + 0.12 : 0);
  const caption = fieldText(slide, "caption");
  if (caption) {
    const top = y + (y > panel.yIn ? 0.2 : 0);
    items.push({ kind: "shape", shape: "rect", xIn: panel.xIn, yIn: top, wIn: 0.9, hIn: 0.05, fill: colors.teal });
    items.push(fittedBox(ctx, slide, "map-caption", { xIn: panel.xIn, yIn: top + 0.16, wIn: panel.wIn, hIn: Math.max(0.4, bottom - top - 0.16) }, [{ text: caption }], CAPTION, colors.ink));
  }
  if (note) items.push(textBox("map-note", { xIn: panel.xIn, yIn: panel.yIn + panel.hIn - noteH, wIn: panel.wIn, hIn: noteH }, [para(note)], NOTE_PT, colors.slate, { valign: "bottom" }));
  return items;
}

/** Whether a point lies on a freeform: its bounding box first, then its outline. */
function within(f: PlacedFreeform, x: number, y: number): boolean {
  return x >= f.xIn && x <= f.xIn + f.wIn && y >= f.yIn && y <= f.yIn + f.hIn && pathContains(f.path, x, y);
}

/** The point of a label's box edge nearest the way to (x, y): where its leader line starts. */
function edgeToward(r: Rect, x: number, y: number): [number, number] {
  return [Math.min(r.xIn + r.wIn, Math.max(r.xIn, x)), Math.min(r.yIn + r.hIn, Math.max(r.yIn, y))];
}

function freeform(name: string, path: readonly PathCommand[], style: Pick<PlacedFreeform, "fill" | "line">): PlacedFreeform {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const c of path) {
    if (c.op === "Z") continue;
    const xs = c.op === "C" ? [c.x1, c.x2, c.x] : [c.x];
    const ys = c.op === "C" ? [c.y1, c.y2, c.y] : [c.y];
    x0 = Math.min(x0, ...xs); x1 = Math.max(x1, ...xs); y0 = Math.min(y0, ...ys); y1 = Math.max(y1, ...ys);
  }
  return { kind: "freeform", name, path, xIn: x0, yIn: y0, wIn: x1 - x0, hIn: y1 - y0, ...style };
}

function offset(c: PathCommand, r: Rect): PathCommand {
  if (c.op === "Z") return c;
  if (c.op === "C") return { ...c, x1: c.x1 + r.xIn, y1: c.y1 + r.yIn, x2: c.x2 + r.xIn, y2: c.y2 + r.yIn, x: c.x + r.xIn, y: c.y + r.yIn };
  return { ...c, x: c.x + r.xIn, y: c.y + r.yIn };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.xIn < b.xIn + b.wIn && b.xIn < a.xIn + a.wIn && a.yIn < b.yIn + b.hIn && b.yIn < a.yIn + a.hIn;
}
