// The sources layout, placed: each cited document in full, its link, and the method line.
import type { Paragraph, PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { contentFrame, fieldList, fitOrCut, overflow, para, textBox, TYPE, type LayoutContext } from "../../layout/frame.js";

export function placeSources(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const r = ctx.grid.rect(1, 10, BODY.yIn, BODY.hIn);
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
