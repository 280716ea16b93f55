// The sources layout, placed: each cited document in full (bold), its link, the parts of it the deck
// cites, then the method line; set as large as the body allows (up to 24 pt) and spread down it.
import type { Paragraph, PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { measureAt, type FitParagraph } from "../../layout/fit-text.js";
import { contentFrame, fieldList, fitOrCut, overflow, para, textBox, TYPE, type LayoutContext } from "../../layout/frame.js";

type Kind = "entry" | "link" | "cited" | "method";
/** Space above each kind of paragraph, in em: a document's lines keep together, documents stand apart. */
const SPACE_EM: Readonly<Record<Kind, number>> = { entry: 1.1, link: 0.25, cited: 0.25, method: 1.4 };
const MAX_SPREAD = 2.2;
const FILL = 0.96;
// A short list (a deck built on one or two documents) is set large rather than left in the top half.
const SIZES = { maxPt: 28, minPt: TYPE.bodyMinPt } as const;

export function placeSources(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body } = contentFrame(ctx, slide);
  const r = ctx.grid.rect(1, 11, body.yIn, body.hIn);
  // In the order the template writes them: each entry with its link and what is cited, then the method.
  const kinds: Kind[] = ["entry", "link", "cited", "method"];
  const all = kinds.flatMap((kind) => fieldList(slide, kind).map((f) => ({ kind, text: f.text, url: String(f.attrs["url"] ?? f.text), seq: f.seq })))
    .sort((a, b) => a.seq - b.seq);
  const fits = (spread: number): FitParagraph[] => all.map((p) => ({ text: p.text, bold: p.kind === "entry", spaceBeforeEm: p.kind === "entry" || p.kind === "method" ? SPACE_EM[p.kind] * spread : SPACE_EM[p.kind] }));
  const fitted = fitOrCut(fits(1), r, SIZES);
  if (fitted.cut) overflow(ctx, slide, "sources");
  // Room to spare: the space between documents grows (up to a limit), so the list uses the body.
  const height = measureAt({ paragraphs: fitted.texts, wIn: r.wIn, hIn: r.hIn, maxPt: fitted.fontPt, minPt: fitted.fontPt }, fitted.fontPt).heightIn;
  const gaps = all.filter((p, i) => i > 0 && (p.kind === "entry" || p.kind === "method")).reduce((em, p) => em + SPACE_EM[p.kind], 0);
  // Spread to 96% of the box: renderers' line heights differ by a hair, and a full box would then spill.
  const spread = fitted.cut || gaps === 0 ? 1 : Math.max(1, Math.min(MAX_SPREAD, 1 + ((r.hIn * FILL - height) * 72) / (gaps * fitted.fontPt)));
  const paras: Paragraph[] = fitted.texts.map((t, i) => {
    const p = all[i]!;
    const em = p.kind === "entry" || p.kind === "method" ? SPACE_EM[p.kind] * spread : SPACE_EM[p.kind];
    const space = i > 0 ? { spaceBeforePt: Math.round(em * fitted.fontPt) } : {};
    if (p.kind === "link") return { runs: [{ text: t.text, color: colors.teal, link: { url: p.url } }], ...space };
    return para(t.text, { ...space, ...(p.kind === "entry" ? { bold: true } : { color: colors.slate }) });
  });
  items.push(textBox("sources", r, paras, fitted.fontPt, colors.ink));
  return items;
}
