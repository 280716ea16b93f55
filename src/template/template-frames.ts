// Template stage: which of the template's layouts each briefdeck layout is placed on, and the frame
// that gives it: the title, body, footer and slide-number boxes of that layout's placeholders, the
// width the content spans, and the background behind it. A layout is found by the name PowerPoint
// gives it ("Title and Content"), by its type, by the outline's own `templateLayouts:`, or, failing
// those, the template's "Title Only" (or the first layout with a title), with a note saying so.
import { DeckError, type SourcePos } from "../errors.js";
import type { Zones } from "../layout/grid.js";
import type { Rect } from "../model/layout.js";
import type { SlideLayout } from "../model/rendered.js";
import { inWords } from "../util/format.js";
import { suggestion } from "../util/did-you-mean.js";
import type { OrgTemplate, Placeholder, TemplateLayout } from "./read-template.js";

export interface TemplateFrame {
  readonly layout: TemplateLayout;
  readonly zones: Zones;
  /** The width a frame's boxes span (the body placeholder's, else the title's). */
  readonly content: { readonly xIn: number; readonly wIn: number };
}

interface Wanted { readonly name: string; readonly type: string }
const TITLE_SLIDE: Wanted = { name: "Title Slide", type: "title" };
const SECTION: Wanted = { name: "Section Header", type: "secHead" };
const CONTENT: Wanted = { name: "Title and Content", type: "obj" };
/** PowerPoint's older name and type for the same layout (LibreOffice still writes it). */
const TITLE_AND_TEXT: Wanted = { name: "Title and Text", type: "tx" };
const TWO: Wanted = { name: "Two Content", type: "twoObj" };
const COMPARISON: Wanted = { name: "Comparison", type: "twoTxTwoObj" };
const TITLE_ONLY: Wanted = { name: "Title Only", type: "titleOnly" };

/** The template layouts a briefdeck layout prefers, in order (by name, then by type). */
function preferences(layout: SlideLayout): readonly Wanted[] {
  if (layout === "title") return [TITLE_SLIDE];
  if (layout === "section") return [SECTION];
  if (layout === "two-columns" || layout === "two-charts") return [TWO, COMPARISON, CONTENT, TITLE_AND_TEXT];
  return [CONTENT, TITLE_AND_TEXT];
}

const KICKER_H_IN = 0.3;
const GAP_IN = 0.08;
/** A kicker set inside the title's box: one 12 pt line. */
const KICKER_LINE_IN = 0.25;
/** Text keeps this far inside the edge of a band the template draws. */
const BAND_PAD_IN = 0.06;

export class TemplateFrames {
  private readonly frames = new Map<string, TemplateFrame>();
  /** Briefdeck layouts placed on a fallback, by the layout they wanted and the one they got. */
  private readonly fallbacks = new Map<string, { wanted: string; got: string; layouts: string[] }>();

  constructor(
    private readonly template: OrgTemplate,
    private readonly explicit: Readonly<Record<string, string>>,
    private readonly pos: SourcePos,
    private readonly explicitPos: (layout: string) => SourcePos,
  ) {
    // An explicit mapping must name a layout the template has: by its name, or (where names repeat,
    // as in templates LibreOffice writes) by its part, "slideLayout2".
    const names = [...new Set(template.layouts.map((l) => l.name))];
    const parts = template.layouts.map((l) => partName(l.part));
    for (const [layout, name] of Object.entries(explicit)) {
      if (!names.includes(name) && !parts.includes(partName(name))) {
        throw new DeckError({
          code: "TEMPLATE_LAYOUT", pos: explicitPos(layout),
          message: `the template has no layout called "${name}"`,
          hint: `${suggestion(name, [...names, ...parts], "one of its layouts")} (a layout is named as PowerPoint's Slide Master view shows it, or by its part: ${parts.map((p) => `"${p}"`).join(", ")})`,
        });
      }
    }
  }

  /** Notes about layouts placed on a fallback: one per fallback, naming every briefdeck layout on it. */
  takeNotes(): DeckError[] {
    const notes = [...this.fallbacks.values()].map(({ wanted, got, layouts }) => new DeckError({
      code: "TEMPLATE_NOTE", severity: "note", pos: this.pos,
      message: `the template has no "${wanted}" layout, so the ${inWords(layouts)} slides use the geometry of its "${got}" layout`,
      hint: `name the layout to use with deck.templateLayouts, e.g. { ${layouts[0]}: "<a layout of the template>" }`,
    }));
    this.fallbacks.clear();
    return notes;
  }

  frameFor(layout: SlideLayout): TemplateFrame {
    let frame = this.frames.get(layout);
    if (!frame) {
      frame = this.makeFrame(this.pick(layout));
      this.frames.set(layout, frame);
    }
    return frame;
  }

  private pick(layout: SlideLayout): TemplateLayout {
    const { layouts } = this.template;
    const named = this.explicit[layout];
    if (named) return layouts.find((l) => l.name === named) ?? layouts.find((l) => partName(l.part) === partName(named))!;
    const hasTitle = (l: TemplateLayout) => l.placeholders.some((p) => p.type === "title" || p.type === "ctrTitle");
    // Of several layouts that match (LibreOffice writes a "Title, Content" layout for every master,
    // its title page's too), content goes on the one with the most room under its title.
    const pickOf = (found: readonly TemplateLayout[]) =>
      found.length <= 1 || layout === "title" || layout === "section" ? found[0] : found.reduce((best, l) => (this.bodyArea(l) > this.bodyArea(best) ? l : best));
    const find = (w: Wanted) =>
      pickOf(layouts.filter((l) => l.name.toLowerCase() === w.name.toLowerCase() && hasTitle(l))) ?? pickOf(layouts.filter((l) => l.type === w.type && hasTitle(l)));
    for (const w of preferences(layout)) {
      const found = find(w);
      if (found) return found;
    }
    // A divider without a Section Header is a title on its own: Title Only, else the Title Slide.
    const fallback = find(TITLE_ONLY) ?? (layout === "section" ? find(TITLE_SLIDE) : undefined) ?? this.bestByShape(layout);
    const wanted = preferences(layout)[0]!.name;
    const key = `${wanted}\u0000${fallback.name}`;
    const entry = this.fallbacks.get(key) ?? { wanted, got: fallback.name, layouts: [] };
    entry.layouts.push(layout);
    this.fallbacks.set(key, entry);
    return fallback;
  }

  /**
   * For a template whose layouts carry neither PowerPoint's names nor types: the title slide and
   * dividers on the layout with the largest title; content on the one with the largest body under
   * its title.
   */
  private bestByShape(layout: SlideLayout): TemplateLayout {
    const withTitle = this.template.layouts.filter((l) => l.placeholders.some((p) => p.type === "title" || p.type === "ctrTitle"));
    const score = layout === "title" || layout === "section"
      ? (l: TemplateLayout) => area(titleOf(l)) + (l.placeholders.some((p) => p.type === "ctrTitle") ? 1000 : 0)
      : (l: TemplateLayout) => this.bodyArea(l);
    return withTitle.reduce((best, l) => (score(l) > score(best) ? l : best), withTitle[0]!);
  }

  /** The area of a layout's largest body placeholder under its title (square inches). */
  private bodyArea(l: TemplateLayout): number {
    const title = titleOf(l);
    const below = (title?.yIn ?? 0) + (title?.hIn ?? 0) - 0.05;
    return Math.max(0, ...l.placeholders.filter((p) => ["body", "obj"].includes(p.type) && p.rect && p.rect.yIn >= below).map((p) => area(p.rect)));
  }

  private makeFrame(layout: TemplateLayout): TemplateFrame {
    const { wIn, hIn } = this.template.size;
    // The kicker's line and the gaps are set on the design canvas (7.5 in high): on the template, at its scale.
    const k = hIn / 7.5;
    const [KICKER_H, GAP, KICKER_LINE, BAND_PAD] = [KICKER_H_IN * k, GAP_IN * k, KICKER_LINE_IN * k, BAND_PAD_IN * k];
    const find = (...types: string[]) => layout.placeholders.filter((p): p is Placeholder & { rect: Rect } => types.includes(p.type) && p.rect !== undefined);
    const title = find("title", "ctrTitle")[0]?.rect ?? { xIn: wIn * 0.06, yIn: hIn * 0.05, wIn: wIn * 0.88, hIn: hIn * 0.15 };
    const bodies = find("body", "obj", "subTitle", "chart", "tbl");
    const footer = find("ftr")[0]?.rect;
    const number = find("sldNum")[0]?.rect;
    const date = find("dt")[0]?.rect;
    const picture = find("pic")[0]?.rect;
    // The body: the body placeholders' union; without one, from under the title to above the footer.
    const lowest = Math.min(...[footer, number, date].filter((r): r is Rect => r !== undefined).map((r) => r.yIn), hIn * 0.92);
    const body: Rect = bodies.length > 0 ? union(bodies.map((b) => b.rect)) : { xIn: title.xIn, wIn: title.wIn, yIn: title.yIn + title.hIn + GAP * 2, hIn: lowest - (title.yIn + title.hIn + GAP * 3) };
    const content = { xIn: Math.min(body.xIn, title.xIn), wIn: Math.max(body.xIn + body.wIn, title.xIn + title.wIn) - Math.min(body.xIn, title.xIn) };
    // The title keeps to the band the template draws behind it (text in the band's colour would
    // vanish past its edge), and may run on to the band's end, short of the body.
    const cx = title.xIn + title.wIn / 2;
    const cy = title.yIn + title.hIn / 2;
    const band = layout.decorations.filter((d) => cx >= d.xIn && cx <= d.xIn + d.wIn && cy >= d.yIn && cy <= d.yIn + d.hIn).pop();
    const bodyTop = bodies.length > 0 && body.yIn >= title.yIn + title.hIn - 0.05 ? body.yIn : Math.max(lowest, title.yIn + title.hIn + GAP);
    const limit = Math.min(band ? band.yIn + band.hIn - BAND_PAD : Math.max(title.yIn + title.hIn, bodyTop - GAP * 2), bodyTop - GAP);
    const top = band ? Math.max(title.yIn, band.yIn + BAND_PAD) : title.yIn;
    const bottom = Math.min(title.yIn + title.hIn, limit);
    // The kicker sits above the title when the template leaves room there (inside its band), else
    // in the title's top, one line high.
    const roomAbove = top - (band ? band.yIn + BAND_PAD : 0) >= KICKER_H + GAP;
    const kicker = roomAbove ? { yIn: top - KICKER_H - GAP / 2, hIn: KICKER_H } : { yIn: top, hIn: KICKER_LINE };
    const titleBand = roomAbove ? { yIn: top, hIn: Math.max(0.4, bottom - top) } : { yIn: top + KICKER_LINE + GAP / 2, hIn: Math.max(0.4, bottom - top - KICKER_LINE - GAP / 2) };
    // The footer runs from the date's place (briefdeck writes no date) to the footer's end.
    const footerBox = footer
      ? (date && date.xIn < footer.xIn && Math.abs(date.yIn - footer.yIn) < 0.2 ? { ...footer, xIn: date.xIn, wIn: footer.xIn + footer.wIn - date.xIn } : footer)
      : { xIn: content.xIn, yIn: Math.min(hIn - 0.4, lowest), wIn: content.wIn * 0.7, hIn: 0.3 };
    const numberBox = number ?? { xIn: content.xIn + content.wIn - 1.0, yIn: footerBox.yIn, wIn: 1.0, hIn: 0.3 };
    return {
      layout, content,
      zones: {
        kicker, title: titleBand, titleSpan: { xIn: title.xIn, wIn: title.wIn }, titleLimitIn: Math.max(limit, titleBand.yIn + titleBand.hIn), body: { yIn: body.yIn, hIn: body.hIn }, sourceBottomIn: body.yIn + body.hIn,
        footer: footerBox, number: numberBox, ...(picture ? { picture } : {}),
      },
    };
  }
}

const area = (r?: Rect) => (r ? r.wIn * r.hIn : 0);
/** "ppt/slideLayouts/slideLayout2.xml" or "slideLayout2.xml" -> "slideLayout2". */
const partName = (p: string) => p.replace(/^.*\//, "").replace(/\.xml$/i, "");
const titleOf = (l: TemplateLayout) => l.placeholders.find((p) => p.type === "title" || p.type === "ctrTitle")?.rect;

function union(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.xIn));
  const y = Math.min(...rects.map((r) => r.yIn));
  return { xIn: x, yIn: y, wIn: Math.max(...rects.map((r) => r.xIn + r.wIn)) - x, hIn: Math.max(...rects.map((r) => r.yIn + r.hIn)) - y };
}
