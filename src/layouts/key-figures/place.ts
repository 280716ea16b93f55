// The key-figures layout, placed: one panel per figure, its number as large as every number on the
// slide allows, never cut.
import { DeckError } from "../../errors.js";
import type { PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { contentFrame, fieldList, fieldText, fittedBox, inGroup, para, textBox, TYPE, type LayoutContext } from "../../layout/frame.js";
import { lineHeightPt, wrap } from "../../layout/measure-text.js";

export function placeKeyFigures(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body: BODY } = contentFrame(ctx, slide);
  const numbers = fieldList(slide, "value");
  // One figure sits centred on the middle six columns; two to four share the width.
  const groups = numbers.length === 1 ? [{ from: 4, to: 9 }] : ctx.grid.groups(Math.min(4, numbers.length));
  const panelY = BODY.yIn + 0.2;
  const panelH = BODY.yIn + BODY.hIn - panelY;
  // One size for every big number on the slide. A number is never cut: it takes the largest size at
  // which each fits one line, else two lines (broken at a space), smaller if need be, with a warning.
  const widthsPt = groups.map((g) => (ctx.grid.columns(g.from, g.to).wIn - 0.5) * 72 * 0.96);
  const big = keyFigureSize(numbers.map((n) => n.text), widthsPt);
  if (!big) {
    throw new DeckError({
      code: "TEXT_OVERFLOW", pos: slide.pos,
      message: `a key figure of slide "${fieldText(slide, "title").slice(0, 48)}" (${numbers.map((n) => `"${n.text}"`).join(", ")}) is too wide for its panel even at ${KEY_FIGURE_FLOOR_PT} pt on two lines, and a number is never cut`,
      hint: "give the figure a larger scale (scale: billion) or fewer decimals, or show fewer figures on the slide",
    });
  }
  const { fontPt: bigPt, lines: bigLines } = big;
  if (bigPt < TYPE.keyFigureMinPt || bigLines > 1) {
    ctx.warn(new DeckError({
      code: "TEXT_OVERFLOW", severity: "warning", pos: slide.pos,
      message: `the key figures of slide "${fieldText(slide, "title").slice(0, 48)}" are too wide for one line at ${TYPE.keyFigureMinPt} pt, so they are set at ${bigPt} pt${bigLines > 1 ? " on two lines" : ""}`,
      hint: "give a figure a larger scale (scale: billion) or fewer decimals, or show fewer figures on the slide",
    }));
  }
  numbers.forEach((n, i) => {
    const g = groups[i]!;
    const { xIn, wIn } = ctx.grid.columns(g.from, g.to);
    const inner = { xIn: xIn + 0.25, wIn: wIn - 0.5 };
    items.push({ kind: "shape", shape: "rect", xIn, yIn: panelY, wIn, hIn: panelH, fill: colors.mist });
    items.push({ kind: "shape", shape: "rect", xIn, yIn: panelY, wIn, hIn: 0.06, fill: colors.navy });
    let y = panelY + 0.3;
    const period = fieldList(slide, "period", inGroup(i))[0]?.text ?? "";
    items.push(fittedBox(ctx, slide, "figure-period", { ...inner, yIn: y, hIn: 0.32 }, [{ text: period.toLocaleUpperCase("en-GB"), bold: true }],
      { maxPt: 13, minPt: 13, maxLines: 1 }, colors.teal, { bold: true, charSpacingPt: 1 }));
    y += 0.4;
    const qualifier = fieldList(slide, "qualifier", inGroup(i))[0]?.text ?? "";
    items.push(fittedBox(ctx, slide, "figure-qualifier", { ...inner, yIn: y, hIn: 0.36 }, [{ text: qualifier }], { maxPt: 18, minPt: 18, maxLines: 1 }, colors.slate));
    y += 0.38;
    const bigH = (lineHeightPt(bigPt) * bigLines) / 72;
    items.push(textBox("figure-number", { ...inner, yIn: y, hIn: bigH }, [para(n.text, { bold: true })], bigPt, colors.navy, { bold: true }));
    y += bigH + 0.1;
    const caption = fieldList(slide, "caption", inGroup(i))[0]?.text ?? "";
    items.push(fittedBox(ctx, slide, "figure-caption", { ...inner, yIn: y, hIn: panelY + panelH - 0.2 - y }, [{ text: caption }],
      { maxPt: 18, minPt: TYPE.bodyMinPt }, colors.ink));
  });
  return items;
}

/** Key figures are never set smaller than this. */
const KEY_FIGURE_FLOOR_PT = 24;

/** The largest size (and fewest lines) at which every number fits its panel without a word broken. */
function keyFigureSize(texts: readonly string[], widthsPt: readonly number[]): { fontPt: number; lines: number } | undefined {
  const fitsAt = (pt: number, lines: number) => texts.every((t, i) => {
    const w = wrap(t, pt, widthsPt[i]!, true);
    return !w.broken && w.lines.length <= lines;
  });
  for (let pt = TYPE.keyFigureMaxPt; pt >= TYPE.keyFigureMinPt; pt -= 2) if (fitsAt(pt, 1)) return { fontPt: pt, lines: 1 };
  for (let pt = TYPE.keyFigureMinPt; pt >= KEY_FIGURE_FLOOR_PT; pt -= 2) {
    if (fitsAt(pt, 1)) return { fontPt: pt, lines: 1 };
    if (fitsAt(pt, 2)) return { fontPt: pt, lines: 2 };
  }
  return undefined;
}
