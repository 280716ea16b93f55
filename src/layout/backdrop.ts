// Layout stage: what lies behind a box, and text that reads on it. On an organisation's template a
// slide's backdrop is the template's own drawing (its background picture sampled as a grid of
// colours, its bands, panels and pictures) under the slide's own shapes; text is checked against the
// colours at points across its box, not only at its middle, so a line over a busy picture or a
// ribbon is caught. Text that fails takes the template's text colour that passes; where none does,
// it gets a panel of its own.
import { contrastRatio } from "../a11y/contrast.js";
import type { Hex, PlacedItem, PlacedShape, PlacedText, Rect } from "../model/layout.js";
import { pathContains } from "./path-geometry.js";

/** Something drawn behind text: where it is and its colour. */
export interface Layer { readonly fill: Hex; contains(x: number, y: number): boolean }

/** The template's backdrop as layers, bottom first. */
export function backdropLayers(backdrop: ReadonlyArray<Rect & { readonly fill: Hex }>): Layer[] {
  return backdrop.map((d) => ({ fill: d.fill, contains: (x, y) => x >= d.xIn && x <= d.xIn + d.wIn && y >= d.yIn && y <= d.yIn + d.hIn }));
}

/** The slide's own filled shapes (panels, cards, countries) drawn before `index`, as layers. */
export function itemLayers(items: readonly PlacedItem[], index: number): Layer[] {
  return items.slice(0, index).flatMap((i): Layer[] => {
    if (i.kind === "shape" && i.shape === "rect" && i.fill) return backdropLayers([{ ...i, fill: i.fill }]);
    if (i.kind === "freeform" && i.fill) {
      const { path, fill, xIn, yIn, wIn, hIn } = i;
      // Its bounding box first: most points are nowhere near most countries.
      return [{ fill, contains: (x, y) => x >= xIn && x <= xIn + wIn && y >= yIn && y <= yIn + hIn && pathContains(path, x, y) }];
    }
    return [];
  });
}

/** The colours behind a box: the topmost layer at points across it (10 across, 3 down), else the background. */
export function coloursUnder(box: Rect, layers: readonly Layer[], background: Hex): Hex[] {
  const out = new Set<Hex>();
  for (let i = 0; i < 10; i++) {
    for (let j = 0; j < 3; j++) {
      const x = box.xIn + box.wIn * (0.05 + 0.1 * i);
      const y = box.yIn + box.hIn * (0.2 + 0.3 * j);
      let top: Hex | undefined;
      for (const l of layers) if (l.contains(x, y)) top = l.fill;
      out.add(top ?? background);
    }
  }
  return [...out];
}

/** The colour behind a slide's content: the template layout's, a divider's navy, or white. */
export function slideBackground(slide: { readonly background?: Hex; readonly master: string }, colors: { readonly navy: Hex; readonly white: Hex }): Hex {
  return slide.background ?? (slide.master === "section" ? colors.navy : colors.white);
}

/** Each unfilled text box with the colours behind it (`behind`), sampled over what is drawn before it. */
export function withColoursBehind(items: readonly PlacedItem[], backdrop: readonly Layer[], background: Hex): PlacedItem[] {
  return items.map((item, index) => (item.kind === "text" && !item.fill
    ? { ...item, behind: coloursUnder(item, [...backdrop, ...itemLayers(items, index)], background) }
    : item));
}

/** The least contrast `color` has with any of `behind`. */
export function worstContrast(color: Hex, behind: readonly Hex[]): number {
  return Math.min(...behind.map((b) => contrastRatio(color, b)));
}

/** Contrast text needs: 4.5:1, or 3:1 from 24 pt (at the design scale). */
export function contrastNeeded(fontPt: number, scale = 1): number {
  return fontPt >= 24 * scale - 0.011 ? 3 : 4.5;
}

/**
 * Text boxes whose colours read on what lies behind them: each colour that fails is replaced by the
 * first of `candidates` that passes against every colour behind it; a box where none passes is given
 * a card of the template's light colour behind it, its text in colours that read on the card.
 */
export function readableOnBackdrop(items: readonly PlacedItem[], backdrop: readonly Layer[], background: Hex,
  colours: { readonly candidates: readonly Hex[]; readonly light: Hex; readonly dark: Hex }, scale = 1): PlacedItem[] {
  const { candidates, light, dark } = colours;
  return items.map((item, index): PlacedItem[] => {
    if (item.kind !== "text" || item.fill) return [item];
    const behind = coloursUnder(item, [...backdrop, ...itemLayers(items, index)], background);
    const colours = new Set<Hex>([item.color, ...item.paragraphs.flatMap((p) => [p.color, ...p.runs.map((r) => r.color)]).filter((c): c is Hex => c !== undefined)]);
    const smallest = Math.min(item.fontPt, ...item.paragraphs.flatMap((p) => [p.fontPt ?? item.fontPt, ...p.runs.map((r) => r.fontPt ?? p.fontPt ?? item.fontPt)]));
    const need = contrastNeeded(smallest, scale);
    const swap = new Map<Hex, Hex>();
    let panel = false;
    for (const c of colours) {
      if (worstContrast(c, behind) >= need) continue;
      const better = candidates.find((k) => worstContrast(k, behind) >= need);
      if (better) swap.set(c, better); else panel = true;
    }
    if (panel) {
      // A card of the template's light colour behind the box, a little larger, its text in colours
      // that read on it (the dark one for any that do not).
      for (const c of colours) swap.set(c, contrastRatio(c, light) >= need ? c : dark);
      return [{ kind: "shape", shape: "rect", xIn: item.xIn - PANEL_PAD_IN, yIn: item.yIn - PANEL_PAD_IN, wIn: item.wIn + 2 * PANEL_PAD_IN, hIn: item.hIn + 2 * PANEL_PAD_IN, fill: light } satisfies PlacedShape, recolour(item, swap)];
    }
    return swap.size === 0 ? [item] : [recolour(item, swap)];
  }).flat();
}

const PANEL_PAD_IN = 0.08;

function recolour(item: PlacedText, swap: ReadonlyMap<Hex, Hex>): PlacedText {
  const to = (c: Hex) => swap.get(c) ?? c;
  return {
    ...item, color: to(item.color),
    paragraphs: item.paragraphs.map((p) => ({ ...p, ...(p.color ? { color: to(p.color) } : {}), runs: p.runs.map((r) => (r.color ? { ...r, color: to(r.color) } : r)) })),
  };
}
