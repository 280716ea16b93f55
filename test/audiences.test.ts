// One outline, many audiences: each shipped audience's deck, read back from its .pptx.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAllAudiences, type BuildResult } from "../src/build-deck.js";
import { main, type Io } from "../src/cli.js";
import { buildErrors, tempDir } from "./_helpers/build.js";
import { pptxCheck } from "./_helpers/checks.js";
import { META, posOf } from "./_helpers/outline.js";
import { openPptx, squash, type Pptx } from "./_helpers/pptx.js";

interface VariantSlide { title: string; notes: string; variants?: Record<string, { title?: string; notes?: string }> }
const outline = parse(readFileSync("deck.yaml", "utf8")) as {
  audiences: Record<string, { marking?: string }>; deck: { marking: string; title: string };
  sections: Array<{ title: string; slides: VariantSlide[] }>;
};

const titlesOf = (deck: Pptx) => Array.from({ length: deck.slideCount() }, (_, i) => deck.title(i + 1)!);
const agendaOf = (deck: Pptx) => {
  const n = titlesOf(deck).findIndex((_, i) => deck.text(`ppt/slides/slide${i + 1}.xml`).includes("hlinksldjump")) + 1;
  return deck.slideShapes(n).filter((s) => s.name && /^\s*\S/.test(s.text)).map((s) => s.text);
};

describe("the shipped audiences", () => {
  const decks = new Map<string, { result: BuildResult; deck: Pptx }>();
  beforeAll(async () => {
    for (const result of await buildAllAudiences({ outline: "deck.yaml", outDir: tempDir() })) {
      decks.set(result.audience.id, { result, deck: openPptx(result.path!) });
    }
  });

  it("writes one file per audience: the default as deck.pptx, the others deck-<id>.pptx", () => {
    expect([...decks.keys()]).toEqual(["analysts", "executive", "business"]);
    expect([...decks.values()].map((d) => d.result.path!.replace(/^.*\//, ""))).toEqual(["deck.pptx", "deck-executive.pptx", "deck-business.pptx"]);
    expect(pptxCheck(...[...decks.values()].map((d) => d.result.path!)).problems).toBe(0);
  });

  it("gives ministers at most 8 slides: the key figures, the pitch, the chart and the takeaways", () => {
    const deck = decks.get("executive")!.deck;
    expect(deck.slideCount()).toBeLessThanOrEqual(8);
    expect(titlesOf(deck)).toEqual([
      "Pakistan and Russia: from Cold War rivals to economic partners",
      "Four points frame the decisions on Pakistan–Russia ties",
      "Pakistan's business community followed up within weeks",
      "A single LPG shipment showed that the Russian supply route works",
      "Pakistan's pitch is to be the bridge between Russia and Central Asia",
      "IMF support far outweighs the export value behind Pakistan's business push into Russia",
      "Four points to carry into any discussion of Pakistan–Russia ties",
      "This briefing rests on a single published analysis",
    ]);
  });

  it("gives the business delegation trade, energy, the calendar and the money, without the strategy section", () => {
    const titles = titlesOf(decks.get("business")!.deck);
    expect(titles).toContain("Expanding Trade Opportunities");
    expect(titles).toContain("Strengthening Energy Cooperation");
    expect(titles).toContain("High-level contacts followed one another in quick succession");
    expect(titles).not.toContain("A New Strategic Alignment");
    expect(titles).not.toContain("Economics, not bloc politics, now drives Pakistan's approach to Russia");
  });

  it("lists only each variant's own sections in its agenda, each linked to a slide of the deck", () => {
    const expected = {
      analysts: ["Expanding Trade Opportunities", "Strengthening Energy Cooperation", "A New Strategic Alignment", "Multilateral Cooperation", "Navigating Economic Challenges"],
      executive: ["Expanding Trade Opportunities", "Strengthening Energy Cooperation", "A New Strategic Alignment", "Navigating Economic Challenges"],
      business: ["Expanding Trade Opportunities", "Strengthening Energy Cooperation", "Multilateral Cooperation", "Navigating Economic Challenges"],
    };
    for (const [id, sections] of Object.entries(expected)) {
      const deck = decks.get(id)!.deck;
      const agenda = agendaOf(deck);
      for (const s of sections) expect(agenda, id).toContain(s);
      const agendaSlide = titlesOf(deck).findIndex((t) => /threads|points frame/.test(t)) + 1;
      const links = deck.rels(`ppt/slides/slide${agendaSlide}.xml`, "slide");
      expect(links, id).toHaveLength(sections.length);
      for (const link of links) expect(deck.has(`ppt/slides/${link.target}`), `${id} ${link.target}`).toBe(true);
      const titles = titlesOf(deck);
      const linked = links.map((l) => titles[Number(/slide(\d+)\.xml/.exec(l.target)![1]) - 1]);
      expect(linked.length).toBe(sections.length);
    }
  });

  it("marks each deck's footer as its audience says", () => {
    const markings = { analysts: outline.deck.marking, executive: outline.audiences["executive"]!.marking, business: outline.audiences["business"]!.marking };
    for (const [id, marking] of Object.entries(markings)) {
      const deck = decks.get(id)!.deck;
      expect(deck.slideTexts(2), id).toContain(`${outline.deck.title}  ·  ${marking}`);
    }
  });

  it("uses each audience's own notes where the outline gives them", () => {
    const agenda = outline.sections[0]!.slides[1]!;
    expect(squash(decks.get("analysts")!.deck.notes(2))).toBe(squash(agenda.notes));
    expect(squash(decks.get("executive")!.deck.notes(2))).toBe(squash(agenda.variants!["executive"]!.notes!));
    expect(squash(decks.get("business")!.deck.notes(2))).toBe(squash(agenda.variants!["business"]!.notes!));
  });

  it("puts the audience's kicker on the title slide", () => {
    expect(decks.get("executive")!.deck.slideTexts(1)).toContain("BRIEFING FOR MINISTERS");
    expect(decks.get("analysts")!.deck.slideTexts(1)).toContain("BRIEFING");
  });
});

describe("audience rules are checked", () => {
  const withAudiences = (audiences: string, slideExtra = "") => `${META}audiences:
${audiences}sections:
  - id: a
    title: A
    divider: false
    slides:
      - layout: bullets
        title: T
        notes: One. Two.
        tags: [core]
        bullets: [x]
${slideExtra}`;

  it("reports a tag no slide carries", async () => {
    const yaml = withAudiences("  one: { label: One, description: D, include: [coer] }\n");
    const [e] = await buildErrors(yaml);
    expect(e!.info).toMatchObject({ code: "UNKNOWN_TAG", pos: posOf(yaml, "coer"), hint: 'did you mean "core"?' });
  });

  it("reports an audience that selects no slide", async () => {
    const yaml = withAudiences("  one: { label: One, description: D }\n  two: { label: Two, description: D, exclude: [core] }\n");
    const [e] = await buildErrors(yaml);
    expect(e!.info).toMatchObject({ code: "AUDIENCE_EMPTY", pos: { line: posOf(yaml, "  two:").line } });
  });

  it("reports a variant for an audience that does not exist", async () => {
    const yaml = withAudiences("  one: { label: One, description: D }\n", "        variants:\n          ones: { notes: Other. Notes. }\n");
    const [e] = await buildErrors(yaml);
    expect(e!.info).toMatchObject({ code: "UNKNOWN_AUDIENCE", pos: posOf(yaml, "ones:"), hint: 'did you mean "one"?' });
  });
});

describe("audiences on the command line", () => {
  const capture = (): Io & { out_: string[]; err_: string[] } => {
    const out_: string[] = [];
    const err_: string[] = [];
    return { out_, err_, out: (l) => out_.push(l), err: (l) => err_.push(l) };
  };

  it("--all prints a table of audience, slides, file and time", async () => {
    const io = capture();
    expect(await main(["--all", "--out", tempDir()], io)).toBe(0);
    const text = io.out_.join("\n");
    expect(text).toMatch(/^audience\s+label\s+slides\s+file\s+time\s+accessibility$/m);
    expect(text).toMatch(/^executive\s+Ministers\s+8\s+\S*deck-executive\.pptx\s+\d+\.\d\d s\s+no problems$/m);
  });

  it("--audience nosuch is a usage error listing the audiences", async () => {
    const io = capture();
    expect(await main(["--audience", "nosuch", "--out", tempDir()], io)).toBe(2);
    expect(io.err_.join("\n")).toContain("analysts (Analysts), executive (Ministers), business (Business delegation)");
  });
});

describe("each variant reads as a deck of its own", () => {
  it("counts its own sections in the divider notes", async () => {
    const [, , business] = await buildAllAudiences({ outline: "deck.yaml", outDir: tempDir() });
    const deck = openPptx(business!.path!);
    const threads = Array.from({ length: deck.slideCount() }, (_, i) => deck.notes(i + 1)).filter((n) => n.startsWith("Thread"));
    expect(threads.map((n) => n.slice(0, 11))).toEqual(["Thread 1 of", "Thread 2 of", "Thread 3 of", "Thread 4 of"]);
    expect(threads.every((n) => n.includes(" of 4"))).toBe(true);
  });
});
