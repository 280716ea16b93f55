// Package stage: the deck moved onto an organisation's template. pptxgenjs's slide master, layouts and
// theme give way to the template's own (with everything they use: backgrounds, logos, embedded fonts),
// its slide size is the deck's, and each slide is attached to the template layout it was placed on.
// The template's own slides are not copied. Our text boxes get a list style of their own, so nothing
// of the template's text styles (line spacing, capitals, letter spacing) changes how they were measured.
import type { OrgTemplate } from "../template/read-template.js";
import { resolvePart } from "../template/read-template.js";
import { partText, type Parts, type ZipEntries } from "./zip-io.js";
import { childElements, editXml, elements, parseXml, serializeXml, type Document } from "./xml.js";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPE = {
  master: `${REL}/slideMaster`, layout: `${REL}/slideLayout`, theme: `${REL}/theme`, font: `${REL}/font`,
} as const;
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

/** `slideLayouts[i]`: the template layout part slide i + 1 is placed on. */
export function applyTemplate(parts: Parts, template: OrgTemplate, slideLayouts: readonly string[]): void {
  const tpl = template.parts;
  // 1. What the template's masters use, transitively (layouts, themes, media, …), and the fonts it embeds.
  const copied = new Set<string>();
  const visit = (part: string): void => {
    if (copied.has(part) || !tpl.has(part) || /^ppt\/slides\//.test(part) || /^ppt\/notesSlides\//.test(part)) return;
    copied.add(part);
    for (const target of targets(tpl, part)) visit(target);
  };
  for (const m of template.masters) visit(m);
  const presRels = relsDoc(tpl, "ppt/presentation.xml");
  const fontParts = presRels ? elements(presRels, "Relationship").filter((r) => r.getAttribute("Type") === REL_TYPE.font).map((r) => resolvePart("ppt/presentation.xml", r.getAttribute("Target") ?? "")) : [];
  for (const f of fontParts) visit(f);

  // 2. Ours go: pptxgenjs's masters, layouts, and the theme of its master.
  const ourMasters = [...parts.keys()].filter((n) => /^ppt\/slideMasters\/[^/]+\.xml$/.test(n));
  const ourThemes = new Set(ourMasters.flatMap((m) => targets(parts, m).filter((t) => /^ppt\/theme\//.test(t))));
  for (const name of [...parts.keys()]) {
    if (/^ppt\/slide(Masters|Layouts)\//.test(name) || ourThemes.has(name) || [...ourThemes].some((t) => name === relsName(t))) parts.delete(name);
  }

  // 3. New names for the template's parts: masters and layouts keep their folders; the rest are prefixed.
  const renamed = new Map<string, string>();
  let themeN = 1;
  while (parts.has(`ppt/theme/theme${themeN}.xml`)) themeN++;
  const counters = new Map<string, number>();
  for (const part of [...copied].sort()) {
    const m = /^(ppt\/(?:slideMasters|slideLayouts))\/[^/]+$/.exec(part);
    if (m) { renamed.set(part, part); continue; }
    if (/^ppt\/theme\/[^/]+\.xml$/.test(part)) { renamed.set(part, `ppt/theme/theme${themeN++}.xml`); continue; }
    const dir = part.slice(0, part.lastIndexOf("/"));
    const base = part.slice(part.lastIndexOf("/") + 1);
    let name = `${dir}/template-${base}`;
    const n = counters.get(name) ?? 0;
    counters.set(name, n + 1);
    if (n > 0) name = `${dir}/template-${n}-${base}`;
    renamed.set(part, name);
  }
  for (const [from, to] of renamed) {
    parts.set(to, /\.xml$/.test(from) ? withoutAlternateContent(tpl.get(from)!) : tpl.get(from)!);
    const rels = relsDoc(tpl, from);
    if (rels) {
      for (const r of elements(rels, "Relationship")) {
        if (r.getAttribute("TargetMode") === "External") continue;
        const target = resolvePart(from, r.getAttribute("Target") ?? "");
        const moved = renamed.get(target);
        if (moved) r.setAttribute("Target", relativeTarget(to, moved));
      }
      parts.set(relsName(to), serializeXml(rels));
    }
  }

  // 4. Content types of the copied parts, as the template declares them.
  const tplTypes = parseXml(tpl.get("[Content_Types].xml")!);
  const overrideOf = new Map(elements(tplTypes, "Override").map((o) => [(o.getAttribute("PartName") ?? "").replace(/^\//, ""), o.getAttribute("ContentType") ?? ""]));
  const defaultOf = new Map(elements(tplTypes, "Default").map((d) => [(d.getAttribute("Extension") ?? "").toLowerCase(), d.getAttribute("ContentType") ?? ""]));
  editXml(parts, "[Content_Types].xml", (doc) => {
    const types = doc.documentElement!;
    const overridden = new Set(elements(doc, "Override").map((o) => (o.getAttribute("PartName") ?? "").replace(/^\//, "")));
    const defaults = new Set(elements(doc, "Default").map((d) => (d.getAttribute("Extension") ?? "").toLowerCase()));
    for (const [from, to] of renamed) {
      const ext = from.slice(from.lastIndexOf(".") + 1).toLowerCase();
      const override = overrideOf.get(from);
      if (override && !overridden.has(to)) {
        const o = doc.createElementNS(CT_NS, "Override");
        o.setAttribute("PartName", `/${to}`);
        o.setAttribute("ContentType", override);
        types.appendChild(o);
      } else if (!override && !defaults.has(ext) && defaultOf.has(ext)) {
        const d = doc.createElementNS(CT_NS, "Default");
        d.setAttribute("Extension", ext);
        d.setAttribute("ContentType", defaultOf.get(ext)!);
        types.insertBefore(d, types.firstChild);
        defaults.add(ext);
      }
    }
  });

  // 5. presentation.xml: the template's masters (with their ids), slide size and embedded fonts.
  const tplPres = parseXml(tpl.get("ppt/presentation.xml")!);
  const tplPresRels = new Map((presRels ? elements(presRels, "Relationship") : []).map((r) => [r.getAttribute("Id") ?? "", resolvePart("ppt/presentation.xml", r.getAttribute("Target") ?? "")]));
  const newRels: Array<{ id: string; type: string; target: string }> = [];
  editXml(parts, "ppt/_rels/presentation.xml.rels", (doc) => {
    const root = doc.documentElement!;
    for (const r of elements(doc, "Relationship")) if (r.getAttribute("Type") === REL_TYPE.master) root.removeChild(r);
    const used = new Set(elements(doc, "Relationship").map((r) => r.getAttribute("Id")));
    let n = 1;
    const fresh = () => { while (used.has(`rIdT${n}`)) n++; used.add(`rIdT${n}`); return `rIdT${n}`; };
    for (const m of template.masters) newRels.push({ id: fresh(), type: REL_TYPE.master, target: relativeTarget("ppt/presentation.xml", renamed.get(m)!) });
    for (const f of fontParts) if (renamed.has(f)) newRels.push({ id: fresh(), type: REL_TYPE.font, target: relativeTarget("ppt/presentation.xml", renamed.get(f)!) });
    for (const r of newRels) {
      const e = doc.createElementNS(PKG_REL_NS, "Relationship");
      e.setAttribute("Id", r.id);
      e.setAttribute("Type", r.type);
      e.setAttribute("Target", r.target);
      root.appendChild(e);
    }
  });
  editXml(parts, "ppt/presentation.xml", (doc) => {
    const pres = doc.documentElement!;
    const list = elements(doc, "p:sldMasterIdLst")[0]!;
    for (const c of childElements(list)) list.removeChild(c);
    const masterIds = elements(tplPres, "p:sldMasterId");
    template.masters.forEach((m, i) => {
      const e = doc.createElementNS(pres.namespaceURI, "p:sldMasterId");
      const original = masterIds.find((x) => tplPresRels.get(x.getAttribute("r:id") ?? "") === m);
      e.setAttribute("id", original?.getAttribute("id") ?? String(2147483648 + i * 100));
      e.setAttributeNS(REL, "r:id", newRels[i]!.id);
      list.appendChild(e);
    });
    const size = elements(tplPres, "p:sldSz")[0];
    const ours = elements(doc, "p:sldSz")[0];
    if (size && ours) {
      ours.setAttribute("cx", size.getAttribute("cx")!);
      ours.setAttribute("cy", size.getAttribute("cy")!);
      if (size.getAttribute("type")) ours.setAttribute("type", size.getAttribute("type")!); else ours.removeAttribute("type");
    }
    copyEmbeddedFonts(doc, tplPres, tplPresRels, newRels.filter((r) => r.type === REL_TYPE.font), fontParts, renamed);
  });

  // 6. Each slide on its template layout, its text boxes with a list style and no autofit of their own.
  slideLayouts.forEach((layout, i) => {
    const slide = `ppt/slides/slide${i + 1}.xml`;
    editXml(parts, relsName(slide), (doc) => {
      for (const r of elements(doc, "Relationship")) if (r.getAttribute("Type") === REL_TYPE.layout) r.setAttribute("Target", relativeTarget(slide, renamed.get(layout) ?? layout));
    });
    const text = partText(parts, slide);
    if (text !== undefined) {
      // No autofit either: a layout's placeholder may shrink its text (normAutofit), and ours is fitted.
      const xml = text.replaceAll("<a:lstStyle/>", NEUTRAL_LIST_STYLE)
        .replace(/(<a:bodyPr\b[^>]*?)(?:\/>|><\/a:bodyPr>)/g, "$1><a:noAutofit/></a:bodyPr>");
      parts.set(slide, xml);
    }
  });
}

/**
 * mc:AlternateContent (PowerPoint's wrapper for features newer than the 2006 schemas, such as a
 * p14 transition or a sized shape) is replaced by its Fallback, the form every reader and the ISO
 * schemas know; a block without a Fallback is left out. A targeted edit: the wrapper never nests
 * in layouts, masters and themes.
 */
function withoutAlternateContent(bytes: Uint8Array): Uint8Array {
  const xml = new TextDecoder().decode(bytes);
  if (!xml.includes("AlternateContent")) return bytes;
  const fixed = xml.replace(/<mc:AlternateContent\b[^>]*>([\s\S]*?)<\/mc:AlternateContent>/g, (_all, inner: string) => {
    const fallback = /<mc:Fallback\b[^>]*>([\s\S]*?)<\/mc:Fallback>/.exec(inner);
    return fallback ? fallback[1]! : "";
  });
  return new TextEncoder().encode(fixed);
}

/**
 * Paragraph and character defaults as briefdeck measures text: single line spacing, no space before,
 * no capitals, letter spacing, italics or underline. A template's master styles would otherwise
 * reach our text boxes and titles through inheritance.
 */
const LEVEL = '<a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPts val="0"/></a:spcBef>';
const DEF_RPR = '<a:defRPr i="0" u="none" cap="none" spc="0" baseline="0"/>';
const NEUTRAL_LIST_STYLE = `<a:lstStyle>${[1, 2, 3].map((l) => `<a:lvl${l}pPr>${LEVEL}${DEF_RPR}</a:lvl${l}pPr>`).join("")}</a:lstStyle>`;

function copyEmbeddedFonts(doc: Document, tplPres: Document, tplPresRels: Map<string, string>, fontRels: ReadonlyArray<{ id: string; target: string }>, fontParts: readonly string[], renamed: Map<string, string>): void {
  const list = elements(tplPres, "p:embeddedFontLst")[0];
  if (!list || fontRels.length === 0) return;
  const pres = doc.documentElement!;
  const copy = doc.importNode(list, true);
  // Their r:ids now point at the copied fonts.
  for (const e of Array.from(copy.getElementsByTagName("*"))) {
    const id = e.getAttribute("r:id");
    if (!id) continue;
    const part = tplPresRels.get(id);
    const k = part ? fontParts.indexOf(part) : -1;
    if (k >= 0 && renamed.has(part!)) e.setAttribute("r:id", fontRels[k]!.id);
    else e.parentNode?.removeChild(e);
  }
  // CT_Presentation: embeddedFontLst comes after notesSz (and before custShowLst, photoAlbum, …).
  const after = childElements(pres).find((c) => c.nodeName === "p:notesSz");
  pres.insertBefore(copy, after ? after.nextSibling : null);
}

function relsName(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

function relsDoc(parts: Parts | ZipEntries, part: string): Document | undefined {
  const bytes = parts.get(relsName(part));
  return bytes ? parseXml(bytes) : undefined;
}

/** Internal relationship targets of a part, resolved. */
function targets(parts: Parts | ZipEntries, part: string): string[] {
  const rels = relsDoc(parts, part);
  if (!rels) return [];
  return elements(rels, "Relationship").filter((r) => r.getAttribute("TargetMode") !== "External").map((r) => resolvePart(part, r.getAttribute("Target") ?? ""));
}

/** The relative target from one part to another ("../slideLayouts/slideLayout2.xml"). */
function relativeTarget(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...Array(a.length - i).fill(".."), ...b.slice(i)].join("/");
}
