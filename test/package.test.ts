// The package stage: every deck comes out schema-valid and repair-free, whatever the outline holds,
// and the same input gives the same bytes.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { deserialize, serialize } from "node:v8";
import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derivedGuid, fixContentTypes, fixPresentation } from "../src/package/fix-package.js";
import { windowBitsFor } from "../src/package/zip-io.js";
import { buildDeck, createSession } from "../src/build-deck.js";
import { buildYaml, tempDir } from "./_helpers/build.js";
import { pptxCheck } from "./_helpers/checks.js";
import { openPptx } from "./_helpers/pptx.js";
import { streamingProblems, walkLocalHeaders } from "./_helpers/zip-walk.js";

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

const HOSTILE = String.raw`deck:
  title: "Ctl\u0001 \v title & <Co> \"q\" 'a'"
  subtitle: "sub\fline \uFFFE end"
  author: "A & B <authors>"
  organisation: "Smith & Sons <Ltd> \"Q\""
  date: "2026-01-15"
  source:
    title: "Source & <title> \u0007"
    url: "https://example.org/report?a=1&b=2"
figures:
  money:
    value: 3
    scale: billion
    unit: USD
    period: "2023"
    label: "Lab\u0002el & <x>"
    source: s1
  more:
    value: 4
    scale: billion
    unit: USD
    period: "2024"
    label: "Другое значение"
    source: s1
sections:
  - id: s1
    title: "Section\u000B & <one>"
    notes: "Divider notes \u0003 & more. Second sentence."
    slides:
      - layout: bullets
        title: "Bullets & <b> \"quoted\" 'single' \u0008"
        notes: "Notes with & and <tags> \u000C and \uFFFF. Second."
        bullets:
          - "Plain & <simple> \u001F"
          - "Pneumonoultramicroscopicsilicovolcanoconiosis-Pneumonoultramicroscopicsilicovolcanoconiosis-Pneumonoultramicroscopicsilicovolcanoconiosis"
          - "Пакистан и Россия расширяют торговлю"
          - "پاکستان اور روس کے درمیان تجارت بڑھ رہی ہے"
          - "Emoji survive 🚆🛢️👍🏽"
      - layout: chart
        title: "Chart & <c>"
        notes: "One. Two."
        chart:
          title: "Chart title & <t> \u0005"
          figures: [money, more]
      - layout: table
        title: "Table & <t>"
        notes: "One. Two."
        columns: ["A & <b>", "Б"]
        rows:
          - ["x\u0006 & y", "z"]
      - layout: sources
        title: "Sources & <s>"
        notes: "One. Two."
  - id: empty
    title: An empty section
    notes: "Nothing follows. Really nothing."
    slides: []
`;

describe("hostile outlines", () => {
  it("come out clean: no control characters, escaped exactly once, scripts intact", async () => {
    const built = await buildYaml(HOSTILE);
    expect(pptxCheck(built.path!).problems).toBe(0);
    const deck = openPptx(built.path!);
    const texts = Array.from({ length: deck.slideCount() }, (_, i) => deck.slideTexts(i + 1).join("\n")).join("\n");
    expect(texts).toContain("Bullets & <b> \"quoted\" 'single' ");
    expect(texts).not.toContain("&amp;");
    expect(texts).toContain("Пакистан и Россия расширяют торговлю");
    expect(texts).toContain("پاکستان اور روس کے درمیان تجارت بڑھ رہی ہے");
    expect(texts).toContain("🚆🛢️👍🏽");
    const bulletsXml = deck.text("ppt/slides/slide2.xml");
    expect(bulletsXml).toMatch(/<a:pPr[^>]*rtl="1"[^>]*>/);
    expect(bulletsXml).toContain('lang="ur-PK"');
    const app = deck.xml("docProps/app.xml").getElementsByTagName("Company")[0]!.textContent;
    expect(app).toBe("Smith & Sons <Ltd> \"Q\"");
    const core = deck.xml("docProps/core.xml");
    expect(core.getElementsByTagName("dc:title")[0]!.textContent).toBe("Ctl   title & <Co> \"q\" 'a'");
    expect(deck.notes(2)).toBe("Notes with & and <tags>   and . Second.");
    const sources = deck.slideTexts(deck.slideCount() - 1).join(" ");
    expect(sources).toContain("https://example.org/report?a=1&b=2");
    // The empty section keeps its divider and a PowerPoint section of its own.
    expect(deck.slideCount()).toBe(6);
  });

  it("builds a one-slide deck", async () => {
    const built = await buildYaml(`deck: { title: One, author: Me, date: "2026-01-01", source: { title: S } }
sections:
  - id: a
    title: A
    divider: false
    slides:
      - { layout: title, title: Only slide, notes: "Hello. Goodbye." }
`);
    expect(openPptx(built.path!).slideCount()).toBe(1);
    expect(pptxCheck(built.path!).problems).toBe(0);
  });

  it("builds a 300-slide deck", async () => {
    const slides = Array.from({ length: 296 }, (_, i) => `      - layout: bullets
        title: Slide number ${i + 1} makes a point
        notes: "Point ${i + 1}. Then the next."
        bullets: ["Claim ${i + 1} with its evidence", "Another claim"]`).join("\n");
    const built = await buildYaml(`deck: { title: Big, author: Me, date: "2026-01-01", source: { title: S } }
sections:
${[0, 1, 2, 3].map((k) => `  - id: part${k}
    title: Part ${k}
    notes: "Part ${k} starts. It goes on."
    slides:
${slides.split("\n      - layout").filter((_, i) => i % 4 === k).map((s, i) => (i === 0 && k === 0 ? s : (k === 0 && i === 0 ? s : "      - layout" + s.replace(/^      - layout/, "")))).join("\n")}`).join("\n")}
`);
    const deck = openPptx(built.path!);
    expect(deck.slideCount()).toBe(300);
    expect(pptxCheck(built.path!).problems).toBe(0);
  });
});

describe("compression", () => {
  const full = (b: Uint8Array) => deflateRawSync(b, { level: 3 });
  const fitted = (b: Uint8Array) => deflateRawSync(b, { level: 3, windowBits: windowBitsFor(b.length) });

  it("fits the zlib window to each part without changing a byte of its compressed form", async () => {
    // Every part of the shipped deck (slides from 2 KB to the 280 KB map, masters, media, workbooks)…
    const deck = openPptx((await buildDeck({ outline: "deck.yaml", outDir: tempDir() })).path!);
    const parts = Object.entries(deck.files);
    expect(parts.length).toBeGreaterThan(100);
    for (const [name, raw] of parts) expect(Buffer.compare(fitted(raw), full(raw)), name).toBe(0);
    // …and texts of every size around each window's edge, repetitive and not.
    expect(windowBitsFor(0)).toBe(9);
    expect(windowBitsFor(512 - 262)).toBe(9);
    expect(windowBitsFor(512 - 261)).toBe(10);
    expect(windowBitsFor(1 << 20)).toBe(15);
    const edges = [9, 10, 11, 12, 13, 14, 15].flatMap((b) => [-300, -263, -262, -261, -1, 0, 1, 300].map((d) => Math.max(0, (1 << b) + d)));
    fc.assert(fc.property(fc.constantFrom(...edges), fc.string({ unit: fc.constantFrom("<a:pt x=\"", "1", "27", "\"/>", " ", "e", "é", "\n"), maxLength: 20 }), fc.integer({ min: 0, max: 2 ** 31 }), (length, pattern, seed) => {
      const bytes = new Uint8Array(length);
      const unit = Buffer.from(pattern || "x");
      let r = seed;
      for (let i = 0; i < length; i++) { r = (r * 1103515245 + 12345) >>> 0; bytes[i] = r % 5 === 0 ? r >>> 24 : unit[i % unit.length]!; }
      return Buffer.compare(fitted(bytes), full(bytes)) === 0;
    }), { numRuns: 400 });
  });
});

describe("reproducible output", () => {
  it("gives the same bytes for the same input, whatever the time zone", async () => {
    const runs = ["UTC", "America/New_York", "Asia/Karachi"].map((tz) => {
      const dir = tempDir();
      execFileSync(process.execPath, ["bin/briefdeck.js", "--quiet", "--out", dir], { env: { ...process.env, TZ: tz }, stdio: "pipe" });
      return sha(join(dir, "deck.pptx"));
    });
    expect(new Set(runs).size).toBe(1);
  });

  it("builds twice in one process to the same bytes, stamped with the deck's date", async () => {
    const a = await buildDeck({ outline: "deck.yaml", outDir: tempDir() });
    await new Promise((r) => setTimeout(r, 1100));
    const b = await buildDeck({ outline: "deck.yaml", outDir: tempDir() });
    expect(sha(a.path!)).toBe(sha(b.path!));
    const deck = openPptx(a.path!);
    const embedded = Object.keys(deck.files).filter((n) => n.endsWith(".xlsx"));
    expect(embedded.length).toBeGreaterThan(0);
  });

  it("rebuilds in a watch session (laid-out slides, sampled colours, written slides and compressed parts reused) to the bytes of a fresh build", async () => {
    const dir = tempDir();
    cpSync("deck.yaml", join(dir, "deck.yaml"));
    cpSync("assets", join(dir, "assets"), { recursive: true });
    const outline = join(dir, "deck.yaml");
    const original = readFileSync(outline, "utf8");
    const session = createSession();
    await buildDeck({ outline, outDir: join(dir, "watch") }, session);
    // Edits as a user saves them in watch mode: a bullet; a figure that text and a chart show; the
    // first slide of a section gone (every later slide renumbered, its charts too); all undone.
    const lines = original.split("\n");
    const timeline = lines.findIndex((l) => l === "      - layout: timeline");
    const nextSlide = lines.findIndex((l, i) => i > timeline && l.startsWith("      - layout: "));
    const withoutSlide = [...lines.slice(0, timeline), ...lines.slice(nextSlide)].join("\n");
    expect(withoutSlide.length).toBeLessThan(original.length - 200);
    const edits = [
      original.replace("practical gains for each side", "practical gains for both sides"),
      original.replace(/(delegation_size:\n(?:.*\n)*?\s+value: )60/, "$161"),
      withoutSlide,
      original,
    ];
    expect(new Set(edits).size).toBe(4);
    for (const text of edits) {
      writeFileSync(outline, text);
      const watched = sha((await buildDeck({ outline, outDir: join(dir, "watch") }, session)).path!);
      const fresh = sha((await buildDeck({ outline, outDir: join(dir, "fresh") })).path!);
      expect(watched).toBe(fresh);
    }
    expect(session.decks?.get("deck.pptx")?.deflated.size).toBeGreaterThan(50);
    expect(session.decks?.get("deck.pptx")?.written.size).toBeGreaterThan(15);
  });

  it("builds from the per-user caches (outlines read, laid-out slides, maps, checked texts) to the bytes of a build without them", () => {
    for (const outline of ["deck.yaml", "test/fixtures/energy/deck.yaml"]) {
      const dir = tempDir();
      const cache = join(dir, "cache");
      const build = (out: string) => {
        execFileSync(process.execPath, ["bin/briefdeck.js", outline, "--all", "--quiet", "--out", join(dir, out)], { env: { ...process.env, BRIEFDECK_CACHE_DIR: cache }, stdio: "pipe" });
        return readdirSync(join(dir, out)).sort().map((f) => `${f} ${sha(join(dir, out, f))}`);
      };
      const cold = build("cold");
      const stored = readdirSync(join(cache, "layout"));
      expect(stored.length, outline).toBeGreaterThan(5);
      expect(build("warm"), outline).toEqual(cold);
      // The outline's data is kept too, and its theme's, once each.
      expect(readdirSync(join(cache, "outlines")), outline).toHaveLength(2);
      // Entries that do not read back as slides (or as an outline's data) are made again, to the same decks.
      stored.forEach((f, i) => writeFileSync(join(cache, "layout", f), i % 2 ? Buffer.from([0xff, 0x0d, 0x6f, 0x22, 0x01]) : Buffer.from("not a slide")));
      for (const f of readdirSync(join(cache, "outlines"))) writeFileSync(join(cache, "outlines", f), serialize(["many", { deck: {} }]), { mode: 0o600 });
      expect(build("damaged"), outline).toEqual(cold);
    }
  });

  it("reads an outline built before from the cache, only when this user alone could have written it, and within --max-values", () => {
    const dir = tempDir();
    const cache = join(dir, "cache");
    const outline = "test/fixtures/energy/deck.yaml";
    const build = (...args: string[]) => {
      execFileSync(process.execPath, ["bin/briefdeck.js", outline, "--quiet", "--out", join(dir, "out"), ...args], { env: { ...process.env, BRIEFDECK_CACHE_DIR: cache }, stdio: "pipe" });
      return openPptx(join(dir, "out", "deck.pptx")).slideTexts(1).join(" ");
    };
    expect(build()).toContain("Energy investment at a turning point");
    // The outline's entry (the other is its theme's).
    const entry = readdirSync(join(cache, "outlines")).find((f) => (deserialize(readFileSync(join(cache, "outlines", f))) as [number, { deck?: unknown }])[1].deck !== undefined);
    const file = join(cache, "outlines", entry!);
    const [values, data] = deserialize(readFileSync(file)) as [number, { deck: { title: string } }];
    expect(values).toBeGreaterThan(100);
    // The entry is what the build uses: a planted title, in a private file, is the one on the cover.
    data.deck.title = "A title from the cache";
    writeFileSync(file, serialize([values, data]), { mode: 0o600 });
    expect(build()).toContain("A title from the cache");
    // Writable by others: not read, so the outline is parsed again.
    chmodSync(file, 0o666);
    expect(build()).toContain("Energy investment at a turning point");
    // Kept data larger than --max-values allows is not taken: the outline is refused as it would be without the cache.
    writeFileSync(file, serialize([values, data]), { mode: 0o600 });
    chmodSync(file, 0o600);
    expect(build()).toContain("A title from the cache");
    let refused = "";
    try { build("--max-values", String(values - 1)); } catch (err) { refused = String((err as { stderr?: Buffer }).stderr); }
    expect(refused).toContain("YAML_ALIAS_LIMIT");
  });

  it("builds a deck file again from what its last build kept (written slides, compressed parts) to the bytes of a build without it", () => {
    // An edit of one slide's text (a bullet, a note) that changes no title, numbering or chart.
    const edits: ReadonlyArray<readonly [string, string, string]> = [
      [".", "practical gains for each side", "practical gains for both sides"],
      ["test/fixtures/energy", "Open with the ratio.", "Open with the ratio, then pause."],
    ];
    for (const [fixture, from, to] of edits) {
      const dir = tempDir();
      cpSync(join(fixture, "deck.yaml"), join(dir, "deck.yaml"));
      if (existsSync(join(fixture, "assets"))) cpSync(join(fixture, "assets"), join(dir, "assets"), { recursive: true });
      const outline = join(dir, "deck.yaml");
      const build = (out: string, cache = "cache") => {
        execFileSync(process.execPath, ["bin/briefdeck.js", outline, "--all", "--quiet", "--out", join(dir, out)], { env: { ...process.env, BRIEFDECK_CACHE_DIR: join(dir, cache) }, stdio: "pipe" });
        return readdirSync(join(dir, out)).sort().map((f) => `${f} ${sha(join(dir, out, f))}`);
      };
      const kept = () => readdirSync(join(dir, "cache", "decks")).sort().map((f) => `${f} ${sha(join(dir, "cache", "decks", f))}`);
      const first = build("out");
      // One memory per deck file (each audience's), and a build that changes nothing rewrites none.
      expect(kept().length, fixture).toBe(first.length);
      const memory = kept();
      expect(build("out"), fixture).toEqual(first);
      expect(kept(), fixture).toEqual(memory);
      // An edit: the decks are those of a build from nothing, and the memories follow.
      const text = readFileSync(outline, "utf8");
      expect(text, fixture).toContain(from);
      writeFileSync(outline, text.replace(from, to));
      const edited = build("out");
      expect(edited, fixture).not.toEqual(first);
      expect(edited, fixture).toEqual(build("fresh", "empty-cache"));
      expect(kept(), fixture).not.toEqual(memory);
      // A picture redrawn under the same name: the slide that shows it is written again.
      const cover = join(dir, "assets", "cover.svg");
      if (existsSync(cover)) {
        writeFileSync(cover, readFileSync(cover, "utf8").replace('fill="#14365D"', 'fill="#2B4C7E"'));
        const redrawn = build("out");
        expect(redrawn, fixture).not.toEqual(edited);
        expect(redrawn, fixture).toEqual(build("fresh2", "empty-cache2"));
        writeFileSync(cover, readFileSync(cover, "utf8").replace('fill="#2B4C7E"', 'fill="#14365D"'));
        expect(build("out"), fixture).toEqual(edited);
      }
      // Damaged memories (a flipped byte, a cut file, not one at all) are not used: the same decks again.
      const files = readdirSync(join(dir, "cache", "decks"));
      files.forEach((f, i) => {
        const path = join(dir, "cache", "decks", f);
        const bytes = readFileSync(path);
        if (i % 3 === 0) bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x20;
        writeFileSync(path, i % 3 === 0 ? bytes : i % 3 === 1 ? bytes.subarray(0, bytes.length >> 1) : Buffer.from("not a memory"), { mode: 0o600 });
      });
      expect(build("out"), fixture).toEqual(edited);
    }
  });

  // Pruned caches: each folder filled past its limit with old entries, then one build of the shipped deck.
  const pruneAfterBuild = (folder: string, old: number, ext: string) => {
    const dir = tempDir();
    const cache = join(dir, "cache", folder);
    mkdirSync(cache, { recursive: true, mode: 0o700 });
    const then = new Date("2020-01-01T00:00:00Z");
    for (let i = 0; i < old; i++) { const f = join(cache, `old-${i}${ext}`); writeFileSync(f, "{}", { mode: 0o600 }); utimesSync(f, then, then); }
    execFileSync(process.execPath, ["bin/briefdeck.js", "--quiet", "--out", join(dir, "out")], { env: { ...process.env, BRIEFDECK_CACHE_DIR: join(dir, "cache") }, stdio: "pipe" });
    const left = readdirSync(cache);
    return { fresh: left.filter((f) => !f.startsWith("old-")).length, old: left.filter((f) => f.startsWith("old-")).length };
  };

  it("keeps at most 4,000 laid-out slides, 600 map entries and 64 deck memories, dropping the least recently written quarter past that", () => {
    // Pruned once, at the first write (one past the limit): the oldest quarter, all of them old ones.
    const layout = pruneAfterBuild("layout", 4100, ".bin");
    expect(layout.fresh).toBeGreaterThan(20); // this build's slides are kept
    expect(layout.old).toBe(4100 - Math.ceil(4101 / 4));
    const geo = pruneAfterBuild("geo", 600, ".json");
    expect(geo.fresh).toBeGreaterThanOrEqual(3); // the shipped map's index, view and countries
    expect(geo.old).toBe(600 - Math.ceil(601 / 4));
    const decks = pruneAfterBuild("decks", 64, ".bin");
    expect(decks).toEqual({ fresh: 1, old: 64 - Math.ceil(65 / 4) });
  });

  it("keeps deck files' memories under 512 MiB in all, dropping the least recently built past that", () => {
    const dir = tempDir();
    const decks = join(dir, "cache", "decks");
    mkdirSync(decks, { recursive: true, mode: 0o700 });
    // Sparse files: their size counts, no disk is used.
    [new Date("2020-01-01T00:00:00Z"), new Date("2021-01-01T00:00:00Z")].forEach((t, i) => {
      const f = join(decks, `big-${i}.bin`);
      writeFileSync(f, "", { mode: 0o600 });
      truncateSync(f, 300 * 1024 * 1024);
      utimesSync(f, t, t);
    });
    execFileSync(process.execPath, ["bin/briefdeck.js", "--quiet", "--out", join(dir, "out")], { env: { ...process.env, BRIEFDECK_CACHE_DIR: join(dir, "cache") }, stdio: "pipe" });
    expect(readdirSync(decks).filter((f) => f.startsWith("big-"))).toEqual(["big-1.bin"]);
    expect(readdirSync(decks)).toHaveLength(2);
  });

  it("takes its timestamps from SOURCE_DATE_EPOCH when given", async () => {
    const built = await buildDeck({ outline: "deck.yaml", outDir: tempDir(), sourceDateEpoch: 1_700_000_000 });
    const core = openPptx(built.path!).xml("docProps/core.xml");
    expect(core.getElementsByTagName("dcterms:created")[0]!.textContent).toBe("2023-11-14T22:13:20Z");
  });

  it("writes a DEFLATE zip with files only, [Content_Types].xml first", async () => {
    const built = await buildDeck({ outline: "deck.yaml", outDir: tempDir() });
    const bytes = readFileSync(built.path!);
    // First local file header: name at offset 30; compression method at offset 8 (8 = DEFLATE).
    expect(bytes.readUInt16LE(8)).toBe(8);
    const nameLength = bytes.readUInt16LE(26);
    expect(bytes.subarray(30, 30 + nameLength).toString()).toBe("[Content_Types].xml");
    expect(Object.keys(openPptx(bytes).files).some((n) => n.endsWith("/"))).toBe(false);
  });

  it("gives every entry, stored or deflated, its real CRC and sizes in the local header and no data descriptor", async () => {
    // LibreOffice 24.8.2+ calls a STORED entry with a data descriptor corrupt, and Java's
    // ZipInputStream (Apache POI from a stream) cannot read it.
    const built = await buildDeck({ outline: "deck.yaml", outDir: tempDir() });
    const bytes = readFileSync(built.path!);
    const entries = walkLocalHeaders(bytes);
    expect(entries.map((e) => e.name)).toEqual(Object.keys(openPptx(bytes).files));
    expect(entries.some((e) => e.method === 0 && e.name.endsWith(".png"))).toBe(true);
    expect(entries.some((e) => e.method === 0 && e.name.endsWith(".xlsx"))).toBe(true);
    expect(streamingProblems(bytes)).toEqual([]);
  });
});

describe("targeted edits of the package's lists", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const dec = (b: Uint8Array | string | undefined) => (typeof b === "string" ? b : new TextDecoder().decode(b));
  const parse = (s: string) => new DOMParser().parseFromString(s, "application/xml");

  it("[Content_Types].xml: drops overrides of missing parts, names JPEG right, gives every theme its override", () => {
    const parts = new Map<string, Uint8Array | string>([
      ["[Content_Types].xml", enc(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="${CT}"><Default Extension="jpg" ContentType="image/jpg"/><Default Extension="xml" ContentType="application/xml"/>`
        + `<Override PartName="/ppt/slides/slide1.xml" ContentType="s"/><Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="m"/><Override  ContentType="t" PartName="/ppt/theme/theme1.xml" /></Types>`)],
      ["ppt/slides/slide1.xml", enc("<x/>")], ["ppt/theme/theme1.xml", enc("<x/>")], ["ppt/theme/theme2.xml", enc("<x/>")],
    ]);
    fixContentTypes(parts);
    const doc = parse(dec(parts.get("[Content_Types].xml")));
    const overrides = Array.from(doc.getElementsByTagName("Override")).map((o) => [o.getAttribute("PartName"), o.getAttribute("ContentType")]);
    expect(overrides).toEqual([["/ppt/slides/slide1.xml", "s"], ["/ppt/theme/theme1.xml", "t"], ["/ppt/theme/theme2.xml", "application/vnd.openxmlformats-officedocument.theme+xml"]]);
    expect(Array.from(doc.getElementsByTagName("Default")).map((d) => d.getAttribute("ContentType"))).toEqual(["image/jpeg", "application/xml"]);
    expect(doc.documentElement!.namespaceURI).toBe(CT);
  });

  it("presentation.xml: moves the notes master list after the slide masters and derives section ids from position and name", () => {
    const pres = (sections: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation xmlns:p="${P}" xmlns:r="r" xmlns:p14="p14">`
      + `<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst>`
      + `<p:notesMasterIdLst><p:notesMasterId r:id="rId9"/></p:notesMasterIdLst><p:sldSz cx="1" cy="1"/>`
      + `<p:extLst><p:ext uri="x"><p14:sectionLst>${sections}</p14:sectionLst></p:ext></p:extLst></p:presentation>`;
    const build = (sections: string) => {
      const parts = new Map<string, Uint8Array | string>([["ppt/presentation.xml", enc(pres(sections))]]);
      fixPresentation(parts);
      return parse(dec(parts.get("ppt/presentation.xml")));
    };
    const doc = build(`<p14:section name="Trade &amp; energy" id="{RANDOM-1}"><p14:sldIdLst/></p14:section><p14:section id="{RANDOM-2}" name="Outlook"/>`);
    const kids = Array.from(doc.documentElement!.childNodes).filter((n) => n.nodeType === 1).map((n) => n.nodeName);
    expect(kids).toEqual(["p:sldMasterIdLst", "p:notesMasterIdLst", "p:sldIdLst", "p:sldSz", "p:extLst"]);
    const ids = Array.from(doc.getElementsByTagName("p14:section")).map((s) => [s.getAttribute("name"), s.getAttribute("id")]);
    expect(ids).toEqual([["Trade & energy", derivedGuid("section:0:Trade & energy")], ["Outlook", derivedGuid("section:1:Outlook")]]);
    // The ids depend on nothing random: the same sections give the same ids.
    expect(dec(enc(new XMLSerializer().serializeToString(build(`<p14:section name="Outlook" id="{OTHER}"/>`))))).toContain(derivedGuid("section:0:Outlook"));
  });
});

const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const P = "http://schemas.openxmlformats.org/presentationml/2006/main";
