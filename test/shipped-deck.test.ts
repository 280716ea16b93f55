// The shipped briefing, built in-process and read back from the .pptx.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDeck } from "../src/build-deck.js";
import { tempDir } from "./_helpers/build.js";
import { openPptx, squash, type Pptx } from "./_helpers/pptx.js";

interface OutlineSlide { layout: string; title: string; notes: string; bullets?: Array<string | { text: string; sub: string[] }> }
interface OutlineSection { id: string; title: string; divider?: boolean; notes?: string; slides: OutlineSlide[] }
const outline = parse(readFileSync("deck.yaml", "utf8")) as { deck: { title: string; author: string; subtitle: string }; sections: OutlineSection[] };

/** What the outline says the deck holds, slide by slide: dividers first in their sections. */
const listed = outline.sections.filter((s) => s.divider !== false);
const dividerNotes = (s: OutlineSection) => (s.notes ?? "")
  .replace("{{section.number}}", String(listed.indexOf(s) + 1)).replace("{{section.count}}", String(listed.length));
const expected = outline.sections.flatMap((s) => [
  ...(s.divider === false ? [] : [{ section: s.title, title: s.title, notes: dividerNotes(s), layout: "section" as string, slide: undefined as OutlineSlide | undefined }]),
  ...s.slides.map((slide) => ({ section: s.title, title: slide.title, notes: slide.notes, layout: slide.layout, slide })),
]);

const EMU_PER_IN = 914400;
let deck: Pptx;

beforeAll(async () => {
  const dir = tempDir();
  const result = await buildDeck({ outline: "deck.yaml", outDir: dir });
  expect(result.path).toBe(join(dir, "deck.pptx"));
  deck = openPptx(result.path!);
});

describe("the shipped deck", () => {
  it("has one slide per outline slide and section divider, 18 to 30 in all", () => {
    expect(deck.slideCount()).toBe(expected.length);
    expect(expected.length).toBeGreaterThanOrEqual(18);
    expect(expected.length).toBeLessThanOrEqual(30);
  });

  it("puts each slide's title in its title placeholder, in outline order", () => {
    expected.forEach((e, i) => {
      const titles = deck.slideShapes(i + 1).filter((s) => s.placeholder === "title");
      expect(titles, `slide ${i + 1}`).toHaveLength(1);
      expect(titles[0]!.text).toBe(e.title);
    });
  });

  it("writes title placeholders as PowerPoint does, so python-pptx and Apache POI find every title (type title, idx 0)", () => {
    expected.forEach((e, i) => expect(deck.title(i + 1), `slide ${i + 1}`).toBe(e.title));
    expected.forEach((_, i) => expect(deck.slideShapes(i + 1).find((s) => s.placeholderIdx === 0)?.placeholder).toBe("title"));
    for (const name of Object.keys(deck.files).filter((n) => /^ppt\/(slides|slideLayouts)\/[^/]+\.xml$/.test(n))) {
      expect(deck.text(name), name).not.toMatch(/<p:ph\s[^>]*type="(ctr)?[tT]itle"[^>]*idx=|<p:ph\s[^>]*idx="[1-9]\d*"[^>]*type="(ctr)?[tT]itle"/);
    }
  });

  it("writes each title at the size and in the box the layout stage gave it, not its master's (the first slide's)", async () => {
    for (const template of [undefined, "test/fixtures/templates/blue-curve.pptx"]) {
      const built = await buildDeck({ outline: "deck.yaml", outDir: tempDir(), ...(template ? { template } : {}) });
      const out = openPptx(built.path!);
      built.placed.slides.forEach((s, i) => {
        const title = s.items.find((it) => it.kind === "text" && it.placeholder === "title")!;
        if (title.kind !== "text") return;
        const xml = out.text(`ppt/slides/slide${i + 1}.xml`);
        const shape = xml.slice(xml.indexOf('<p:ph type="title"/>'), xml.indexOf("</p:sp>", xml.indexOf('<p:ph type="title"/>')));
        const [x, y, cx, cy] = /<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"/.exec(shape)!.slice(1).map(Number);
        const where = `${template ?? "built-in"} slide ${i + 1}`;
        expect([x, y, cx, cy], where).toEqual([title.xIn, title.yIn, title.wIn, title.hIn].map((v) => Math.round(v * EMU_PER_IN)));
        for (const sz of shape.matchAll(/<a:rPr [^>]*sz="(\d+)"/g)) expect(Number(sz[1]) / 100, where).toBeCloseTo(title.fontPt, 2);
      });
    }
  });

  it("writes the outline's bullets in order, with figures cited in the house format", () => {
    expected.forEach((e, i) => {
      if (e.layout !== "bullets") return;
      const body = deck.slideShapes(i + 1).find((s) => s.text.includes("\n"))!;
      const lines = e.slide!.bullets!.flatMap((b) => (typeof b === "string" ? [b] : [b.text, ...b.sub]));
      const got = body.text.split("\n");
      expect(got).toHaveLength(lines.length);
      lines.forEach((line, j) => {
        if (!line.includes("{{")) expect(got[j]).toBe(line);
        else expect(got[j]).toMatch(new RegExp("^" + line.split(/\{\{[^}]*\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+") + "$"));
      });
    });
  });

  it("gives every slide the outline's speaker notes, 2 to 5 sentences, ending with where its figures come from", () => {
    expected.forEach((e, i) => {
      const [said, cited] = deck.notes(i + 1).split("Where the figures come from:");
      expect(squash(said!), `slide ${i + 1}`).toBe(squash(e.notes));
      const sentences = said!.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0);
      expect(sentences.length, `slide ${i + 1} notes`).toBeGreaterThanOrEqual(2);
      expect(sentences.length, `slide ${i + 1} notes`).toBeLessThanOrEqual(5);
      const showsFigures = ["chart", "chart-commentary", "two-charts", "big-number-chart", "key-figures", "comparison"].includes(e.layout) || JSON.stringify(e.slide ?? {}).includes("{{fig");
      if (showsFigures) expect(cited, `slide ${i + 1}`).toMatch(/\(.+\): Untitled analysis of Pakistan–Russia relations.*, section “[^”]+”\./);
      else expect(cited, `slide ${i + 1}`).toBeUndefined();
    });
  });

  it("shows the deck title and slide number in the footer of every slide but the title slide", () => {
    for (let n = 1; n <= expected.length; n++) {
      const xml = deck.text(`ppt/slides/slide${n}.xml`);
      const layoutRel = deck.rels(`ppt/slides/slide${n}.xml`, "slideLayout")[0]!;
      const layoutXml = deck.text(`ppt/slides/${layoutRel.target}`.replace("slides/../", ""));
      if (n === 1) {
        expect(deck.slideTexts(n).some((t) => t.startsWith(outline.deck.title + "  ·"))).toBe(false);
        expect(layoutXml).not.toContain('type="sldNum"');
      } else {
        expect(deck.slideTexts(n).some((t) => t.startsWith(outline.deck.title)), `slide ${n}`).toBe(true);
        expect(layoutXml + xml, `slide ${n}`).toContain('type="sldNum"');
      }
    }
  });

  it("groups slides into PowerPoint sections that match the outline's sections", () => {
    const pres = deck.xml("ppt/presentation.xml");
    const sections = Array.from(pres.getElementsByTagName("p14:section"));
    const titles = [...new Set(expected.map((e) => e.section))];
    expect(sections.map((s) => s.getAttribute("name"))).toEqual(titles);
    const counts = sections.map((s) => s.getElementsByTagName("p14:sldId").length);
    expect(counts).toEqual(titles.map((t) => expected.filter((e) => e.section === t).length));
  });

  it("keeps every shape inside the 16:9 slide", () => {
    const size = deck.xml("ppt/presentation.xml").getElementsByTagName("p:sldSz")[0]!;
    const [w, h] = [Number(size.getAttribute("cx")), Number(size.getAttribute("cy"))];
    expect(w / EMU_PER_IN).toBeCloseTo(13.333, 2);
    expect(h / EMU_PER_IN).toBeCloseTo(7.5, 2);
    for (let n = 1; n <= expected.length; n++) {
      const doc = deck.xml(`ppt/slides/slide${n}.xml`);
      const offs = Array.from(doc.getElementsByTagName("a:off"));
      const exts = Array.from(doc.getElementsByTagName("a:ext")).filter((e) => e.getAttribute("cx") !== null);
      offs.forEach((off, k) => {
        const ext = exts[k]!;
        const [x, y, cx, cy] = [off, off, ext, ext].map((el, j) => Number(el.getAttribute(["x", "y", "cx", "cy"][j]!)));
        expect(x! >= 0 && y! >= 0 && x! + cx! <= w + 1 && y! + cy! <= h + 1, `slide ${n} shape ${k}`).toBe(true);
      });
    }
  });

  it("carries every fact and figure the article gives, exactly", () => {
    const all = Array.from({ length: expected.length }, (_, i) => deck.slideTexts(i + 1).join(" ")).join(" ")
      + " " + Array.from({ length: expected.length }, (_, i) => deck.notes(i + 1)).join(" ");
    const text = squash(all);
    for (const fact of [
      "September 2024", "Alexei Overchuk", "rail and road", "North-South Transport Corridor", "Belt and Road Initiative",
      "Eurasian Economic Union (EAEU)", "free trade agreement", "October 2024", "more than 60", "businesspeople",
      "over $500 million", "first trade and investment forum", "Moscow", "April 2022", "discounted Russian crude",
      "100,000", "metric tons", "September 2023", "OGDCL", "offshore oil and gas", "Western sanctions",
      "Global South", "withdrawal from Afghanistan", "SCO Council of Heads of Government", "ninth session",
      "Intergovernmental Commission", "defaulting on its sovereign debt in 2023", "$3 billion", "$7 billion", "National Security Policy 2021",
    ]) {
      expect(text, fact).toContain(fact);
    }
  });

  it("sets the document properties from the outline", () => {
    const core = deck.xml("docProps/core.xml");
    const field = (tag: string) => core.getElementsByTagName(tag)[0]?.textContent;
    expect(field("dc:title")).toBe(outline.deck.title);
    expect(field("dc:subject")).toBe(outline.deck.subtitle);
    expect(field("dc:creator")).toBe(outline.deck.author);
    expect(field("dcterms:created")).toBe("2026-11-28T00:00:00Z");
    expect(field("dcterms:modified")).toBe("2026-11-28T00:00:00Z");
  });

  it("links each agenda entry to its section's divider", () => {
    const agendaIndex = expected.findIndex((e) => e.layout === "agenda") + 1;
    const links = deck.rels(`ppt/slides/slide${agendaIndex}.xml`, "slide");
    const dividers = expected.map((e, i) => ({ e, n: i + 1 })).filter(({ e }) => e.layout === "section");
    expect(links.map((l) => l.target)).toEqual(dividers.map(({ n }) => `slide${n}.xml`));
    // Each entry's text box is the link (LibreOffice wraps a linked run between letters), in order.
    const doc = deck.xml(`ppt/slides/slide${agendaIndex}.xml`);
    const onShapes = Array.from(doc.getElementsByTagName("p:cNvPr")).flatMap((c) => Array.from(c.getElementsByTagName("a:hlinkClick")));
    expect(onShapes.map((h) => h.getAttribute("action"))).toEqual(dividers.map(() => "ppaction://hlinksldjump"));
    expect(onShapes.map((h) => links.find((l) => l.id === h.getAttribute("r:id"))?.target)).toEqual(dividers.map(({ n }) => `slide${n}.xml`));
    expect(Array.from(doc.getElementsByTagName("a:rPr")).some((r) => r.getElementsByTagName("a:hlinkClick").length > 0)).toBe(false);
  });

  it("shows the cover image, prepared as a PNG at twice its placed size", () => {
    const media = Object.keys(deck.files).filter((n) => n.startsWith("ppt/media/"));
    expect(media).toHaveLength(1);
    const png = deck.files[media[0]!]!;
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe("PNG");
    const widthPx = Buffer.from(png).readUInt32BE(16);
    const pic = deck.xml("ppt/slides/slide1.xml").getElementsByTagName("p:pic")[0]!;
    const cx = Number(pic.getElementsByTagName("a:ext")[0]!.getAttribute("cx"));
    expect(widthPx).toBe(Math.round((cx / EMU_PER_IN) * 192));
  });
});
