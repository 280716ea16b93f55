// The bullets layout, placed: one list, continued on "(cont.)" slides when even 16 pt does not fit.
import { DeckError } from "../../errors.js";
import type { Rect } from "../../model/layout.js";
import type { RenderedSlide, TextField } from "../../model/rendered.js";
import { bulletBox, bulletGroups, clampedBullets, INDENT_PT } from "../../layout/bullets.js";
import { lineWidthPt } from "../../layout/fit-text.js";
import { contentFrame, fieldList, fieldText, hyphenateWide, overflow, TYPE, type Frame, type LayoutContext } from "../../layout/frame.js";
import type { Page } from "../layout-module.js";

/**
 * Bullets: when even 16 pt does not fit, the bullets continue on following slides titled
 * "… (cont.)", and a warning names the slide's position in the outline.
 */
export function placeBullets(ctx: LayoutContext, slide: RenderedSlide): Page[] {
  const title = fieldText(slide, "title");
  const frame = contentFrame(ctx, slide);
  const bodyOf = (f: Frame) => ctx.grid.rect(1, 11, f.body.yIn, f.body.hIn);
  const fields = hyphenateWide(ctx, slide, "bullets", fieldList(slide, "bullet"),
    (f) => lineWidthPt(bodyOf(frame), { indentPt: INDENT_PT[f.attrs["level"] === 2 ? 1 : 0] }), TYPE.bodyMinPt);
  const whole = bulletBox(ctx, "bullets", bodyOf(frame), fields, true);
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
    const box = bulletBox(ctx, "bullets", body, p, i === pages.length - 1) ?? (overflow(ctx, slide, "bullets"), clampedBullets(ctx, body, p));
    return { title: f.title, items: [...f.items, box] };
  });
}
