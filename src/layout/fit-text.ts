// Layout stage: picks the largest font size at which paragraphs fit their box, measuring every line.
import { lineHeightPt, wrap } from "./measure-text.js";

export interface FitParagraph {
  readonly text: string;
  readonly bold?: boolean;
  /** Left indent in points (bullets hang from it). */
  readonly indentPt?: number;
  /** Points smaller than the box's size (second-level bullets). */
  readonly smallerByPt?: number;
  /** Letter spacing in points (kickers are letter-spaced capitals). */
  readonly spacingPt?: number;
  /** Space above the paragraph, in em of its size; ignored for the first paragraph. */
  readonly spaceBeforeEm?: number;
  /** Set in the theme's heading font (titles), not its body font. */
  readonly heading?: boolean;
}

export interface FitRequest {
  readonly paragraphs: readonly FitParagraph[];
  readonly wIn: number;
  readonly hIn: number;
  readonly maxPt: number;
  readonly minPt: number;
  /** Floor for `smallerByPt` paragraphs (body text never below 16 pt). */
  readonly floorPt?: number;
  readonly maxLines?: number;
  /**
   * Prefer a size at which no line ends at a dash inside a compound word ("Pakistan–" / "Russia"):
   * titles read better whole, and text extracted from a PDF then joins as written.
   */
  readonly avoidDashBreaks?: boolean;
}

export interface Fit {
  readonly fontPt: number;
  readonly heightIn: number;
  readonly lines: number;
  readonly fits: boolean;
  /** A word had to be split between letters at this size (never counted as fitting). */
  readonly broken: boolean;
}

/** Share of the box width measured text may use: headroom for renderers' rounding. */
const WIDTH_SAFETY = 0.96;

export function measureAt(req: FitRequest, fontPt: number): { heightIn: number; lines: number; broken: boolean; dashBreak: boolean } {
  let heightPt = 0;
  let lines = 0;
  let broken = false;
  let dashBreak = false;
  req.paragraphs.forEach((p, i) => {
    const size = Math.max(req.floorPt ?? 0, fontPt - (p.smallerByPt ?? 0));
    const role = p.heading ? "heading" : "body";
    const w = wrap(p.text, size, lineWidthPt(req, p), p.bold, p.spacingPt, role);
    broken ||= w.broken;
    dashBreak ||= w.lines.slice(0, -1).some((l) => /[\p{L}\p{N}][-\u2010\u2013\u2014]$/u.test(l));
    lines += w.lines.length;
    heightPt += w.lines.length * lineHeightPt(size, role) + (i > 0 ? (p.spaceBeforeEm ?? 0) * size : 0);
  });
  return { heightIn: heightPt / 72, lines, broken, dashBreak };
}

/** The width measured text may use on a line of this paragraph. */
export function lineWidthPt(req: Pick<FitRequest, "wIn">, p: Pick<FitParagraph, "indentPt">): number {
  return req.wIn * 72 * WIDTH_SAFETY - (p.indentPt ?? 0);
}

/**
 * The largest size from maxPt down to minPt (1 pt steps) at which the text fits without breaking a
 * word between letters; else minPt, fits=false.
 */
export function fitText(req: FitRequest): Fit {
  let first: Fit | undefined;
  for (let size = req.maxPt; size >= req.minPt; size--) {
    const m = measureAt(req, size);
    if (!m.broken && m.heightIn <= req.hIn && (req.maxLines === undefined || m.lines <= req.maxLines)) {
      const fit = { fontPt: size, heightIn: m.heightIn, lines: m.lines, broken: m.broken, fits: true };
      if (!req.avoidDashBreaks || !m.dashBreak) return fit;
      first ??= fit;
    }
  }
  if (first) return first;
  const m = measureAt(req, req.minPt);
  return { fontPt: req.minPt, heightIn: m.heightIn, lines: m.lines, broken: m.broken, fits: false };
}
