// Template stage: an organisation's own .potx/.pptx, read as data: its slide size, theme (colour
// scheme, heading and body fonts), slide masters and layouts with their placeholders' geometry
// (a layout's own, else its master's) and backgrounds. Its slides are never read. Nothing in it runs.
import { DeckError, type SourcePos } from "../errors.js";
import type { Rect } from "../model/layout.js";
import { readZip, type ZipEntries } from "../package/zip-io.js";
import { childElements, elements, parseXml, type Element } from "../package/xml.js";
import { readRegularFile } from "../parse/read-source.js";
import { meanColour } from "../util/colour.js";

const EMU_PER_IN = 914400;
/** A template is a few MiB at most (masters, layouts, a logo or two). */
const MAX_TEMPLATE_BYTES = 64 * 1024 * 1024;

export interface Placeholder {
  /** title, body, ctrTitle, subTitle, dt, ftr, sldNum, pic, obj… (obj: no type given). */
  readonly type: string;
  readonly idx?: number;
  /** Where it is, in inches (the layout's own, else its master's). */
  readonly rect?: Rect;
}

export interface TemplateLayout {
  /** The part, e.g. ppt/slideLayouts/slideLayout2.xml. */
  readonly part: string;
  readonly name: string;
  /** The layout's type attribute (title, obj, secHead, twoObj, titleOnly, blank…), when it has one. */
  readonly type?: string;
  readonly master: string;
  readonly placeholders: readonly Placeholder[];
  /** Its background: a colour, or an image part (for its mean colour), the layout's own else its master's. */
  readonly background?: { readonly color: string } | { readonly image: string };
  /**
   * Filled shapes it draws behind slide content (a band behind the title, a panel), bottom first: its
   * master's (unless it hides them), then its own. Colours are hex or "scheme:<name>".
   */
  readonly decorations: ReadonlyArray<Rect & { readonly fill: string }>;
  /** Pictures it draws behind slide content (a logo, a ribbon, ink blots), bottom first, as image parts. */
  readonly pictures: ReadonlyArray<Rect & { readonly image: string }>;
}

export interface TemplateTheme {
  /** dk1, lt1, dk2, lt2, accent1…accent6, hlink, folHlink, as six-digit hex. */
  readonly colors: Readonly<Record<string, string>>;
  readonly fonts: { readonly major: string; readonly minor: string };
}

export interface OrgTemplate {
  readonly file: string;
  readonly parts: ZipEntries;
  readonly size: { readonly wIn: number; readonly hIn: number };
  readonly masters: readonly string[];
  readonly layouts: readonly TemplateLayout[];
  readonly theme: TemplateTheme;
}

/** Reads and parses a template; `pos` (where the outline names it) locates every error. */
export function readTemplate(file: string, pos: SourcePos): OrgTemplate {
  const fail = (message: string, hint: string): never => { throw new DeckError({ code: "TEMPLATE_INVALID", pos, message, hint }); };
  const bytes = readRegularFile(file, "template", MAX_TEMPLATE_BYTES);
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    fail(`the template "${file}" is encrypted (password-protected) or an old binary .ppt/.pot`, "save it from PowerPoint without a password, as .potx or .pptx");
  }
  if (!bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    fail(`the template "${file}" is not a PowerPoint file (.potx or .pptx)`, "name a .potx or .pptx saved from PowerPoint (or Keynote, LibreOffice, Google Slides)");
  }
  let parts: ZipEntries;
  try { parts = readZip(bytes); } catch (cause) {
    throw new DeckError({ code: "TEMPLATE_INVALID", pos, message: `the template "${file}" cannot be opened: ${(cause as Error).message}`, hint: "save it again from PowerPoint as .potx or .pptx", cause });
  }
  const presentation = parts.get("ppt/presentation.xml");
  if (!presentation) fail(`the template "${file}" is not a presentation (it has no ppt/presentation.xml)`, "name a .potx or .pptx; a Word or Excel file will not do");
  const pres = parseXml(presentation!);
  const sz = elements(pres, "p:sldSz")[0];
  const size = { wIn: Number(sz?.getAttribute("cx") ?? 12192000) / EMU_PER_IN, hIn: Number(sz?.getAttribute("cy") ?? 6858000) / EMU_PER_IN };
  const presRels = rels(parts, "ppt/presentation.xml");
  const masters = elements(pres, "p:sldMasterId").map((m) => presRels.get(m.getAttribute("r:id") ?? "")).filter((p): p is string => p !== undefined && parts.has(p));
  if (masters.length === 0) fail(`the template "${file}" has no slide master`, "save it again from PowerPoint as .potx or .pptx");

  const layouts: TemplateLayout[] = [];
  let theme: TemplateTheme | undefined;
  for (const master of masters) {
    const masterDoc = parseXml(parts.get(master)!);
    const masterRels = rels(parts, master);
    const themePart = [...masterRels.entries()].find(([, t]) => /\/theme\/[^/]+\.xml$/.test(t))?.[1];
    if (!theme && themePart && parts.has(themePart)) theme = readTheme(parseXml(parts.get(themePart)!));
    const masterPhs = placeholders(masterDoc.documentElement!);
    const masterBg = background(masterDoc.documentElement!, masterRels, size);
    const masterDecorations = decorations(masterDoc.documentElement!);
    const masterPictures = pictures(masterDoc.documentElement!, masterRels, size);
    for (const id of elements(masterDoc, "p:sldLayoutId")) {
      const part = masterRels.get(id.getAttribute("r:id") ?? "");
      if (!part || !parts.has(part)) continue;
      const doc = parseXml(parts.get(part)!);
      const root = doc.documentElement!;
      const own = placeholders(root);
      const layoutBg = background(root, rels(parts, part), size);
      layouts.push({
        part, master,
        name: elements(doc, "p:cSld")[0]?.getAttribute("name") ?? "",
        ...(root.getAttribute("type") ? { type: root.getAttribute("type")! } : {}),
        placeholders: own.map((p) => (p.rect ? p : { ...p, ...inherit(p, masterPhs) })),
        ...(layoutBg ?? masterBg ? { background: (layoutBg ?? masterBg)! } : {}),
        decorations: [...(root.getAttribute("showMasterSp") === "0" ? [] : masterDecorations), ...decorations(root)],
        pictures: [...(root.getAttribute("showMasterSp") === "0" ? [] : masterPictures), ...pictures(root, rels(parts, part), size)],
      });
    }
  }
  if (!layouts.some((l) => l.placeholders.some((p) => p.type === "title" || p.type === "ctrTitle"))) {
    fail(`the template "${file}" has no layout with a title placeholder, so no slide could carry a real title`, "add a title placeholder to its layouts in PowerPoint (View › Slide Master), or use another template");
  }
  return { file, parts, size, masters, layouts, theme: theme ?? { colors: {}, fonts: { major: "", minor: "" } } };
}

/** A part's relationships: id -> target part name. */
export function rels(parts: ZipEntries, part: string): Map<string, string> {
  const slash = part.lastIndexOf("/");
  const relsName = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
  const out = new Map<string, string>();
  const bytes = parts.get(relsName);
  if (!bytes) return out;
  for (const r of elements(parseXml(bytes), "Relationship")) {
    if (r.getAttribute("TargetMode") === "External") continue;
    out.set(r.getAttribute("Id") ?? "", resolvePart(part, r.getAttribute("Target") ?? ""));
  }
  return out;
}

/** A relationship target resolved against the part that holds it. */
export function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const stack = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") stack.pop();
    else if (seg !== ".") stack.push(seg);
  }
  return stack.join("/");
}

function placeholders(root: Element): Placeholder[] {
  const tree = elements(root, "p:spTree")[0];
  if (!tree) return [];
  return elements(tree, "p:sp").flatMap((sp) => {
    const ph = elements(sp, "p:ph")[0];
    if (!ph) return [];
    const idx = ph.getAttribute("idx");
    const rect = xfrmOf(elements(sp, "p:spPr")[0]);
    return [{ type: ph.getAttribute("type") ?? "obj", ...(idx !== null ? { idx: Number(idx) } : {}), ...(rect ? { rect } : {}) }];
  });
}

/**
 * Where a shape is, in inches: the a:off and a:ext of its own a:xfrm (an a:ext also names the
 * extensions in p:cNvPr's and a:blip's extLst, where PowerPoint records a shape's creation id).
 */
function xfrmOf(spPr: Element | undefined): Rect | undefined {
  const xfrm = spPr ? childElements(spPr).find((c) => c.nodeName === "a:xfrm") : undefined;
  const off = xfrm ? childElements(xfrm).find((c) => c.nodeName === "a:off") : undefined;
  const ext = xfrm ? childElements(xfrm).find((c) => c.nodeName === "a:ext") : undefined;
  if (!off || !ext) return undefined;
  const r = {
    xIn: Number(off.getAttribute("x")) / EMU_PER_IN, yIn: Number(off.getAttribute("y")) / EMU_PER_IN,
    wIn: Number(ext.getAttribute("cx")) / EMU_PER_IN, hIn: Number(ext.getAttribute("cy")) / EMU_PER_IN,
  };
  return [r.xIn, r.yIn, r.wIn, r.hIn].every(Number.isFinite) ? r : undefined;
}

/** A layout placeholder without geometry takes its master's of the same kind. */
function inherit(p: Placeholder, master: readonly Placeholder[]): { rect?: Rect } {
  const kind = p.type === "ctrTitle" ? "title" : p.type === "subTitle" || p.type === "obj" ? "body" : p.type;
  const m = master.find((x) => x.type === kind) ?? master.find((x) => x.type === p.type);
  return m?.rect ? { rect: m.rect } : {};
}

/** Pictures drawn on the layout or master (not placeholders, not the full-slide background), with their image part. */
function pictures(root: Element, relsOf: Map<string, string>, size: { wIn: number; hIn: number }): Array<Rect & { image: string }> {
  const tree = elements(root, "p:spTree")[0];
  if (!tree) return [];
  return childElements(tree).filter((c) => c.nodeName === "p:pic").flatMap((pic) => {
    if (elements(pic, "p:ph").length > 0) return [];
    const rect = xfrmOf(elements(pic, "p:spPr")[0]);
    const image = relsOf.get(elements(pic, "a:blip")[0]?.getAttribute("r:embed") ?? "");
    if (!rect || !image || rect.wIn * rect.hIn >= 0.9 * size.wIn * size.hIn) return [];
    return [{ ...rect, image }];
  });
}

/** Filled shapes that are not placeholders, with their fill (a pattern: its two colours' mean). */
function decorations(root: Element): Array<Rect & { fill: string }> {
  const tree = elements(root, "p:spTree")[0];
  if (!tree) return [];
  return elements(tree, "p:sp").flatMap((sp) => {
    if (elements(sp, "p:ph").length > 0) return [];
    const spPr = elements(sp, "p:spPr")[0];
    const rect = xfrmOf(spPr);
    const fill = spPr && fillOf(spPr);
    return rect && fill ? [{ ...rect, fill }] : [];
  });
}

function fillOf(spPr: Element): string | undefined {
  const first = childElements(spPr).find((c) => /^a:(solidFill|pattFill|gradFill|noFill|blipFill)$/.test(c.nodeName));
  if (!first || first.nodeName === "a:noFill" || first.nodeName === "a:blipFill") return undefined;
  const colors = elements(first, "a:srgbClr").map((c) => c.getAttribute("val") ?? "").filter((v) => /^[0-9A-Fa-f]{6}$/.test(v));
  if (colors.length > 0) return meanColour(colors);
  const scheme = elements(first, "a:schemeClr")[0]?.getAttribute("val");
  return scheme ? `scheme:${scheme}` : undefined;
}

/**
 * A layout's or master's background: its p:bg (a colour, a scheme colour or a picture), else a picture
 * drawn over (nearly) the whole slide, as LibreOffice writes a template's background image.
 */
function background(root: Element, relsOf: Map<string, string>, size: { wIn: number; hIn: number }): TemplateLayout["background"] | undefined {
  const bg = elements(root, "p:bg")[0];
  if (!bg) {
    const tree = elements(root, "p:spTree")[0];
    const full = tree ? childElements(tree).filter((c) => c.nodeName === "p:pic").find((pic) => {
      const r = xfrmOf(elements(pic, "p:spPr")[0]);
      return r !== undefined && r.wIn * r.hIn >= 0.9 * size.wIn * size.hIn;
    }) : undefined;
    const image = full ? relsOf.get(elements(full, "a:blip")[0]?.getAttribute("r:embed") ?? "") : undefined;
    return image ? { image } : undefined;
  }
  const solid = elements(bg, "a:srgbClr")[0];
  const blip = elements(bg, "a:blip")[0];
  if (blip) {
    const image = relsOf.get(blip.getAttribute("r:embed") ?? "");
    if (image) return { image };
  }
  if (solid) return { color: (solid.getAttribute("val") ?? "FFFFFF").toUpperCase() };
  const scheme = elements(bg, "a:schemeClr")[0]?.getAttribute("val");
  if (scheme) return { color: `scheme:${scheme}` };
  return undefined;
}

function readTheme(doc: ReturnType<typeof parseXml>): TemplateTheme {
  const colors: Record<string, string> = {};
  const scheme = elements(doc, "a:clrScheme")[0];
  for (const c of scheme ? childElements(scheme) : []) {
    const name = c.nodeName.replace(/^a:/, "");
    // An sRGB value, or a system colour's last value (<a:sysClr val="windowText" lastClr="000000"/>).
    const value = childElements(c)[0];
    const hex = [value?.getAttribute("val"), value?.getAttribute("lastClr")].find((v) => v && /^[0-9A-Fa-f]{6}$/.test(v));
    if (hex) colors[name] = hex.toUpperCase();
  }
  const latin = (tag: string) => elements(doc, tag)[0]?.getElementsByTagName("a:latin")[0]?.getAttribute("typeface") ?? "";
  return { colors, fonts: { major: latin("a:majorFont"), minor: latin("a:minorFont") } };
}
