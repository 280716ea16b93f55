// Build stage: one slide master per layout, all on the same grid, each with a real title
// placeholder (accessibility: every slide's title is a title) and the slide number in the footer zone.
import type { PlacedSlide, PlacedText } from "../model/layout.js";
import type { Theme } from "../model/theme.js";
import type { SlideLayout } from "../model/rendered.js";
import { layoutModule } from "../layouts/index.js";
import type { Pptx } from "./pptx-lib.js";

const NUMBER_BOX = { x: 11.483, y: 6.95, w: 1.25, h: 0.3 } as const;

/**
 * The name each layout carries in the file, as its module gives it (PowerPoint's own where one fits:
 * "Title Slide", "Section Header"). Not the layout ids: LibreOffice 25.2 aborts (SIGABRT in
 * XMLStyleExport::exportStyle) when it saves a deck with a layout named "table" as ODP, a name ODF
 * uses for a style family.
 */
export function layoutName(layout: SlideLayout): string {
  return layoutModule(layout).masterName;
}

export function defineMasters(pptx: Pptx, slides: readonly PlacedSlide[], theme: Theme): void {
  const titleBoxes = new Map<SlideLayout, PlacedText | undefined>();
  for (const s of slides) {
    if (!titleBoxes.has(s.master)) {
      titleBoxes.set(s.master, s.items.find((i): i is PlacedText => i.kind === "text" && i.placeholder === "title"));
    }
  }
  for (const [name, title] of titleBoxes) {
    const frame = layoutModule(name).frame;
    const onNavy = frame === "divider";
    pptx.defineSlideMaster({
      title: layoutName(name),
      background: { color: onNavy ? theme.colors.navy : theme.colors.white },
      objects: title ? [{
        placeholder: {
          options: {
            name: "title", type: "title", x: title.xIn, y: title.yIn, w: title.wIn, h: title.hIn,
            fontFace: theme.fonts.heading, fontSize: title.fontPt, bold: true, color: title.color,
            valign: title.valign ?? "top", align: "left", margin: 0,
          },
          text: "",
        },
      }] : [],
      ...(frame === "cover" ? {} : {
        slideNumber: { ...NUMBER_BOX, fontFace: theme.fonts.body, fontSize: 12, color: onNavy ? theme.colors.onNavy : theme.colors.slate, align: "right", valign: "middle", margin: 0 },
      }),
    });
  }
}
