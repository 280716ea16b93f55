// Test helper: open a .pptx (a zip) and query its parts as XML.
import { readFileSync } from "node:fs";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { unzipSync } from "fflate";

export interface Pptx {
  readonly files: Record<string, Uint8Array>;
  has(name: string): boolean;
  text(name: string): string;
  xml(name: string): Document;
  slideCount(): number;
  /** Text of every a:t run in a slide, in document order. */
  slideTexts(n: number): string[];
  /** Each text shape's paragraphs joined, in document order. */
  slideShapes(n: number): Array<{ name: string; text: string; placeholder: string | null; placeholderIdx: number | null; xEmu: number; yEmu: number; cxEmu: number; cyEmu: number }>;
  /**
   * The slide's title as python-pptx finds it: the placeholder with idx 0 (no idx attribute), of
   * type title or ctrTitle. Undefined when there is none.
   */
  title(n: number): string | undefined;
  notes(n: number): string;
  /** Targets of a part's relationships by type suffix (e.g. "chart"). */
  rels(part: string, type?: string): Array<{ id: string; target: string; type: string }>;
}

const decoder = new TextDecoder();

export function openPptx(pathOrBytes: string | Uint8Array): Pptx {
  const bytes = typeof pathOrBytes === "string" ? readFileSync(pathOrBytes) : pathOrBytes;
  const files = unzipSync(bytes);
  const text = (name: string) => {
    const f = files[name];
    if (!f) throw new Error(`no part ${name}`);
    return decoder.decode(f);
  };
  const xml = (name: string) => new DOMParser().parseFromString(text(name), "application/xml");
  const all = (doc: Document | Element, tag: string) => Array.from(doc.getElementsByTagName(tag));
  return {
    files,
    has: (name) => name in files,
    text, xml,
    slideCount: () => Object.keys(files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length,
    slideTexts: (n) => all(xml(`ppt/slides/slide${n}.xml`), "a:t").map((t) => t.textContent ?? ""),
    slideShapes: (n) => all(xml(`ppt/slides/slide${n}.xml`), "p:sp").flatMap((sp) => {
      const body = all(sp, "p:txBody")[0];
      if (!body) return [];
      const paras = all(body, "a:p").map((p) => all(p, "a:t").map((t) => t.textContent ?? "").join(""));
      const off = all(sp, "a:off")[0];
      const ext = all(sp, "a:ext")[0];
      const ph = all(sp, "p:ph")[0];
      return [{
        name: all(sp, "p:cNvPr")[0]?.getAttribute("name") ?? "",
        text: paras.join("\n"), placeholder: ph ? ph.getAttribute("type") : null,
        placeholderIdx: ph ? Number(ph.getAttribute("idx") ?? 0) : null,
        xEmu: Number(off?.getAttribute("x") ?? NaN), yEmu: Number(off?.getAttribute("y") ?? NaN),
        cxEmu: Number(ext?.getAttribute("cx") ?? NaN), cyEmu: Number(ext?.getAttribute("cy") ?? NaN),
      }];
    }),
    title(n) {
      const found = this.slideShapes(n).filter((s) => s.placeholderIdx === 0 && (s.placeholder === "title" || s.placeholder === "ctrTitle"));
      return found[0]?.text;
    },
    notes: (n) => {
      const doc = xml(`ppt/notesSlides/notesSlide${n}.xml`);
      const body = all(doc, "p:sp").find((sp) => all(sp, "p:ph")[0]?.getAttribute("type") === "body");
      return body ? all(body, "a:p").map((p) => all(p, "a:t").map((t) => t.textContent ?? "").join("")).join("\n") : "";
    },
    rels: (part, type) => {
      const slash = part.lastIndexOf("/");
      const relsName = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
      if (!(relsName in files)) return [];
      return all(xml(relsName), "Relationship")
        .map((r) => ({ id: r.getAttribute("Id") ?? "", target: r.getAttribute("Target") ?? "", type: r.getAttribute("Type") ?? "" }))
        .filter((r) => !type || r.type.endsWith(`/${type}`));
    },
  };
}

/** Collapses whitespace, as text is compared after YAML folding. */
export function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
