// Accessibility stage: the placed deck checked as an accessibility review would check it. Problems
// are warnings (fatal under --strict), each at the outline position of its slide.
import { DeckError } from "../errors.js";
import type { PlacedDeck, PlacedSlide, PlacedText } from "../model/layout.js";
import type { Theme } from "../model/theme.js";
import { contrastRatio } from "./contrast.js";
import { backdropLayers, contrastNeeded, coloursUnder, itemLayers, slideBackground, worstContrast } from "../layout/backdrop.js";

/** Smallest font sizes by role (points): titles 24, chart text 14, footers and source lines 12, body text 16. */
export function minimumPt(role: string): number {
  if (role === "title") return 24;
  if (["footer", "source", "marking", "kicker", "figure-period", "map-country", "map-note"].includes(role)) return 12;
  if (role === "chart-title" || role === "chart-unit" || role === "chart-legend" || role === "map-place" || role === "map-legend") return 14;
  return 16;
}

export function checkAccessibility(deck: PlacedDeck, theme: Theme): DeckError[] {
  const problems: DeckError[] = [];
  const warn = (slide: PlacedSlide, code: DeckError["code"], message: string, hint: string) =>
    problems.push(new DeckError({ code, severity: "warning", pos: slide.pos, message: `slide ${deck.slides.indexOf(slide) + 1}: ${message}`, hint }));
  const titles = new Map<string, number>();
  const scale = deck.typeScale ?? 1;

  for (const slide of deck.slides) {
    const texts = slide.items.filter((i): i is PlacedText => i.kind === "text");
    const title = texts.filter((t) => t.placeholder === "title");
    const titleText = title[0]?.paragraphs.map((p) => p.runs.map((r) => r.text).join("")).join(" ").trim() ?? "";
    if (title.length !== 1 || !titleText) {
      warn(slide, "A11Y_TITLE", "has no title in a title placeholder", "give the slide a `title`; screen readers announce it");
    } else if (titles.has(titleText)) {
      warn(slide, "A11Y_TITLE", `repeats the title of slide ${titles.get(titleText)} ("${titleText}")`, "make each slide's title unique, so a reader can tell slides apart");
    } else {
      titles.set(titleText, deck.slides.indexOf(slide) + 1);
    }
    if (title[0] && texts[0] !== title[0]) {
      warn(slide, "A11Y_READING_ORDER", "does not put its title first in reading order", "keep the title placeholder the first text on the slide");
    }
    for (const item of slide.items) {
      if ((item.kind === "chart" || item.kind === "image") && !item.alt.trim()) {
        warn(slide, "A11Y_ALT_TEXT", `has ${item.kind === "chart" ? "a chart" : "an image"} without alt text`, "describe it in words (charts get theirs from their data)");
      }
      if (item.kind === "shape" && item.alt !== undefined && !item.alt.trim()) {
        warn(slide, "A11Y_ALT_TEXT", `has a ${item.name ?? "shape"} without alt text`, "describe it in words (a map gets its own from what it frames and shows)");
      }
      // Data labels are small text: 4.5:1 against what is behind them (a bar's fill or the plot).
      if (item.kind === "chart") {
        for (const label of item.labelBoxes) {
          const ratio = contrastRatio(label.color, label.background);
          if (ratio < 4.5) {
            warn(slide, "A11Y_CONTRAST", `has the chart label "${label.text}" in #${label.color} on #${label.background} at ${ratio.toFixed(1)}:1, below 4.5:1`, "use theme colours with more contrast for the series, or labels outside the bars");
          }
        }
      }
    }
    for (const t of texts) {
      // Sizes are read at the design scale: on a template 6.2 in high, 13.2 pt reads as 16 pt does on 7.5 in.
      const min = minimumPt(t.role) * scale;
      if (t.fontPt < min - 0.011) {
        const at = scale === 1 ? "" : ` (${(t.fontPt / scale).toFixed(1)} pt at the design scale, as this template is ${(scale * 100).toFixed(0)} % of its height)`;
        warn(slide, "A11Y_TEXT_SIZE", `sets its ${t.role} at ${t.fontPt} pt${at}, below the ${minimumPt(t.role)} pt minimum`, "shorten the text so it fits at a readable size");
      }
      // Against the colours at points across the box: its own fill, the slide's shapes under it, the
      // template's drawing (a background picture is sampled), else the slide's background.
      const behind = t.fill ? [t.fill] : behindText(slide, t, theme);
      for (const p of t.paragraphs) {
        for (const r of p.runs) {
          const color = r.color ?? p.color ?? t.color;
          const needed = contrastNeeded(r.fontPt ?? p.fontPt ?? t.fontPt, scale);
          const ratio = worstContrast(color, behind);
          if (ratio < needed) {
            const background = behind.reduce((a, b) => (contrastRatio(color, b) < contrastRatio(color, a) ? b : a));
            warn(slide, "A11Y_CONTRAST", `has ${t.role} text #${color} on #${background} at ${ratio.toFixed(1)}:1, below ${needed}:1`, "use a darker text colour or a lighter background from the theme");
          }
        }
      }
    }
  }
  return problems;
}

/** The colours under a text box, as the layout stage sampled them; sampled here for a box placed without them. */
function behindText(slide: PlacedSlide, t: PlacedText, theme: Theme): readonly string[] {
  if (t.behind) return t.behind;
  return coloursUnder(t, [...backdropLayers(slide.backdrop ?? []), ...itemLayers(slide.items, slide.items.indexOf(t))], slideBackground(slide, theme.colors));
}
