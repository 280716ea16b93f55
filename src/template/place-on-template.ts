// Template stage: the template as the layout stage uses it. Each briefdeck layout's frame (the
// template layout it goes on, its zones), the background behind it (a colour, a scheme colour, or the
// mean colour of a background picture) and the theme read against that background.
import type { DeckError, SourcePos } from "../errors.js";
import type { TemplatePlacement } from "../layout/layout-deck.js";
import type { Theme } from "../model/theme.js";
import type { OrgTemplate } from "./read-template.js";
import { TemplateFrames } from "./template-frames.js";
import { passingShade, readableText, templateTheme } from "./template-theme.js";
import { contrastRatio } from "../a11y/contrast.js";
import { layoutModule } from "../layouts/index.js";

/** `color` if it reads on `bg`; else the theme's light or dark colour, whichever reads; else a passing shade. */
function readable(color: string, bg: string, scheme: Readonly<Record<string, string>>): string {
  if (contrastRatio(color, bg) >= 4.5) return color;
  const text = readableText(scheme, bg);
  return contrastRatio(text, bg) >= 4.5 ? text : passingShade(color, bg, 4.5);
}

/** Scheme colour names as masters map them by default (bg1 is lt1, tx1 is dk1…). */
const SCHEME: Readonly<Record<string, string>> = { bg1: "lt1", tx1: "dk1", bg2: "lt2", tx2: "dk2" };

export async function placeOnTemplate(
  org: OrgTemplate, base: Theme, explicit: Readonly<Record<string, string>>, pos: SourcePos, explicitPos: (layout: string) => SourcePos,
  meanColor: (bytes: Uint8Array) => Promise<string>, warn: (e: DeckError) => void,
): Promise<{ placement: TemplatePlacement; frames: TemplateFrames }> {
  // Every layout's background, resolved once (pictures decoded for their mean colour).
  const backgrounds = new Map<string, string>();
  for (const l of org.layouts) {
    const bg = l.background;
    let color = org.theme.colors["lt1"] ?? "FFFFFF";
    if (bg && "color" in bg) {
      const scheme = /^scheme:(.+)$/.exec(bg.color)?.[1];
      color = scheme ? org.theme.colors[SCHEME[scheme] ?? scheme] ?? color : bg.color;
    } else if (bg && "image" in bg && org.parts.has(bg.image)) {
      try { color = await meanColor(org.parts.get(bg.image)!); } catch { /* an image sharp cannot read: the theme's light colour */ }
    }
    backgrounds.set(l.part, color);
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
      const backdrop = f.layout.decorations.map((d) => ({ ...d, fill: resolve(d.fill, background) }));
      // The colour behind a band's middle: the topmost of the template's shapes there, else its background.
      const behind = (band: { yIn: number; hIn: number; xIn?: number; wIn?: number }) => {
        const cx = band.xIn !== undefined && band.wIn !== undefined ? band.xIn + band.wIn / 2 : f.content.xIn + f.content.wIn / 2;
        const cy = band.yIn + band.hIn / 2;
        return backdrop.filter((d) => cx >= d.xIn && cx <= d.xIn + d.wIn && cy >= d.yIn && cy <= d.yIn + d.hIn).pop()?.fill ?? background;
      };
      const bodyBg = behind(f.zones.body);
      return { part: f.layout.part, content: f.content, zones: f.zones, background: bodyBg, theme: themeOn(bodyBg, behind(f.zones.title), behind(f.zones.kicker), behind(f.zones.footer), layoutModule(layout).frame === "content"), backdrop,
        readable: (box, color) => readable(color, behind(box), org.theme.colors) };
    },
  };
  return { placement, frames };
}
