// Maps: native, editable vector maps from Natural Earth's boundaries. The shipped deck's map and an
// outline on another subject (the Nile basin) are built and read back from the .pptx: every country
// a freeform with its name, the highlighted ones in their group's fill, place markers where the
// projection puts them (inside their country's outline; at the exact Mercator position on a map of
// the equator), labels that never collide or leave the map, alt text written from the declaration.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Element } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDeck, type BuildResult } from "../src/build-deck.js";
import type { PlacedText } from "../src/model/layout.js";
import { buildErrors, buildYaml, tempDir } from "./_helpers/build.js";
import { outline, posOf } from "./_helpers/outline.js";
import { openPptx, type Pptx } from "./_helpers/pptx.js";

const EMU = 914400;

interface Shape { name: string; descr: string | null; geom: "custGeom" | string; fill: string | null; line: string | null; x: number; y: number; w: number; h: number; rings: Array<Array<[number, number]>>; dashed: boolean }

/** Every shape of a slide: name, fill, geometry and (for freeforms) its outline in slide inches. */
function shapesOf(deck: Pptx, n: number): Shape[] {
  const doc = deck.xml(`ppt/slides/slide${n}.xml`);
  return Array.from(doc.getElementsByTagName("p:sp")).map((sp) => {
    const get = (el: Element, tag: string) => el.getElementsByTagName(tag)[0];
    const nv = get(sp, "p:cNvPr")!;
    const spPr = get(sp, "p:spPr")!;
    const off = get(spPr, "a:off")!;
    const ext = get(spPr, "a:ext")!;
    const [x, y, w, h] = [Number(off.getAttribute("x")) / EMU, Number(off.getAttribute("y")) / EMU, Number(ext.getAttribute("cx")) / EMU, Number(ext.getAttribute("cy")) / EMU];
    const fillEl = Array.from(spPr.childNodes).find((c) => (c as Element).nodeName === "a:solidFill") as Element | undefined;
    const ln = get(spPr, "a:ln");
    const rings: Array<Array<[number, number]>> = [];
    const path = get(spPr, "a:path");
    if (path) {
      for (const c of Array.from(path.childNodes) as Element[]) {
        if (!c.nodeName?.startsWith("a:")) continue;
        const pts = Array.from(c.getElementsByTagName("a:pt")).map((p) => [x + Number(p.getAttribute("x")) / EMU, y + Number(p.getAttribute("y")) / EMU] as [number, number]);
        if (c.nodeName === "a:moveTo") rings.push([pts[0]!]);
        else if (pts.length > 0) rings[rings.length - 1]?.push(pts[pts.length - 1]!);
      }
    }
    return {
      name: nv.getAttribute("name") ?? "", descr: nv.getAttribute("descr"), geom: get(spPr, "a:custGeom") ? "custGeom" : get(spPr, "a:prstGeom")?.getAttribute("prst") ?? "",
      fill: fillEl ? get(fillEl, "a:srgbClr")?.getAttribute("val") ?? null : null,
      line: ln ? get(ln, "a:srgbClr")?.getAttribute("val") ?? null : null, dashed: ln ? (get(ln, "a:prstDash")?.getAttribute("val") ?? "solid") !== "solid" : false,
      x, y, w, h, rings,
    };
  });
}

function inside(rings: Array<Array<[number, number]>>, px: number, py: number): boolean {
  let hit = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if ((yi > py) !== (yj > py) && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) hit = !hit;
    }
  }
  return hit;
}

const centreOf = (s: Shape): [number, number] => [s.x + s.w / 2, s.y + s.h / 2];

describe("the shipped deck's map", () => {
  let deck: Pptx;
  let built: BuildResult;
  let n: number;
  let shapes: Shape[];
  beforeAll(async () => {
    built = await buildDeck({ outline: "deck.yaml", outDir: tempDir() });
    deck = openPptx(built.path!);
    n = built.placed.slides.findIndex((s) => s.master === "map") + 1;
    shapes = shapesOf(deck, n);
  });

  it("sits in the trade section, after the connectivity slide, with its source line", () => {
    expect(n).toBeGreaterThan(0);
    expect(built.placed.slides[n - 1]!.sectionTitle).toBe("Expanding Trade Opportunities");
    expect(deck.title(n - 1)).toBe("Connectivity sits at the centre of the trade agenda discussed in Islamabad");
    expect(deck.slideTexts(n)).toContain("Source: Analysis of Pakistan–Russia relations, sections “Expanding Trade Opportunities” and “A New Strategic Alignment”");
  });

  it("draws every country in view as a named freeform, the framed ones among them", () => {
    const freeforms = shapes.filter((s) => s.geom === "custGeom" && !/^(Route|Legend|Leader): /.test(s.name));
    expect(freeforms.length).toBeGreaterThan(40);
    const names = new Set(freeforms.map((s) => s.name));
    for (const c of ["Russia", "Kazakhstan", "Uzbekistan", "Turkmenistan", "Kyrgyzstan", "Tajikistan", "Afghanistan", "Pakistan", "China"]) expect(names, c).toContain(c);
    // One freeform per country, each with a closed outline of real points.
    expect(names.size).toBe(freeforms.length);
    for (const f of freeforms) expect(f.rings.flat().length, f.name).toBeGreaterThanOrEqual(3);
  });

  it("fills each highlighted group in one tint of its own, and the rest of the land in another", () => {
    const fill = (name: string) => shapes.find((s) => s.name === name)!.fill;
    expect(fill("Pakistan")).toBe(fill("Russia"));
    for (const c of ["Uzbekistan", "Turkmenistan", "Kyrgyzstan", "Tajikistan"]) expect(fill(c), c).toBe(fill("Kazakhstan"));
    const land = fill("China");
    expect(fill("Afghanistan")).toBe(land);
    expect(new Set([fill("Pakistan"), fill("Kazakhstan"), land]).size).toBe(3);
  });

  it("marks Islamabad inside Pakistan's outline and Moscow inside Russia's, Moscow to the north-west", () => {
    const marker = (place: string) => shapes.find((s) => s.name === `Place: ${place}` && s.geom === "ellipse")!;
    const [ix, iy] = centreOf(marker("Islamabad"));
    const [mx, my] = centreOf(marker("Moscow"));
    expect(inside(shapes.find((s) => s.name === "Pakistan")!.rings, ix, iy)).toBe(true);
    expect(inside(shapes.find((s) => s.name === "Russia")!.rings, mx, my)).toBe(true);
    expect(inside(shapes.find((s) => s.name === "China")!.rings, ix, iy)).toBe(false);
    expect(mx).toBeLessThan(ix);
    expect(my).toBeLessThan(iy);
  });

  it("draws the corridor as a dashed line through its points, and says the route is indicative", () => {
    const route = shapes.find((s) => s.name.startsWith("Route: "))!;
    expect(route.name).toBe("Route: Planned rail and road links (indicative)");
    expect(route.fill).toBeNull();
    expect(route.dashed).toBe(true);
    const [ix, iy] = centreOf(shapes.find((s) => s.name === "Place: Islamabad")!);
    const [mx, my] = centreOf(shapes.find((s) => s.name === "Place: Moscow")!);
    const ends = [route.rings[0]![0]!, route.rings[0]![route.rings[0]!.length - 1]!];
    expect(Math.hypot(ends[0]![0] - ix, ends[0]![1] - iy)).toBeLessThan(0.01);
    expect(Math.hypot(ends[1]![0] - mx, ends[1]![1] - my)).toBeLessThan(0.01);
    const texts = deck.slideTexts(n);
    for (const t of ["Partners", "Landlocked Central Asian Republics", "Planned rail and road links (indicative)", "Islamabad"]) {
      expect(texts.map((x) => x.toLowerCase()), t).toContain(t.toLowerCase());
    }
    expect(texts.join(" ")).toMatch(/Routes are indicative/);
  });

  it("labels every framed country and both places, no label covering another or leaving the map", () => {
    const placed = built.placed.slides[n - 1]!;
    const labels = placed.items.filter((i): i is PlacedText => i.kind === "text" && i.role.startsWith("map-") && i.role !== "map-legend" && i.role !== "map-caption" && i.role !== "map-note");
    const text = (t: PlacedText) => t.paragraphs.map((p) => p.runs.map((r) => r.text).join("")).join(" ");
    expect(labels.map(text).sort()).toEqual(["Afghanistan", "China", "Islamabad", "Kazakhstan", "Kyrgyzstan", "Moscow", "Pakistan", "Russia", "Tajikistan", "Turkmenistan", "Uzbekistan"]);
    const map = placed.items.find((i) => i.kind === "shape" && i.name === "Map")!;
    for (const a of labels) {
      expect(a.xIn >= map.xIn && a.yIn >= map.yIn && a.xIn + a.wIn <= map.xIn + map.wIn && a.yIn + a.hIn <= map.yIn + map.hIn, text(a)).toBe(true);
      for (const b of labels) {
        if (a === b) continue;
        const apart = a.xIn + a.wIn <= b.xIn || b.xIn + b.wIn <= a.xIn || a.yIn + a.hIn <= b.yIn || b.yIn + b.hIn <= a.yIn;
        expect(apart, `${text(a)} / ${text(b)}`).toBe(true);
      }
    }
    expect(built.warnings.filter((w) => w.code === "MAP_LABEL")).toEqual([]);
  });

  it("gives the map alt text written from its declaration, and stays a small part", () => {
    const frame = shapes.find((s) => s.name === "Map")!;
    expect(frame.descr).toBe("Map of Russia, Kazakhstan, Uzbekistan, Turkmenistan, Kyrgyzstan, Tajikistan, Afghanistan, Pakistan and China; "
      + "Pakistan and Russia highlighted as Partners; Kazakhstan, Uzbekistan, Turkmenistan, Kyrgyzstan and Tajikistan highlighted as Landlocked Central Asian Republics; "
      + "marked: Islamabad and Moscow; route “Planned rail and road links (indicative)” from Islamabad to Moscow, indicative.");
    expect(deck.files[`ppt/slides/slide${n}.xml`]!.length).toBeLessThan(300 * 1024);
  });
});

describe("a map on another subject (the Nile basin)", () => {
  let deck: Pptx;
  let built: BuildResult;
  beforeAll(async () => {
    const dir = tempDir();
    cpSync("test/fixtures/nile", dir, { recursive: true });
    built = await buildDeck({ outline: join(dir, "deck.yaml"), outDir: join(dir, "out") });
    deck = openPptx(built.path!);
  });

  it("resolves countries by name and by ISO code (ETH, EG, SDN), and builds without a warning", () => {
    expect(built.warnings).toEqual([]);
    const shapes = shapesOf(deck, 1);
    const fill = (name: string) => shapes.find((s) => s.name === name)!.fill;
    expect(fill("Egypt")).toBe(fill("Sudan"));
    expect(fill("Ethiopia")).not.toBe(fill("Egypt"));
    expect(fill("S. Sudan")).toBe(fill("Uganda"));
    const [cx, cy] = centreOf(shapes.find((s) => s.name === "Place: Cairo")!);
    expect(inside(shapes.find((s) => s.name === "Egypt")!.rings, cx, cy)).toBe(true);
    const [kx, ky] = centreOf(shapes.find((s) => s.name === "Place: Kampala")!);
    expect(inside(shapes.find((s) => s.name === "Uganda")!.rings, kx, ky)).toBe(true);
    // Arrows on the rivers, no dashes: they are not indicative.
    const river = deck.text("ppt/slides/slide1.xml").match(/name="Route: Blue Nile"[\s\S]*?<\/p:sp>/)![0];
    expect(river).toContain('<a:tailEnd type="triangle"/>');
    expect(river).not.toMatch(/<a:prstDash val="(?!solid)/);
  });

  it("frames a box of longitudes and latitudes, drawing the coast in finer detail", () => {
    const shapes = shapesOf(deck, 2);
    const egypt = shapes.find((s) => s.name === "Egypt")!;
    const [ax, ay] = centreOf(shapes.find((s) => s.name === "Place: Alexandria")!);
    expect(inside(egypt.rings, ax, ay)).toBe(true);
    // A box this small is drawn from the 1:10m data: its coast has many points.
    expect(egypt.rings.flat().length).toBeGreaterThan(150);
    expect(shapes.find((s) => s.name === "Map")!.descr).toMatch(/^Map of the area from 28.5° to 33.5° east and 29.5° to 31.8° north; Egypt highlighted as Egypt; marked: Cairo, Alexandria and Port Said;/);
  });
});

describe("the projection", () => {
  it("puts places on a map of the equator where Mercator's formula does", async () => {
    const yaml = outline(`      - layout: map
        title: Points on the equator
        notes: One. Two.
        map:
          box: { west: 10, south: -4, east: 20, north: 4 }
          places:
            - { name: West, lon: 11, lat: 0 }
            - { name: East, lon: 19, lat: 0 }
            - { name: North, lon: 15, lat: 3 }
`);
    const built = await buildYaml(yaml);
    const shapes = shapesOf(openPptx(built.path!), 1);
    const map = shapes.find((s) => s.name === "Map")!;
    const at = (name: string) => centreOf(shapes.find((s) => s.name === `Place: ${name}`)!);
    // Fitted to the box with a 0.15 in margin: the limiting side sets the scale, the box is centred.
    const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const spanX = (10 * Math.PI) / 180;
    const spanY = mercY(4) - mercY(-4);
    const k = Math.min((map.w - 0.3) / spanX, (map.h - 0.3) / spanY);
    const expected = (lon: number, lat: number) => [map.x + map.w / 2 + ((lon - 15) * Math.PI / 180) * k, map.y + map.h / 2 - mercY(lat) * k];
    for (const [name, lon, lat] of [["West", 11, 0], ["East", 19, 0], ["North", 15, 3]] as const) {
      const [x, y] = at(name);
      const [ex, ey] = expected(lon, lat);
      expect(Math.abs(x - ex!), name).toBeLessThan(0.01);
      expect(Math.abs(y - ey!), name).toBeLessThan(0.01);
    }
  });
});

describe("map errors", () => {
  const slide = (map: string) => outline(`      - layout: map
        title: A map
        notes: One. Two.
        map:
${map}`);

  it("names an unknown country with the nearest names, at its position", async () => {
    const yaml = slide("          frame: [Pakstan, Afghanistan]\n");
    const [e] = await buildErrors(yaml);
    expect(e!.info).toMatchObject({ code: "UNKNOWN_COUNTRY", pos: posOf(yaml, "Pakstan") });
    expect(e!.info.hint).toMatch(/^did you mean "Pakistan"\?/);
  });

  it("refuses a place outside what the map frames, and a route of one point or through an unknown place", async () => {
    const yaml = slide(`          frame: [Pakistan]
          places:
            - { name: Islamabad, lon: 73.05, lat: 33.69 }
            - { name: Moscow, lon: 37.62, lat: 55.76 }
          routes:
            - { name: Stub, via: [Islamabad] }
            - { name: Lost, via: [Islamabad, Karachy] }
`);
    const errors = await buildErrors(yaml);
    expect(errors.map((e) => [e.info.code, e.info.pos?.line])).toEqual([
      ["MAP_OUTSIDE", posOf(yaml, "{ name: Moscow").line],
      ["MAP_ROUTE", posOf(yaml, "[Islamabad] }").line],
      ["UNKNOWN_PLACE", posOf(yaml, "Karachy").line],
    ]);
    expect(errors[2]!.info.hint).toMatch(/did you mean "Islamabad"\?|use one of the places "Islamabad", "Moscow"/);
  });

  it("needs one of frame and box, and a box that is not empty", async () => {
    expect((await buildErrors(slide("          places: []\n")))[0]!.info.code).toBe("OUTLINE_SHAPE");
    expect((await buildErrors(slide("          frame: [Pakistan]\n          box: { west: 60, south: 20, east: 80, north: 40 }\n")))[0]!.info.code).toBe("OUTLINE_SHAPE");
    expect((await buildErrors(slide("          box: { west: 60, south: 40, east: 80, north: 20 }\n")))[0]!.message).toContain("box is empty");
  });
});

describe("the map cache", () => {
  // Each run is a new process, as a user's next build is: what it finds is what the last one stored.
  const run = (args: string[], cache: string) => execFileSync(process.execPath, ["bin/briefdeck.js", ...args, "--quiet"], { env: { ...process.env, BRIEFDECK_CACHE_DIR: cache }, encoding: "utf8" });
  const geoFiles = (cache: string) => (existsSync(join(cache, "geo")) ? readdirSync(join(cache, "geo")).sort() : []);

  it("draws the same map from the cache as without it, and draws it again from a damaged one", () => {
    const dir = tempDir();
    cpSync("test/fixtures/nile", dir, { recursive: true });
    const cache = join(dir, "cache");
    const outline = join(dir, "deck.yaml");
    run([outline, "--check"], cache);
    expect(geoFiles(cache)).toEqual([]); // --check adds nothing to the cache
    run([outline, "--out", join(dir, "cold")], cache);
    const stored = geoFiles(cache);
    // The country index; for each of the two maps its view in the box validation checks places
    // against and in the box it is drawn in, and its countries projected into the second.
    expect(stored.filter((f) => f.startsWith("view-"))).toHaveLength(4);
    expect(stored.filter((f) => f.startsWith("countries-"))).toHaveLength(2);
    expect(stored.filter((f) => f.startsWith("country-index-"))).toHaveLength(1);
    const cold = readFileSync(join(dir, "cold", "deck.pptx"));
    run([outline, "--out", join(dir, "warm")], cache);
    expect(readFileSync(join(dir, "warm", "deck.pptx")).equals(cold)).toBe(true);
    // Entries that do not read as what they should hold are computed again, to the same deck.
    stored.forEach((f, i) => writeFileSync(join(cache, "geo", f), i % 2 ? "{not json" : JSON.stringify({ kind: "conic", path: 3 })));
    // The slides laid out before would spare the maps their placement: they go, so the maps are drawn.
    rmSync(join(cache, "layout"), { recursive: true, force: true });
    run([outline, "--out", join(dir, "damaged")], cache);
    expect(readFileSync(join(dir, "damaged", "deck.pptx")).equals(cold)).toBe(true);
    expect(JSON.parse(readFileSync(join(cache, "geo", stored.find((f) => f.startsWith("view-"))!), "utf8"))).toHaveProperty("scale");
  });
});
