// Template stage: the template as the layout stage uses it. Each briefdeck layout's frame (the
// template layout it goes on, its zones), the background behind it (a colour, a scheme colour, or the
// mean colour of a background picture) and the theme read against that background.
import type { DeckError, SourcePos } from "../errors.js";
import type { TemplatePlacement } from "../layout/layout-deck.js";
import type { Rect } from "../model/layout.js";
import type { Theme } from "../model/theme.js";
import type { OrgTemplate } from "./read-template.js";
import { TemplateFrames } from "./template-frames.js";
import { passingShade, readableText, templateTheme } from "./template-theme.js";
import { contrastRatio } from "../a11y/contrast.js";
import { layoutModule } from "../layouts/index.js";
import { meanColour } from "../util/colour.js";

/** `color` if it reads on `bg`; else the theme's light or dark colour, whichever reads; else a passing shade. */
function readable(color: string, bg: string, scheme: Readonly<Record<string, string>>): string {
  if (contrastRatio(color, bg) >= 4.5) return color;
  const text = readableText(scheme, bg);
  return contrastRatio(text, bg) >= 4.5 ? text : passingShade(color, bg, 4.5);
}

/** Scheme colour names as masters map them by default (bg1 is lt1, tx1 is dk1…). */
const SCHEME: Readonly<Record<string, string>> = { bg1: "lt1", tx1: "dk1", bg2: "lt2", tx2: "dk2" };

/** A background picture is read as a grid of this many colours; a picture on a layout, one per this many inches. */
const GRID = { cols: 48, rows: 27 } as const;
const CELL_IN = 0.15;

export async function placeOnTemplate(
  org: OrgTemplate, base: Theme, explicit: Readonly<Record<string, string>>, pos: SourcePos, explicitPos: (layout: string) => SourcePos,
  sample: (bytes: Uint8Array, cols: number, rows: number, under: string) => Promise<string[]>, warn: (e: DeckError) => void,
): Promise<{ placement: TemplatePlacement; frames: TemplateFrames }> {
  const light = org.theme.colors["lt1"] ?? "FFFFFF";
  // Pictures sampled once each (many layouts share one background), as rects of colour.
  const sampled = new Map<string, Promise<string[] | undefined>>();
  const cellsOf = async (image: string, r: Rect, cols: number, rows: number, under: string): Promise<Array<Rect & { fill: string }>> => {
    const key = `${image}|${cols}x${rows}|${under}`;
    if (!sampled.has(key)) sampled.set(key, org.parts.has(image) ? sample(org.parts.get(image)!, cols, rows, under).catch(() => undefined) : Promise.resolve(undefined));
    const colours = await sampled.get(key)!;
    if (!colours) return [];
    const [w, h] = [r.wIn / cols, r.hIn / rows];
    return colours.map((fill, i) => ({ xIn: r.xIn + (i % cols) * w, yIn: r.yIn + Math.floor(i / cols) * h, wIn: w, hIn: h, fill }));
  };
  // Every layout's background (a colour, or a picture's mean colour) and the backdrop its pictures add.
  const backgrounds = new Map<string, string>();
  const pictureLayers = new Map<string, Array<Rect & { fill: string }>>();
  for (const l of org.layouts) {
    const bg = l.background;
    let color = light;
    let cells: Array<Rect & { fill: string }> = [];
    if (bg && "color" in bg) {
      const scheme = /^scheme:(.+)$/.exec(bg.color)?.[1];
      color = scheme ? org.theme.colors[SCHEME[scheme] ?? scheme] ?? color : bg.color;
    } else if (bg && "image" in bg) {
      cells = await cellsOf(bg.image, { xIn: 0, yIn: 0, ...org.size }, GRID.cols, GRID.rows, light);
      // An image sharp cannot read: the theme's light colour.
      if (cells.length > 0) color = meanColour(cells.map((c) => c.fill));
    }
    backgrounds.set(l.part, color);
    const pictures: Array<Rect & { fill: string }> = [];
    for (const p of l.pictures) {
      const cols = Math.max(1, Math.min(40, Math.round(p.wIn / CELL_IN)));
      const rows = Math.max(1, Math.min(40, Math.round(p.hIn / CELL_IN)));
      pictures.push(...await cellsOf(p.image, p, cols, rows, color));
    }
    pictureLayers.set(l.part, [...cells, ...pictures]);
  }
  const frames = new TemplateFrames(org, explicit, pos, explicitPos);
  const resolve = (fill: string, fallback: string) => {
    const scheme = /^scheme:(.+)$/.exec(fill)?.[1];
    return scheme ? org.theme.colors[SCHEME[scheme] ?? scheme] ?? fallback : fill;
  };
  // A theme colour that fails is reported where the deck uses accents (charts, figures, tables): on
  // the backgrounds of content slides, once each; a divider's band only ever carries text.
  const themes = new Map<string, { theme: Theme; failures: DeckError[] }>();
  const reported = new Set<string>();
  const themeOn = (body: string, title: string, kicker: string, foot: string, content: boolean) => {
    const key = `${body}/${title}/${kicker}/${foot}`;
    let entry = themes.get(key);
    if (!entry) {
      const failures: DeckError[] = [];
      const own = templateTheme(base, org.theme, body, pos, (e) => failures.push(e));
      // Titles and kickers read against what lies behind the title (a template's band, or the
      // background); the footer and slide number against what lies behind the footer.
      const t: Theme = { ...own, colors: { ...own.colors,
        title: readable(own.colors.ink, title, org.theme.colors), kicker: readable(own.colors.teal, kicker, org.theme.colors),
        footer: readable(own.colors.slate, foot, org.theme.colors) } };
      entry = { theme: t, failures };
      themes.set(key, entry);
    }
    if (content) {
      for (const e of entry.failures) if (!reported.has(e.message)) { reported.add(e.message); warn(e); }
    }
    return entry.theme;
  };
  const placement: TemplatePlacement = {
    size: org.size,
    key: `${org.file}:${org.parts.size}:${JSON.stringify(org.theme)}:${JSON.stringify(explicit)}`,
    frameFor: (layout) => {
      const f = frames.frameFor(layout);
      const background = backgrounds.get(f.layout.part) ?? "FFFFFF";
      // The background picture's cells, the layout's pictures, then its filled shapes (drawn over them).
      const backdrop = [...(pictureLayers.get(f.layout.part) ?? []), ...f.layout.decorations.map((d) => ({ ...d, fill: resolve(d.fill, background) }))];
      // The colour behind a band's middle: the topmost of the template's shapes there, else its background.
      const behind = (band: { yIn: number; hIn: number; xIn?: number; wIn?: number }) => {
        const cx = band.xIn !== undefined && band.wIn !== undefined ? band.xIn + band.wIn / 2 : f.content.xIn + f.content.wIn / 2;
        const cy = band.yIn + band.hIn / 2;
        return backdrop.filter((d) => cx >= d.xIn && cx <= d.xIn + d.wIn && cy >= d.yIn && cy <= d.yIn + d.hIn).pop()?.fill ?? background;
      };
      const bodyBg = behind(f.zones.body);
      return { part: f.layout.part, content: f.content, zones: f.zones, background: bodyBg, theme: themeOn(bodyBg, behind(f.zones.title), behind(f.zones.kicker), behind(f.zones.footer), layoutModule(layout).frame === "content"), backdrop,
        light, dark: org.theme.colors["dk1"] ?? "000000" };
    },
  };
  return { placement, frames };
}
