// The agenda layout, placed: numbered entries (each a link to its section) with their gists; a long
// agenda continues on "(cont.)" slides.
import { DeckError } from "../../errors.js";
import type { RenderedSlide, TextField } from "../../model/rendered.js";
import { contentFrame, fieldList, fieldText, fittedBox, para, textBox, type LayoutContext } from "../../layout/frame.js";
import { textWidthPt } from "../../layout/measure-text.js";
import type { Page } from "../layout-module.js";

/** Agenda entries per slide; a longer agenda continues on "(cont.)" slides. */
const ROW_MAX_IN = 1.6;
const AGENDA_PER_SLIDE = 7;

export function placeAgenda(ctx: LayoutContext, slide: RenderedSlide): Page[] {
  const { colors } = ctx.theme;
  const all = fieldList(slide, "item");
  const title = fieldText(slide, "title");
  const pages: TextField[][] = [];
  for (let i = 0; i < Math.max(1, all.length); i += AGENDA_PER_SLIDE) pages.push(all.slice(i, i + AGENDA_PER_SLIDE));
  return pages.map((entries, page) => {
    const { items, body: BODY, title: pageTitle } = contentFrame(ctx, slide, page);
    // The rows share the body (up to a generous row each), so a short agenda does not sit in its top half.
    const rowH = Math.min(ROW_MAX_IN, BODY.hIn / Math.max(1, entries.length));
    // Fewer, taller rows take larger type, so a short agenda still reads as the slide's content.
    const roomy = rowH >= 1.15;
    const numberPt = roomy ? 36 : 28;
    // The numbers take one grid column, or two where a column is too narrow for "07" (4:3).
    const numberCols = textWidthPt("00", numberPt, true) / 72 / 0.96 <= ctx.grid.columns(1, 1).wIn ? 1 : 2;
    entries.forEach((entry, i) => {
      const y = BODY.yIn + i * rowH;
      const gist = fieldList(slide, "gist", (f) => f.attrs["number"] === entry.attrs["number"])[0]?.text ?? "";
      items.push(textBox("agenda-number", ctx.grid.rect(1, numberCols, y, rowH - 0.1), [para(String(entry.attrs["number"] ?? i + 1).padStart(2, "0"))], numberPt, colors.teal, { bold: true, valign: "middle" }));
      const box = fittedBox(ctx, slide, "agenda-item", ctx.grid.rect(numberCols + 1, 6, y, rowH - 0.1), [{ text: entry.text, bold: true }], { maxPt: roomy ? 28 : 24, minPt: 16, maxLines: 2 }, colors.ink, { bold: true, valign: "middle" });
      const shown = box.paragraphs[0]?.runs[0]?.text ?? entry.text;
      items.push({ ...box, paragraphs: [{ runs: [{ text: shown, link: { slideId: String(entry.attrs["target"]) } }] }] });
      if (gist) items.push(fittedBox(ctx, slide, "agenda-gist", ctx.grid.rect(7, 12, y, rowH - 0.1), [{ text: gist }], { maxPt: roomy ? 22 : 18, minPt: 16, maxLines: 2 }, colors.slate, { valign: "middle" }));
      if (i < entries.length - 1) items.push({ kind: "shape", shape: "line", ...ctx.grid.rect(1, 12, y + rowH - 0.05, 0), line: { color: colors.rule, widthPt: 0.75 } });
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
