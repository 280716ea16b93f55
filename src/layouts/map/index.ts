// Map: a native, editable map drawn from Natural Earth's boundaries: every country a freeform the
// presenter can recolour, every label a text box, every route a line. The outline frames countries
// (or a lon/lat box), highlights groups of countries by role, marks places and draws routes.
import { DeckError, type SourcePos } from "../../errors.js";
import { countryIndex, findCountry } from "../../geo/atlas.js";
import { mapView } from "../../geo/map-view.js";
import { suggestion } from "../../util/did-you-mean.js";
import { inWords } from "../../util/format.js";
import { Text, z } from "../../validate/schema-parts.js";
import type { DataPath } from "../../model/source-map.js";
import { defineLayout, onePage } from "../layout-module.js";
import { frameOf, MAP_SHAPE, mapData, placeMap } from "./place.js";

const Country = z.string().min(1).max(80).describe('A country: its name ("Pakistan"), or ISO code ("PK", "PAK", "586")');
const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-85).max(85);

const MapSchema = z.strictObject({
  frame: z.array(Country).min(1).max(40).optional().describe("The countries the map frames: all of each is in view"),
  box: z.strictObject({ west: Lon, south: Lat, east: Lon, north: Lat }).optional().describe("Or a box of longitudes and latitudes to frame"),
  highlight: z.array(z.strictObject({
    role: Text.describe('What these countries are to the story, as the legend says it: "Partners", "Transit"'),
    countries: z.array(Country).min(1).max(40),
  })).max(5).optional().describe("Groups of countries set apart, each in its own colour with its role in the legend"),
  places: z.array(z.strictObject({
    name: Text,
    lon: Lon.describe("Longitude, degrees east (west is negative)"),
    lat: Lat.describe("Latitude, degrees north (south is negative)"),
    label: z.enum(["right", "left", "above", "below"]).optional().describe("Where its label goes first (default: wherever it fits)"),
  })).max(12).optional().describe("Places marked with a dot and labelled"),
  routes: z.array(z.strictObject({
    name: Text.describe("What the legend calls it"),
    via: z.array(z.union([z.string().min(1), z.tuple([Lon, Lat])])).min(1).max(20)
      .describe("Its course: names of the map's places, or [lon, lat] points, in order"),
    indicative: z.boolean().optional().describe("A planned or schematic course: drawn dashed, with a note that it is indicative"),
    arrow: z.boolean().optional().describe("End the line in an arrow"),
  })).max(4).optional(),
});

export type MapSpec = z.output<typeof MapSchema>;

export default defineLayout({
  id: "map",
  masterName: "Map",
  summary: "A native, editable map: countries as freeforms the presenter can recolour, highlighted by role, with places, routes, a legend and a caption.",
  keysDoc: "`map: { frame: [countries] or box, highlight: [{ role, countries }], places: [{ name, lon, lat, label }], routes: [{ name, via, indicative, arrow }] }`; optional `caption`",
  schema: { map: MapSchema, caption: Text.optional() },
  frame: "content",
  fields: { required: ["alt"], optional: ["country", "place", "role", "route", "schematic", "caption"] },
  check: (slide, path, posOf) => checkMap(slide.map, [...path, "map"], posOf),
  carry: (slide) => mapData(slide.map, labelledCountries(slide.map)),
  context: ({ slide, rendered }) => ({ context: { map: mapContext(slide.map, (rendered["map"] ?? {}) as RenderedMap) } }),
  place: (ctx, slide) => onePage(placeMap(ctx, slide)),
});

interface RenderedMap {
  readonly places?: ReadonlyArray<{ readonly name: string }>;
  readonly highlight?: ReadonlyArray<{ readonly role: string }>;
  readonly routes?: ReadonlyArray<{ readonly name: string }>;
}

/** What the template writes besides the outline's own text: the lists the alt text names. */
function mapContext(map: MapSpec, rendered: RenderedMap): object {
  const placeNames = (rendered.places ?? []).map((p) => p.name);
  const ends = (via: NonNullable<MapSpec["routes"]>[number]["via"], at: 0 | -1) => {
    const p = at === 0 ? via[0] : via[via.length - 1];
    if (typeof p === "string") return placeNames[(map.places ?? []).findIndex((x) => x.name === p)] ?? p;
    return p ? `${Math.abs(p[1])}°${p[1] >= 0 ? "N" : "S"} ${Math.abs(p[0])}°${p[0] >= 0 ? "E" : "W"}` : "";
  };
  const labelled = labelledCountries(map);
  return {
    framed: map.frame ? inWords(map.frame) : map.box ? `the area from ${map.box.west}° to ${map.box.east}° east and ${map.box.south}° to ${map.box.north}° north` : "",
    countries: labelled.map((name) => ({ name })),
    groups: (map.highlight ?? []).map((g, i) => ({ role: rendered.highlight?.[i]?.role ?? g.role, countries: inWords(g.countries) })),
    places: inWords(placeNames),
    routes: (map.routes ?? []).map((r, i) => ({ name: rendered.routes?.[i]?.name ?? r.name, from: ends(r.via, 0), to: ends(r.via, -1), indicative: r.indicative ?? false })),
    indicative: (map.routes ?? []).some((r) => r.indicative),
  };
}

/** Countries the map labels: every one the outline names, once, in the order it names them. */
export function labelledCountries(map: MapSpec): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const written of [...(map.frame ?? []), ...(map.highlight ?? []).flatMap((g) => g.countries)]) {
    const name = findCountry(written);
    if (name && !seen.has(name)) { seen.add(name); out.push(written); }
  }
  return out;
}

function checkMap(map: MapSpec, path: DataPath, posOf: (at: DataPath) => SourcePos): DeckError[] {
  const errors: DeckError[] = [];
  if ((map.frame === undefined) === (map.box === undefined)) {
    errors.push(new DeckError({
      code: "OUTLINE_SHAPE", pos: posOf(path),
      message: map.frame ? "the map has both `frame` and `box`" : "the map says neither which countries to frame (`frame`) nor a `box` of longitudes and latitudes",
      hint: "give one: `frame: [Pakistan, Afghanistan]` or `box: { west: 60, south: 23, east: 78, north: 38 }`",
    }));
    return errors;
  }
  const country = (written: string, at: DataPath) => {
    if (findCountry(written)) return;
    errors.push(new DeckError({
      code: "UNKNOWN_COUNTRY", pos: posOf(at), message: `the map has no country "${written}"`,
      hint: `${suggestion(written, countryIndex().names, "a country's name, such as")} (names as Natural Earth writes them, or ISO codes such as "PK" or "PAK")`,
    }));
  };
  map.frame?.forEach((c, i) => country(c, [...path, "frame", i]));
  map.highlight?.forEach((g, i) => g.countries.forEach((c, j) => country(c, [...path, "highlight", i, "countries", j])));
  if (map.box && (map.box.south >= map.box.north || map.box.west === map.box.east)) {
    errors.push(new DeckError({
      code: "OUTLINE_SHAPE", pos: posOf([...path, "box"]), message: "the map's box is empty: its south must be below its north, and west and east must differ",
      hint: "write the box as { west, south, east, north } in degrees (west of Greenwich and south of the equator are negative)",
    }));
  }
  if (errors.length > 0) return errors;

  const places = map.places ?? [];
  const names = places.map((p) => p.name);
  places.forEach((p, i) => {
    if (names.indexOf(p.name) !== i) errors.push(new DeckError({ code: "OUTLINE_SHAPE", pos: posOf([...path, "places", i, "name"]), message: `the map marks "${p.name}" twice`, hint: "name each place once" }));
  });
  // What the map shows is checked on the layout's own box at 16:9: a place outside it is an error.
  const view = mapView(frameOf(map), MAP_SHAPE);
  const outside = (lon: number, lat: number) => { const p = view.project(lon, lat); return !p || !view.inView(p); };
  places.forEach((p, i) => {
    if (outside(p.lon, p.lat)) {
      errors.push(new DeckError({
        code: "MAP_OUTSIDE", pos: posOf([...path, "places", i]), message: `"${p.name}" (${p.lon}, ${p.lat}) lies outside what the map frames`,
        hint: "check its longitude and latitude (east and north are positive), or frame more of the region",
      }));
    }
  });
  (map.routes ?? []).forEach((r, i) => {
    if (r.via.length < 2) {
      errors.push(new DeckError({ code: "MAP_ROUTE", pos: posOf([...path, "routes", i, "via"]), message: `the route "${r.name}" has one point, and a route needs two or more`, hint: "give its course from start to end: `via: [Islamabad, [66.9, 39.6], Moscow]`" }));
    }
    r.via.forEach((p, j) => {
      if (typeof p === "string" && !names.includes(p)) {
        errors.push(new DeckError({ code: "UNKNOWN_PLACE", pos: posOf([...path, "routes", i, "via", j]), message: `the route "${r.name}" goes through "${p}", which is not one of the map's places`, hint: `${suggestion(p, names, "one of the places")}; or give the point as [lon, lat]` }));
      } else if (typeof p !== "string" && outside(p[0], p[1])) {
        errors.push(new DeckError({ code: "MAP_OUTSIDE", pos: posOf([...path, "routes", i, "via", j]), message: `the route "${r.name}" passes [${p[0]}, ${p[1]}], outside what the map frames`, hint: "check the point (longitude first, then latitude), or frame more of the region" }));
      }
    });
  });
  return errors;
}
