// Layout stage: the text layouts (bullets, two columns, quote, takeaways, sources, agenda).
import { DeckError } from "../errors.js";
import type { Paragraph, PlacedItem, PlacedText, Rect } from "../model/layout.js";
import type { RenderedSlide, TextField } from "../model/rendered.js";
import { fitText, lineWidthPt, measureAt, type FitParagraph } from "./fit-text.js";
import { contentFrame, dropLastWord, fieldList, fieldText, fitOrCut, fittedBox, hyphenateWide, overflow, para, textBox, TYPE, type Frame, type LayoutContext } from "./frame.js";
import { rect } from "./grid.js";

const INDENT_PT = [21.6, 43.2] as const;
/** Space above each top-level bullet, in em: claims read as separate points. */
const BULLET_SPACE_EM = 0.9;

function bulletFits(fields: readonly TextField[]): FitParagraph[] {
  return fields.map((f) => {
    const sub = f.attrs["level"] === 2;
    return { text: f.text, indentPt: INDENT_PT[sub ? 1 : 0], smallerByPt: sub ? 2 : 0, spaceBeforeEm: sub ? 0.25 : BULLET_SPACE_EM };
  });
}

function bulletParas(fields: readonly TextField[], ctx: LayoutContext, fontPt: number): Paragraph[] {
  return fields.map((f) => {
    const sub = f.attrs["level"] === 2;
    return para(f.text, {
      bullet: sub ? "–" : "•", indent: sub ? 1 : 0, spaceBeforePt: Math.round((sub ? 0.25 : BULLET_SPACE_EM) * fontPt),
      ...(sub ? { fontPt: Math.max(TYPE.bodyMinPt, fontPt - 2), color: ctx.theme.colors.slate } : {}),
    });
  });
}

/** A list of bullets fitted into `r`; undefined when it cannot fit even at the minimum size. */
function bulletBox(ctx: LayoutContext, role: string, r: Rect, fields: readonly TextField[]): PlacedText | undefined {
  const fit = fitText({ paragraphs: bulletFits(fields), wIn: r.wIn, hIn: r.hIn, maxPt: TYPE.bodyMaxPt, minPt: TYPE.bodyMinPt, floorPt: TYPE.bodyMinPt });
  if (!fit.fits) return undefined;
  return textBox(role, r, bulletParas(fields, ctx, fit.fontPt), fit.fontPt, ctx.theme.colors.ink);
}

/** Groups of a top-level bullet with its sub-points, so a continuation never orphans a sub-point. */
function bulletGroups(fields: readonly TextField[]): TextField[][] {
  const groups: TextField[][] = [];
  for (const f of fields) {
    if (f.attrs["level"] === 2 && groups.length > 0) groups[groups.length - 1]!.push(f);
    else groups.push([f]);
  }
  return groups;
}

/**
 * Bullets: when even 16 pt does not fit, the bullets continue on following slides titled
 * "… (cont.)", and a warning names the slide's position in the outline.
 */
export function layoutBullets(ctx: LayoutContext, slide: RenderedSlide): Array<{ title: string; items: PlacedItem[] }> {
  const title = fieldText(slide, "title");
  const frame = contentFrame(ctx, slide);
  const bodyOf = (f: Frame) => rect(1, 11, f.body.yIn, f.body.hIn);
  const fields = hyphenateWide(ctx, slide, "bullets", fieldList(slide, "bullet"),
    (f) => lineWidthPt(bodyOf(frame), { indentPt: INDENT_PT[f.attrs["level"] === 2 ? 1 : 0] }), TYPE.bodyMinPt);
  const whole = bulletBox(ctx, "bullets", bodyOf(frame), fields);
  if (whole) return [{ title, items: [...frame.items, whole] }];

  const contFrame = contentFrame(ctx, slide, 8); // the longest "(cont. N)" this is likely to need
  const pages: TextField[][] = [];
  let page: TextField[] = [];
  for (const group of bulletGroups(fields)) {
    const body = bodyOf(pages.length === 0 ? frame : contFrame);
    if (page.length > 0 && !bulletBox(ctx, "bullets", body, [...page, ...group])) { pages.push(page); page = []; }
    page.push(...group);
  }
  pages.push(page);
  ctx.warn(new DeckError({
    code: "TEXT_CONTINUED", severity: "warning", pos: slide.pos,
    message: `the bullets of "${title}" do not fit one slide at ${TYPE.bodyMinPt} pt and continue over ${pages.length} slides`,
    hint: "shorten the bullets or split the slide in the outline",
  }));
  return pages.map((p, i) => {
    const f = i === 0 ? frame : contentFrame(ctx, slide, i);
    const body = bodyOf(f);
    const box = bulletBox(ctx, "bullets", body, p) ?? (overflow(ctx, slide, "bullets"), clampedBullets(ctx, body, p));
    return { title: f.title, items: [...f.items, box] };
  });
}

/** A single bullet too long for a whole slide at the minimum size: kept at that size, cut to the box. */
function clampedBullets(ctx: LayoutContext, body: Rect, fields: readonly TextField[]): PlacedText {
  const lines: TextField[] = [];
  for (const f of fields) {
    const next = [...lines, f];
    if (!bulletBox(ctx, "bullets", body, next)) {
      let text = f.text;
      while (text.includes(" ") && !bulletBox(ctx, "bullets", body, [...lines, { ...f, text: text + "…" }])) text = dropLastWord(text);
      lines.push({ ...f, text: text + "…" });
      break;
    }
    lines.push(f);
  }
  return textBox("bullets", body, bulletParas(lines, ctx, TYPE.bodyMinPt), TYPE.bodyMinPt, ctx.theme.colors.ink);
}

export function layoutTwoColumns(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const sides = [{ side: "left", from: 1, to: 6 }, { side: "right", from: 7, to: 12 }] as const;
  const headH = 0.5;
  const bodies = sides.map(({ side, from, to }) => ({
    side, from, to,
    fields: hyphenateWide(ctx, slide, "columns", fieldList(slide, "bullet", (f) => f.attrs["side"] === side),
      (f) => lineWidthPt(rect(from, to, 0, 0), { indentPt: INDENT_PT[f.attrs["level"] === 2 ? 1 : 0] }), TYPE.bodyMinPt),
  }));
  // One size for both columns, so they read as a pair.
  const fits = bodies.map((b) => fitText({
    paragraphs: bulletFits(b.fields), wIn: rect(b.from, b.to, 0, 0).wIn, hIn: BODY.hIn - headH - 0.15,
    maxPt: TYPE.bodyMaxPt, minPt: TYPE.bodyMinPt, floorPt: TYPE.bodyMinPt,
  }));
  const size = Math.min(...fits.map((f) => f.fontPt));
  if (fits.some((f) => !f.fits)) overflow(ctx, slide, "columns");
  for (const b of bodies) {
    const heading = fieldList(slide, "heading", (f) => f.attrs["side"] === b.side)[0]?.text ?? "";
    items.push(fittedBox(ctx, slide, `heading-${b.side}`, rect(b.from, b.to, BODY.yIn, headH - 0.08), [{ text: heading, bold: true }],
      { maxPt: 20, minPt: 16, maxLines: 1 }, colors.teal, { bold: true, valign: "bottom" }));
    items.push({ kind: "shape", shape: "line", ...rect(b.from, b.to, BODY.yIn + headH, 0), line: { color: colors.teal, widthPt: 1.5 } });
    const area = rect(b.from, b.to, BODY.yIn + headH + 0.15, BODY.hIn - headH - 0.15);
    items.push(bulletBox(ctx, `bullets-${b.side}`, area, b.fields) && fits.every((f) => f.fits)
      ? textBox(`bullets-${b.side}`, area, bulletParas(b.fields, ctx, size), size, colors.ink)
      : { ...clampedBullets(ctx, area, b.fields), role: `bullets-${b.side}` });
  }
  return items;
}

export function layoutQuote(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const panel = rect(1, 12, BODY.yIn, 3.1);
  items.push(
    { kind: "shape", shape: "rect", ...panel, fill: colors.mist },
    { kind: "shape", shape: "rect", xIn: panel.xIn, yIn: panel.yIn, wIn: 0.08, hIn: panel.hIn, fill: colors.teal },
  );
  const attribution = fieldText(slide, "attribution");
  const quoteH = attribution ? 2.1 : 2.6;
  items.push(fittedBox(ctx, slide, "quote", rect(2, 12, panel.yIn + 0.3, quoteH), [{ text: fieldText(slide, "quote") }],
    { maxPt: 30, minPt: 20 }, colors.navy, { valign: "middle" }));
  if (attribution) {
    items.push(fittedBox(ctx, slide, "attribution", rect(2, 12, panel.yIn + 0.35 + quoteH, 0.45), [{ text: attribution }],
      { maxPt: 16, minPt: 16, maxLines: 1 }, colors.slate));
  }
  const context = fieldText(slide, "context");
  if (context) {
    items.push(fittedBox(ctx, slide, "context", rect(1, 12, panel.yIn + panel.hIn + 0.3, BODY.hIn - panel.hIn - 0.35), [{ text: context }],
      { maxPt: TYPE.bodyMaxPt, minPt: TYPE.bodyMinPt }, colors.ink));
  }
  return items;
}

/** Space between a takeaway's point and its support line, and the most space between rows. */
const TAKEAWAY_INNER_IN = 0.06;
const TAKEAWAY_MAX_GAP_IN = 0.55;

/**
 * Takeaways: numbered rows, each a bold point over a line of support. Every row is measured at one
 * size for points and one for supports (the largest at which all rows fit); the space left is shared
 * between the rows, so the list fills the slide without cutting a word.
 */
export function layoutTakeaways(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const points = fieldList(slide, "point");
  const textW = rect(2, 12, 0, 0).wIn;
  const rows = points.map((point, i) => ({
    point: point.text,
    support: fieldList(slide, "support", (f) => f.attrs["group"] === i)[0]?.text ?? "",
    number: fieldList(slide, "number", (f) => f.attrs["group"] === i)[0]?.text ?? String(i + 1),
  }));
  const heightOf = (text: string, pt: number, bold: boolean) => measureAt({ paragraphs: [{ text, bold }], wIn: textW, hIn: 0, maxPt: 0, minPt: 0 }, pt).heightIn;
  const minGap = 0.22;
  const total = (pointPt: number, supportPt: number) => rows.reduce((h, r) => h + heightOf(r.point, pointPt, true) + TAKEAWAY_INNER_IN + heightOf(r.support, supportPt, false), 0) + minGap * (rows.length - 1);
  let pointPt: number = TYPE.bodyMaxPt;
  let supportPt = 18;
  while (total(pointPt, supportPt) > BODY.hIn && (pointPt > TYPE.bodyMinPt || supportPt > TYPE.bodyMinPt)) {
    if (supportPt > TYPE.bodyMinPt && supportPt >= pointPt - 2) supportPt--; else pointPt--;
  }
  const used = total(pointPt, supportPt);
  const gap = rows.length > 1 ? Math.min(TAKEAWAY_MAX_GAP_IN, minGap + Math.max(0, BODY.hIn - used) / (rows.length - 1)) : 0;
  const fits = used <= BODY.hIn + 1e-9;
  let y = BODY.yIn;
  rows.forEach((row, i) => {
    const pointH = heightOf(row.point, pointPt, true);
    const supportH = fits ? heightOf(row.support, supportPt, false) : Math.max(0.3, (BODY.hIn - minGap * (rows.length - 1)) / rows.length - pointH - TAKEAWAY_INNER_IN);
    if (i > 0) items.push({ kind: "shape", shape: "line", ...rect(1, 12, y - gap / 2, 0), line: { color: colors.rule, widthPt: 0.75 } });
    items.push(textBox("takeaway-number", rect(1, 1, y - 0.04, 0.55), [para(row.number)], 28, colors.teal, { bold: true }));
    items.push(fittedBox(ctx, slide, "takeaway-point", rect(2, 12, y, pointH + 0.02), [{ text: row.point, bold: true }], { maxPt: pointPt, minPt: pointPt, maxLines: 3 }, colors.ink, { bold: true }));
    y += pointH + TAKEAWAY_INNER_IN;
    items.push(fittedBox(ctx, slide, "takeaway-support", rect(2, 12, y, supportH + 0.02), [{ text: row.support }], { maxPt: supportPt, minPt: supportPt }, colors.slate));
    y += supportH + gap;
  });
  return items;
}

export function layoutSources(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const r = rect(1, 10, BODY.yIn, BODY.hIn);
  // In the order the template writes them: each entry with its link, then the method.
  const entries = fieldList(slide, "entry").map((e) => ({ kind: "entry" as const, text: e.text, url: "", seq: e.seq }));
  const links = fieldList(slide, "link").map((l) => ({ kind: "link" as const, text: l.text, url: String(l.attrs["url"] ?? l.text), seq: l.seq }));
  const methods = fieldList(slide, "method").map((m) => ({ kind: "method" as const, text: m.text, url: "", seq: m.seq }));
  const all = [...entries, ...links, ...methods].sort((a, b) => a.seq - b.seq);
  const spaceEm = { entry: 0.3, link: 0.3, method: 0.9 } as const;
  const fitted = fitOrCut(all.map((p) => ({ text: p.text, bold: p.kind === "entry", spaceBeforeEm: spaceEm[p.kind] })), r, { maxPt: TYPE.bodyMaxPt, minPt: TYPE.bodyMinPt });
  if (fitted.cut) overflow(ctx, slide, "sources");
  const paras: Paragraph[] = fitted.texts.map((t, i) => {
    const p = all[i]!;
    const space = i > 0 ? { spaceBeforePt: Math.round(spaceEm[p.kind] * fitted.fontPt) } : {};
    if (p.kind === "link") return { runs: [{ text: t.text, color: colors.teal, link: { url: p.url } }], ...space };
    return para(t.text, { ...space, ...(p.kind === "entry" ? { bold: true } : { color: colors.slate }) });
  });
  items.push(textBox("sources", r, paras, fitted.fontPt, colors.ink));
  return items;
}

/** Agenda entries per slide; a longer agenda continues on "(cont.)" slides. */
const AGENDA_PER_SLIDE = 7;

export function layoutAgenda(ctx: LayoutContext, slide: RenderedSlide): Array<{ title: string; items: PlacedItem[] }> {
  const { colors } = ctx.theme;
  const all = fieldList(slide, "item");
  const title = fieldText(slide, "title");
  const pages: TextField[][] = [];
  for (let i = 0; i < Math.max(1, all.length); i += AGENDA_PER_SLIDE) pages.push(all.slice(i, i + AGENDA_PER_SLIDE));
  return pages.map((entries, page) => {
    const { items, body: BODY, title: pageTitle } = contentFrame(ctx, slide, page);
    const rowH = Math.min(0.9, BODY.hIn / Math.max(entries.length, 5));
    entries.forEach((entry, i) => {
      const y = BODY.yIn + i * rowH;
      const gist = fieldList(slide, "gist", (f) => f.attrs["number"] === entry.attrs["number"])[0]?.text ?? "";
      items.push(textBox("agenda-number", rect(1, 1, y, rowH - 0.1), [para(String(entry.attrs["number"] ?? i + 1).padStart(2, "0"))], 24, colors.teal, { bold: true, valign: "middle" }));
      const box = fittedBox(ctx, slide, "agenda-item", rect(2, 6, y, rowH - 0.1), [{ text: entry.text, bold: true }], { maxPt: 22, minPt: 16, maxLines: 2 }, colors.ink, { bold: true, valign: "middle" });
      const shown = box.paragraphs[0]?.runs[0]?.text ?? entry.text;
      items.push({ ...box, paragraphs: [{ runs: [{ text: shown, link: { slideId: String(entry.attrs["target"]) } }] }] });
      if (gist) items.push(fittedBox(ctx, slide, "agenda-gist", rect(7, 12, y, rowH - 0.1), [{ text: gist }], { maxPt: 16, minPt: 16, maxLines: 2 }, colors.slate, { valign: "middle" }));
      if (i < entries.length - 1) items.push({ kind: "shape", shape: "line", ...rect(1, 12, y + rowH - 0.05, 0), line: { color: colors.rule, widthPt: 0.75 } });
    });
    if (pages.length > 1 && page < pages.length - 1) {
      ctx.warn(new DeckError({
        code: "TEXT_CONTINUED", severity: "warning", pos: slide.pos,
        message: `the agenda lists ${all.length} sections and continues over ${pages.length} slides`,
        hint: `set \`divider: false\` on minor sections to keep them out of the agenda`,
      }));
    }
    return { title: pageTitle, items };
  });
}
