// The agenda layout, placed: numbered entries (each a link to its section) with their gists; a long
// agenda continues on "(cont.)" slides.
import { DeckError } from "../../errors.js";
import type { RenderedSlide, TextField } from "../../model/rendered.js";
import { contentFrame, fieldList, fieldText, fittedBox, para, textBox, type LayoutContext } from "../../layout/frame.js";
import type { Page } from "../layout-module.js";

/** Agenda entries per slide; a longer agenda continues on "(cont.)" slides. */
const ROW_MAX_IN = 1.3;
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
    entries.forEach((entry, i) => {
      const y = BODY.yIn + i * rowH;
      const gist = fieldList(slide, "gist", (f) => f.attrs["number"] === entry.attrs["number"])[0]?.text ?? "";
      items.push(textBox("agenda-number", ctx.grid.rect(1, 1, y, rowH - 0.1), [para(String(entry.attrs["number"] ?? i + 1).padStart(2, "0"))], 28, colors.teal, { bold: true, valign: "middle" }));
      const box = fittedBox(ctx, slide, "agenda-item", ctx.grid.rect(2, 6, y, rowH - 0.1), [{ text: entry.text, bold: true }], { maxPt: 24, minPt: 16, maxLines: 2 }, colors.ink, { bold: true, valign: "middle" });
      const shown = box.paragraphs[0]?.runs[0]?.text ?? entry.text;
      items.push({ ...box, paragraphs: [{ runs: [{ text: shown, link: { slideId: String(entry.attrs["target"]) } }] }] });
      if (gist) items.push(fittedBox(ctx, slide, "agenda-gist", ctx.grid.rect(7, 12, y, rowH - 0.1), [{ text: gist }], { maxPt: 18, minPt: 16, maxLines: 2 }, colors.slate, { valign: "middle" }));
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
