// Geo stage: Natural Earth's country boundaries (public domain) from the world-atlas package, at two
// resolutions, read from disk the first time a map needs them (never fetched). A country is found by
// the name the data gives it, by its English names and aliases, or by its ISO 3166-1 code (alpha-2,
// alpha-3 or numeric). Only geo/ imports world-atlas, topojson, d3-geo and i18n-iso-countries.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type countriesModule from "i18n-iso-countries";
import { feature } from "topojson-client";
import { presimplify, simplify, sphericalTriangleArea } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";
import { projectRoot } from "../util/project-root.js";
import { cachedGeo } from "./geo-cache.js";

/** 1:110 million (a continent or more on one slide), 1:50 million (a region), 1:10 million (a delta, a border). */
export type Resolution = "110m" | "50m" | "10m";

export type CountryShape = Feature<Polygon | MultiPolygon, { readonly name: string }>;

type CountryTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** One resolution's data, each form computed the first time it is asked for. */
interface Atlas {
  readonly topology: CountryTopology;
  /** The same, with each arc point weighted for simplification. */
  weighted?: CountryTopology;
  full?: readonly CountryShape[];
}

const atlases = new Map<Resolution, Atlas>();
const moduleRequire = () => createRequire(join(projectRoot(), "package.json"));

function atlas(resolution: Resolution): Atlas {
  let a = atlases.get(resolution);
  if (!a) {
    const file = moduleRequire().resolve(`world-atlas/countries-${resolution}.json`);
    a = { topology: JSON.parse(readFileSync(file, "utf8")) as CountryTopology };
    atlases.set(resolution, a);
  }
  return a;
}

const shapesOf = (t: CountryTopology) => (feature(t, t.objects.countries) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string }>).features as CountryShape[];

/**
 * The countries at `resolution`, simplified so no detail is finer than `minArea` (steradians: the
 * area of the smallest triangle a point may make with its neighbours). Borders stay shared: the
 * simplification works on the topology, so neighbours never gape or overlap.
 */
export function countryShapes(resolution: Resolution, minArea = 0): readonly CountryShape[] {
  const a = atlas(resolution);
  if (minArea <= 0) return (a.full ??= shapesOf(a.topology));
  a.weighted ??= presimplify(a.topology as never, sphericalTriangleArea) as CountryTopology;
  return shapesOf(simplify(a.weighted as never, minArea) as unknown as CountryTopology);
}

/** How a country is written in outlines: its name in the data, the one maps label it with. */
export interface CountryIndex {
  /** Normalised name, alias or code -> the data's name. */
  readonly lookup: ReadonlyMap<string, string>;
  /** Every name in the data, for suggestions. */
  readonly names: readonly string[];
}

let index: CountryIndex | undefined;

/** The index as the cache keeps it: [written form, the data's name] pairs, and the names. */
interface StoredIndex { readonly lookup: ReadonlyArray<readonly [string, string]>; readonly names: readonly string[] }

export function countryIndex(): CountryIndex {
  if (index) return index;
  const stored = cachedGeo("country-index", null, buildIndex,
    (v): v is StoredIndex => typeof v === "object" && v !== null && Array.isArray((v as StoredIndex).lookup) && Array.isArray((v as StoredIndex).names)
      && (v as StoredIndex).lookup.every((e) => Array.isArray(e) && typeof e[0] === "string" && typeof e[1] === "string"));
  index = { lookup: new Map(stored.lookup), names: stored.names };
  return index;
}

/** Names, aliases and codes from i18n-iso-countries, for every country in the 1:50m data. */
function buildIndex(): StoredIndex {
  // Loaded only here: a build whose index is cached never evaluates the package.
  const countries = moduleRequire()("i18n-iso-countries") as typeof countriesModule;
  const lang = JSON.parse(readFileSync(moduleRequire().resolve("i18n-iso-countries/langs/en.json"), "utf8")) as countriesModule.LocaleData;
  countries.registerLocale(lang);
  const aliases = countries.getNames("en", { select: "all" });
  const lookup = new Map<string, string>();
  const names: string[] = [];
  // The 50m data has every country the 110m one has, and more (small states, territories).
  for (const g of atlas("50m").topology.objects.countries.geometries) {
    const name = (g.properties as { name?: string } | undefined)?.name;
    if (!name) continue;
    names.push(name);
    lookup.set(normalise(name), name);
    const numeric = g.id === undefined ? undefined : String(g.id).padStart(3, "0");
    const alpha2 = numeric ? countries.numericToAlpha2(numeric) : undefined;
    if (!numeric || !alpha2) continue;
    for (const code of [numeric, alpha2, countries.alpha2ToAlpha3(alpha2)]) if (code) lookup.set(normalise(code), name);
    for (const alias of aliases[alpha2] ?? []) if (!lookup.has(normalise(alias))) lookup.set(normalise(alias), name);
  }
  return { lookup: [...lookup], names: names.sort() };
}

/** Whether the 1:110m data has every one of these countries (it leaves out the smallest). */
export function coarseHas(names: readonly string[]): boolean {
  const coarse = new Set(atlas("110m").topology.objects.countries.geometries.map((g) => (g.properties as { name?: string } | undefined)?.name));
  return names.every((n) => coarse.has(n));
}

/** The data's name for a country as an outline writes it, or undefined. */
export function findCountry(written: string): string | undefined {
  return countryIndex().lookup.get(normalise(written));
}

/** Case, accents, punctuation and a leading "the" do not matter: "Côte d'Ivoire" = "cote divoire". */
function normalise(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/^the\s+/, "").replace(/[^a-z0-9]+/g, "");
}
