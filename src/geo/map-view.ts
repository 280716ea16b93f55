// Geo stage: a map's view. The projection is fitted to what the outline frames (countries, or a
// lon/lat box): Lambert's conformal conic, with standard parallels at a sixth and five sixths of the
// framed latitudes (Mercator for a region across the equator). Countries are simplified to the
// slide's resolution on the topology, projected into the map's box in inches, and clipped to it;
// places are projected points, routes smoothed curves through their points (centripetal
// Catmull-Rom, so a bend never loops).
import { geoBounds, geoConicConformal, geoGraticule, geoMercator, geoPath, type GeoConicProjection, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { curveCatmullRom, line } from "d3-shape";
import type { PathCommand } from "../model/layout.js";
import { coarseHas, countryShapes, type CountryShape, type Resolution } from "./atlas.js";
import { cachedGeo } from "./geo-cache.js";

/** What a map frames: countries (by the data's names), or a box of longitudes and latitudes. */
export type MapFrame =
  | { readonly countries: readonly string[] }
  | { readonly box: { readonly west: number; readonly south: number; readonly east: number; readonly north: number } };

export interface ProjectedCountry {
  readonly name: string;
  /** Its outline in the map's box (inches from its top-left corner), clipped to it. */
  readonly path: readonly PathCommand[];
  /** Where its visible part's area is centred (undefined: nothing of it in view), and that part's area in square inches. */
  centre(): { readonly centroid?: readonly [number, number]; readonly areaIn2: number };
}

export interface MapView {
  readonly wIn: number;
  readonly hIn: number;
  readonly resolution: Resolution;
  /** Kilometres one inch of the map stands for, at its centre. */
  readonly kmPerIn: number;
  /** A point in the map's box (inches), or undefined where the projection cannot show it. */
  project(lon: number, lat: number): readonly [number, number] | undefined;
  inView(p: readonly [number, number]): boolean;
  /** Every country with a part in view, in the data's order. */
  countries(): readonly ProjectedCountry[];
  /** A smooth curve through the points (map inches), as path commands. */
  curve(points: ReadonlyArray<readonly [number, number]>): PathCommand[];
}

/** Margin kept between what is framed and the map's edge, and the finest detail drawn (inches). */
const FIT_MARGIN_IN = 0.15;
const DETAIL_IN = 0.012;
/** Coarser than this, the 1:110m data is detailed enough; finer than the second, the 1:10m data is needed. */
const COARSE_KM_PER_IN = 450;
const FINE_KM_PER_IN = 120;
const KM_PER_DEGREE = 111.32;

export function mapView(frame: MapFrame, box: { readonly wIn: number; readonly hIn: number }): MapView {
  // The fitted projection's parameters are cached, and the projection always rebuilt from them, so a
  // map drawn from the cache is the map drawn without it, to the last digit.
  const params = cachedGeo("view", { frame, box: [box.wIn, box.hIn] }, () => paramsOf(fittedProjection(frameGeometry(frame), box)), isViewParams);
  const projection = projectionOf(params);
  // Inches per degree of latitude at the centre give the scale, the resolution and the detail kept.
  const [cx, cy] = [box.wIn / 2, box.hIn / 2];
  const centre = projection.invert?.([cx, cy]) ?? [0, 0];
  const a = projection([centre[0], centre[1] - 0.5]);
  const b = projection([centre[0], centre[1] + 0.5]);
  const inPerDegree = a && b ? Math.hypot(a[0] - b[0], a[1] - b[1]) : 1;
  const kmPerIn = KM_PER_DEGREE / inPerDegree;
  const resolution: Resolution = kmPerIn > COARSE_KM_PER_IN ? "110m" : kmPerIn < FINE_KM_PER_IN ? "10m" : "50m";
  const detailRad = (DETAIL_IN / inPerDegree) * (Math.PI / 180);
  // Adaptive resampling to a hundredth of an inch, and clipping to the box.
  projection.precision(0.01).clipExtent([[0, 0], [box.wIn, box.hIn]]);
  const inView = (p: readonly [number, number]) => p[0] >= 0 && p[0] <= box.wIn && p[1] >= 0 && p[1] <= box.hIn;
  return {
    wIn: box.wIn, hIn: box.hIn, resolution, kmPerIn,
    project: (lon, lat) => {
      const p = projection([lon, lat]);
      return p && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? [p[0], p[1]] : undefined;
    },
    inView,
    // The 1:110m data is already at a continent's resolution: simplifying it would remove next to nothing.
    countries: () => cachedGeo("countries", { params, box: [box.wIn, box.hIn] },
      () => projectCountries(countryShapes(resolution, resolution === "110m" ? 0 : (detailRad * detailRad) / 2).filter(nearView(projection, box, resolution)), projection),
      isProjected).map((c) => ({ name: c.name, path: c.path, centre: () => c.centre })),
    curve: (points) => {
      const out = new PathRecorder();
      line().curve(curveCatmullRom.alpha(0.5)).context(out as unknown as CanvasRenderingContext2D)(points.map((p) => [p[0], p[1]]));
      return out.rings();
    },
  };
}

/** A fitted projection, as numbers: what it is, how it is turned, and its scale and offset in inches. */
interface ViewParams {
  readonly kind: "conic" | "mercator";
  readonly rotate: readonly [number, number, number];
  readonly parallels?: readonly [number, number];
  readonly scale: number;
  readonly translate: readonly [number, number];
}

function paramsOf(p: GeoProjection): ViewParams {
  const conic = p as GeoConicProjection;
  const parallels = typeof conic.parallels === "function" ? conic.parallels() : undefined;
  return { kind: parallels ? "conic" : "mercator", rotate: p.rotate(), ...(parallels ? { parallels } : {}), scale: p.scale(), translate: p.translate() };
}

function projectionOf(v: ViewParams): GeoProjection {
  const p = v.kind === "conic" ? geoConicConformal().parallels([v.parallels![0], v.parallels![1]]) : geoMercator();
  return p.rotate([v.rotate[0], v.rotate[1], v.rotate[2]]).scale(v.scale).translate([v.translate[0], v.translate[1]]);
}

const num = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const nums = (x: unknown, n: number): boolean => Array.isArray(x) && x.length === n && x.every(num);

function isViewParams(v: unknown): v is ViewParams {
  const o = v as Partial<Record<keyof ViewParams, unknown>> | null;
  return typeof o === "object" && o !== null && (o.kind === "mercator" || (o.kind === "conic" && nums(o.parallels, 2))) && nums(o.rotate, 3) && num(o.scale) && nums(o.translate, 2);
}

/** A country projected into the map's box, with its visible part's centre: what the cache keeps. */
interface StoredCountry {
  readonly name: string;
  readonly path: readonly PathCommand[];
  readonly centre: { readonly centroid?: readonly [number, number]; readonly areaIn2: number };
}

function isProjected(v: unknown): v is StoredCountry[] {
  return Array.isArray(v) && v.every((c: Partial<Record<keyof StoredCountry, unknown>>) =>
    typeof c?.name === "string" && Array.isArray(c.path) && typeof c.centre === "object" && c.centre !== null && num((c.centre as { areaIn2?: unknown }).areaIn2));
}

/** The framed countries (at the finer resolution, which has every country), or the box as a polygon. */
function frameGeometry(frame: MapFrame): FeatureCollection<Geometry> | Feature<Geometry> {
  if ("countries" in frame) {
    const wanted = new Set(frame.countries);
    // Fitted on the coarse data where it has every framed country: the frame is the same to a hair.
    return { type: "FeatureCollection", features: countryShapes(coarseHas(frame.countries) ? "110m" : "50m").filter((c) => wanted.has(c.properties.name)) };
  }
  const { west, south, east, north } = frame.box;
  // A box across the antimeridian (west 170, east -170) runs east past 180.
  const outline = geoGraticule().extent([[west, south], [east < west ? east + 360 : east, north]]).precision(1).outline();
  return { type: "Feature", properties: {}, geometry: outline };
}

function fittedProjection(framed: FeatureCollection<Geometry> | Feature<Geometry>, box: { readonly wIn: number; readonly hIn: number }): GeoProjection {
  const [[w, s], [e0, n]] = geoBounds(framed);
  const e = e0 < w ? e0 + 360 : e0;
  const centreLon = (w + e) / 2;
  const acrossEquator = s < 0 && n > 0;
  const projection = acrossEquator || n - s < 2
    ? geoMercator().rotate([-centreLon, 0])
    : geoConicConformal().rotate([-centreLon, 0]).parallels([s + (n - s) / 6, n - (n - s) / 6]);
  return projection.fitExtent([[FIT_MARGIN_IN, FIT_MARGIN_IN], [box.wIn - FIT_MARGIN_IN, box.hIn - FIT_MARGIN_IN]], framed);
}

/**
 * Whether a country can reach into the view, from its bounds in longitude and latitude against the
 * view's (its edges and centre projected back): the far side of the world is not projected at all.
 * A country across the antimeridian or wider than half the world is always projected.
 */
function nearView(projection: GeoProjection, box: { readonly wIn: number; readonly hIn: number }, resolution: Resolution): (c: CountryShape) => boolean {
  const centre = -projection.rotate()[0];
  const rel = (lon: number) => ((((lon - centre) % 360) + 540) % 360) - 180;
  let [w, e, s, n] = [Infinity, -Infinity, Infinity, -Infinity];
  const steps = 16;
  for (let i = 0; i <= steps; i++) {
    for (const [x, y] of [[(box.wIn * i) / steps, 0], [(box.wIn * i) / steps, box.hIn], [0, (box.hIn * i) / steps], [box.wIn, (box.hIn * i) / steps], [box.wIn / 2, box.hIn / 2]] as const) {
      const p = projection.invert?.([x, y]);
      if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return () => true;
      w = Math.min(w, rel(p[0])); e = Math.max(e, rel(p[0])); s = Math.min(s, p[1]); n = Math.max(n, p[1]);
    }
  }
  // A pole in view: every longitude is.
  for (const pole of [90, -90]) {
    const p = projection([centre, pole]);
    if (p && p[0] >= 0 && p[0] <= box.wIn && p[1] >= 0 && p[1] <= box.hIn) { [w, e] = [-180, 180]; if (pole > 0) n = 90; else s = -90; }
  }
  const margin = 3;
  return (c) => {
    const [[cw, cs], [ce, cn]] = boundsOf(c, resolution);
    if (cs > n + margin || cn < s - margin) return false;
    if (ce < cw || ce - cw > 180) return true;
    const [a, b] = [rel(cw), rel(ce)];
    return a > b || (a <= e + margin && b >= w - margin);
  };
}

const bounds = new Map<string, [[number, number], [number, number]]>();
/**
 * A country's extent in longitude and latitude, from its points (a plain minimum and maximum: the
 * filter only needs to be generous). One that spans more than half the world's longitudes (across the
 * antimeridian) reads as [[-180, s], [180, n]], which every view overlaps.
 */
function boundsOf(c: CountryShape, resolution: Resolution): [[number, number], [number, number]] {
  const key = `${resolution}:${c.properties.name}`;
  let b = bounds.get(key);
  if (!b) {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    const polygons = c.geometry.type === "Polygon" ? [c.geometry.coordinates] : c.geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) for (const [x, y] of ring) {
      if (x! < w) w = x!; if (x! > e) e = x!; if (y! < s) s = y!; if (y! > n) n = y!;
    }
    b = e - w > 180 ? [[-180, s], [180, n]] : [[w, s], [e, n]];
    bounds.set(key, b);
  }
  return b;
}

function projectCountries(shapes: readonly CountryShape[], projection: GeoProjection): StoredCountry[] {
  const out: StoredCountry[] = [];
  const measure = geoPath(projection);
  for (const shape of shapes) {
    const recorder = new PathRecorder();
    geoPath(projection, recorder)(shape);
    const path = recorder.rings();
    if (path.length === 0) continue;
    const [x, y] = measure.centroid(shape);
    const centre = { areaIn2: measure.area(shape), ...(Number.isFinite(x) && Number.isFinite(y) ? { centroid: [x, y] as const } : {}) };
    out.push({ name: shape.properties.name, path, centre });
  }
  return out;
}

/**
 * A canvas-like context (what d3 draws into) that keeps the commands, to a thousandth of an inch,
 * leaving out repeated points and rings too small to see.
 */
class PathRecorder {
  readonly commands: PathCommand[] = [];
  private ring: PathCommand[] = [];
  private last: readonly [number, number] | undefined;

  beginPath(): void { /* each ring starts with moveTo */ }
  moveTo(x: number, y: number): void { this.flush(); this.ring.push({ op: "M", ...q(x, y) }); this.last = [x, y]; }
  lineTo(x: number, y: number): void {
    const p = q(x, y);
    if (this.last && q(this.last[0], this.last[1]).x === p.x && q(this.last[0], this.last[1]).y === p.y) return;
    this.ring.push({ op: "L", ...p });
    this.last = [x, y];
  }
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    const c1 = q(x1, y1);
    const c2 = q(x2, y2);
    this.ring.push({ op: "C", x1: c1.x, y1: c1.y, x2: c2.x, y2: c2.y, ...q(x, y) });
    this.last = [x, y];
  }
  closePath(): void { this.ring.push({ op: "Z" }); this.flush(); }
  arc(): void { /* points are drawn as markers, never as arcs */ }

  /** Closed rings with at least three corners. */
  rings(): PathCommand[] { this.flush(); return this.commands; }

  private flush(): void {
    const corners = this.ring.filter((c) => c.op !== "Z").length;
    const closed = this.ring.some((c) => c.op === "Z");
    if (this.ring.length > 0 && (!closed || corners >= 3)) this.commands.push(...this.ring);
    this.ring = [];
  }
}

function q(x: number, y: number): { x: number; y: number } {
  return { x: Math.round(x * 1000) / 1000, y: Math.round(y * 1000) / 1000 };
}
