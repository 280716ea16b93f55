// The picture layout, placed: the image across the body, or on eight columns with its caption on the
// other four under a short accent rule. The image is cropped to its box (assets/ does it with sharp,
// around what draws the eye), so it fills the body whatever its shape.
import type { PlacedItem } from "../../model/layout.js";
import type { RenderedSlide } from "../../model/rendered.js";
import { contentFrame, fieldText, fittedBox, type LayoutContext } from "../../layout/frame.js";
import { SPACE } from "../../layout/grid.js";

const CAPTION = { maxPt: 24, minPt: 16 } as const;

export function placePicture(ctx: LayoutContext, slide: RenderedSlide): PlacedItem[] {
  const { colors } = ctx.theme;
  const { items, body } = contentFrame(ctx, slide);
  const caption = fieldText(slide, "caption");
  const box = ctx.grid.rect(1, caption ? 8 : 12, body.yIn, body.hIn);
  if (slide.image) items.push({ kind: "image", ...box, path: slide.image.path, alt: fieldText(slide, "alt"), pos: slide.image.pos, focus: "attention" });
  if (caption) {
    const column = ctx.grid.rect(9, 12, body.yIn, body.hIn);
    items.push({ kind: "shape", shape: "rect", xIn: column.xIn, yIn: column.yIn, wIn: Math.min(0.9, column.wIn), hIn: 0.06, fill: colors.teal });
    items.push(fittedBox(ctx, slide, "caption", { ...column, yIn: column.yIn + SPACE.md, hIn: column.hIn - SPACE.md }, [{ text: caption }], CAPTION, colors.ink));
  }
  return items;
}
