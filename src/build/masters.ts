// Build stage: one slide master per layout, all on the same grid, each with a real title
// placeholder (accessibility: every slide's title is a title) and the slide number in the footer zone.
import type { PlacedDeck, PlacedText } from "../model/layout.js";
import type { Theme } from "../model/theme.js";
import type { SlideLayout } from "../model/rendered.js";
import { MARGIN_X_IN, ZONE } from "../layout/grid.js";
import { layoutModule } from "../layouts/index.js";
import type { Pptx } from "./pptx-lib.js";

/** The slide number sits at the right margin of the footer zone. */
const NUMBER_BOX = { y: ZONE.footer.yIn, w: 1.25, h: ZONE.footer.hIn } as const;

/**
 * The name each layout carries in the file, as its module gives it (PowerPoint's own where one fits:
 * "Title Slide", "Section Header"). Not the layout ids: LibreOffice 25.2 aborts (SIGABRT in
 * XMLStyleExport::exportStyle) when it saves a deck with a layout named "table" as ODP, a name ODF
 * uses for a style family.
 */
export function layoutName(layout: SlideLayout): string {
  return layoutModule(layout).masterName;
}

/** Each layout the deck uses, in order of first use, with the title box of its first slide: what a master is made from. */
export function masterTitles(deck: PlacedDeck): Map<SlideLayout, PlacedText | undefined> {
  const titleBoxes = new Map<SlideLayout, PlacedText | undefined>();
  for (const s of deck.slides) {
    if (!titleBoxes.has(s.master)) {
      titleBoxes.set(s.master, s.items.find((i): i is PlacedText => i.kind === "text" && i.placeholder === "title"));
    }
  }
  return titleBoxes;
}

export function defineMasters(pptx: Pptx, deck: PlacedDeck, theme: Theme): void {
  for (const [name, title] of masterTitles(deck)) {
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
        slideNumber: { x: deck.size.wIn - MARGIN_X_IN - NUMBER_BOX.w, y: NUMBER_BOX.y, w: NUMBER_BOX.w, h: NUMBER_BOX.h, fontFace: theme.fonts.body, fontSize: 12, color: onNavy ? theme.colors.onNavy : theme.colors.slate, align: "right", valign: "middle", margin: 0 },
      }),
    });
  }
}
