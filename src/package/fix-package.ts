// Package stage: fixes to the package parts pptxgenjs 4.0.1 gets wrong in every deck
// (../shared/notes/pptxgenjs.md §1a). Each function names the defect it answers.
import { createHash } from "node:crypto";
import { partText, type Parts } from "./zip-io.js";
import { unescapeAttr } from "../util/xml-text.js";

const CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
const THEME_TYPE = "application/vnd.openxmlformats-officedocument.theme+xml";

/**
 * #1444: an Override per slide for slideMaster1..N.xml, though only slideMaster1.xml exists.
 * #1462: `image/jpg` is not a registered MIME type. Also gives the notes theme its Override.
 * A targeted edit of the flat list pptxgenjs (or the template stage's serializer) writes: on a
 * 1000-slide deck the file has 3,000 entries, and a DOM took 110 ms to edit it.
 */
export function fixContentTypes(parts: Parts): void {
  const text = partText(parts, "[Content_Types].xml");
  if (text === undefined) return;
  const overridden = new Set<string>();
  let xml = text.replace(OVERRIDE, (whole) => {
    const name = attr(whole, "PartName") ?? "";
    if (!parts.has(name.replace(/^\//, ""))) return "";
    overridden.add(name);
    return whole;
  });
  xml = xml.replace(DEFAULT_JPG, (whole) => whole.replace('ContentType="image/jpg"', 'ContentType="image/jpeg"'));
  const themes = [...parts.keys()].filter((n) => /^ppt\/theme\/theme\d+\.xml$/.test(n) && !overridden.has(`/${n}`)).sort();
  const added = themes.map((n) => `<Override PartName="/${n}" ContentType="${THEME_TYPE}"/>`).join("");
  if (added) xml = xml.replace(/<\/Types>\s*$/, `${added}</Types>`);
  parts.set("[Content_Types].xml", xml);
}

/** An Override element, empty as every writer of this part writes it. */
const OVERRIDE = /<Override\b[^>]*\/>/g;
const DEFAULT_JPG = /<Default\b[^>]*\bContentType="image\/jpg"[^>]*\/>/g;

function attr(element: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
}

/**
 * #1443 / #1449: the notes master shares theme1.xml with the slide master; PowerPoint gives each
 * master its own theme. Copy it to a new theme part and point the notes master there.
 */
export function fixNotesMasterTheme(parts: Parts): void {
  const relsName = "ppt/notesMasters/_rels/notesMaster1.xml.rels";
  const xml = partText(parts, relsName);
  const theme1 = parts.get("ppt/theme/theme1.xml");
  if (xml === undefined || !theme1) return;
  let n = 2;
  while (parts.has(`ppt/theme/theme${n}.xml`)) n++;
  // A targeted edit of the relationship's Target attribute (the part is a flat list of empty elements).
  const repointed = xml.replace(/(<Relationship\b[^>]*\sTarget=")\.\.\/theme\/theme1\.xml(")/g, `$1../theme/theme${n}.xml$2`);
  if (repointed === xml) return;
  parts.set(relsName, repointed);
  parts.set(`ppt/theme/theme${n}.xml`, theme1);
}

/**
 * presentation.xml: CT_Presentation puts notesMasterIdLst right after sldMasterIdLst, but pptxgenjs
 * writes it after sldIdLst (schema-invalid; PowerPoint repairs it). Section ids are random GUIDs;
 * derive them from the section's position and name so the output is reproducible. A targeted edit:
 * the part lists every slide, and each list is a flat run of empty elements.
 */
export function fixPresentation(parts: Parts): void {
  let xml = partText(parts, "ppt/presentation.xml");
  if (xml === undefined) return;
  const notes = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>|<p:notesMasterIdLst\/>/.exec(xml);
  const mastersEnd = /<\/p:sldMasterIdLst>|<p:sldMasterIdLst\/>/.exec(xml);
  if (notes && mastersEnd && notes.index > mastersEnd.index) {
    xml = xml.slice(0, notes.index) + xml.slice(notes.index + notes[0].length);
    const at = mastersEnd.index + mastersEnd[0].length;
    xml = xml.slice(0, at) + notes[0] + xml.slice(at);
  }
  let i = 0;
  xml = xml.replace(/<p14:section\b[^>]*>/g, (tag) => {
    const name = attr(tag, "name") ?? "";
    const id = derivedGuid(`section:${i++}:${unescapeAttr(name)}`);
    return /\sid="[^"]*"/.test(tag) ? tag.replace(/\sid="[^"]*"/, ` id="${id}"`) : tag.replace(/\/?>$/, (end) => ` id="${id}"${end}`);
  });
  parts.set("ppt/presentation.xml", xml);
}

/** docProps/core.xml: pptxgenjs stamps `new Date()`; use the build's own timestamp. A targeted edit of two elements' text. */
export function fixCoreProperties(parts: Parts, name: string, timestampMs: number): void {
  const text = partText(parts, name);
  if (text === undefined) return;
  const iso = new Date(timestampMs).toISOString().replace(/\.\d{3}Z$/, "Z");
  const xml = text.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`);
  parts.set(name, xml);
}

/** A GUID made from a hash, in registry form: {8-4-4-4-12}. */
export function derivedGuid(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex").toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

/**
 * pptxgenjs numbers p:cNvPr ids from the object's index, so a table after four shapes, or the slide
 * number placeholder on a slide with many objects, repeats an id; PowerPoint requires them unique
 * per slide. A targeted edit of each p:cNvPr's id: the first use of an id keeps it, a repeat (or a
 * non-number) takes the next free one. No DOM: a map slide of a hundred freeforms is 250 KB.
 */
export function fixDuplicateShapeIds(parts: Parts): void {
  // Slides, and a template's layouts and masters (which PowerPoint also requires unique ids in).
  for (const name of [...parts.keys()].filter((n) => /^ppt\/(slides\/slide|slideLayouts\/slideLayout|slideMasters\/slideMaster)\d+\.xml$/.test(n))) {
    const xml = partText(parts, name)!;
    const ids = [...xml.matchAll(CNVPR_ID)].map((m) => m[1]!);
    if (new Set(ids).size === ids.length && ids.every((id) => /^\d+$/.test(id))) continue;
    const used = new Set<number>();
    let next = Math.max(0, ...ids.map((id) => Number(id) || 0)) + 1;
    const fixed = xml.replace(CNVPR_ID, (whole, id: string) => {
      const n = Number(id);
      if (/^\d+$/.test(id) && !used.has(n)) { used.add(n); return whole; }
      used.add(next);
      return `<p:cNvPr id="${next++}"`;
    });
    parts.set(name, fixed);
  }
}

const CNVPR_ID = /<p:cNvPr id="([^"]*)"/g;
