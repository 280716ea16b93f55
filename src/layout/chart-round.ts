// Layout stage: pie and doughnut charts. The circle, the legend and each slice's label are placed
// here: a label goes inside its slice when every corner of it fits there, else (pies only) outside
// the rim when no two labels collide; each label's colour is the one readable on its slice.
import type { ChartData } from "../model/deck.js";
import type { Hex, LabelBox, Rect, SeriesPlan } from "../model/layout.js";
import type { Theme } from "../model/theme.js";
import { box, collisions, inside, LABEL_GAP_IN, labelSize, textOn } from "./chart-boxes.js";
import { lineHeightPt, textWidthPt } from "./measure-text.js";

const PAD_IN = 0.08;
/** The doughnut's hole, as a share of its diameter. */
export const HOLE_SIZE_PCT = 55;

export interface RoundRequest {
  readonly data: ChartData;
  readonly texts: readonly string[];
  readonly format: string;
  readonly colors: readonly Hex[];
  readonly wIn: number;
  readonly hIn: number;
  readonly fontPt: number;
  readonly theme: Theme;
  /** One point's label replaced by custom text (an annotation). */
  readonly customTexts?: ReadonlyArray<string | undefined>;
}

export interface RoundPlan {
  readonly series: SeriesPlan[];
  readonly plot: Rect;
  readonly legend: Rect & { readonly position: "b" | "r" };
  readonly labelBoxes: LabelBox[];
  /** False when no labels fit (the legend then carries the categories only). */
  readonly labelled: boolean;
}

export function planRound(req: RoundRequest): RoundPlan {
  const { data, fontPt, theme } = req;
  const doughnut = data.kind === "doughnut";
  const lineH = lineHeightPt(fontPt) / 72;
  const entryW = Math.max(...data.categories.map((c) => textWidthPt(c, fontPt) / 72)) + 0.45;
  const rightLegend = entryW <= req.wIn * 0.4 && data.categories.length * lineH * 1.2 + 0.1 <= req.hIn - 2 * PAD_IN;
  const legend: Rect & { position: "b" | "r" } = rightLegend
    ? { xIn: req.wIn - PAD_IN - entryW, yIn: PAD_IN, wIn: entryW, hIn: req.hIn - 2 * PAD_IN, position: "r" }
    : bottomLegend(data.categories, req.wIn, req.hIn, fontPt);
  const area: Rect = rightLegend
    ? { xIn: PAD_IN, yIn: PAD_IN, wIn: legend.xIn - 2 * PAD_IN, hIn: req.hIn - 2 * PAD_IN }
    : { xIn: PAD_IN, yIn: PAD_IN, wIn: req.wIn - 2 * PAD_IN, hIn: legend.yIn - 2 * PAD_IN };
  const values = data.series[0]!.values;
  const total = values.reduce((a, v) => a + v, 0);
  const shown = (i: number) => req.customTexts?.[i] ?? req.texts[i]!;

  const attempt = (outside: boolean): { plot: Rect; boxes: LabelBox[]; colors: Hex[]; ok: boolean } => {
    const widest = Math.max(...values.map((_, i) => labelSize(shown(i), fontPt).wIn));
    const margin = outside ? Math.max(widest, lineH) + LABEL_GAP_IN * 2 : 0;
    const d = Math.max(0.5, Math.min(area.wIn, area.hIn) - 2 * margin);
    const plot: Rect = { xIn: area.xIn + (area.wIn - d) / 2, yIn: area.yIn + (area.hIn - d) / 2, wIn: d, hIn: d };
    const cx = plot.xIn + d / 2; const cy = plot.yIn + d / 2; const r = d / 2;
    const inner = doughnut ? (r * HOLE_SIZE_PCT) / 100 : 0;
    const boxes: LabelBox[] = [];
    const colors: Hex[] = [];
    let ok = true;
    let start = 0;
    values.forEach((v, i) => {
      const share = total > 0 ? v / total : 0;
      const a0 = start * 2 * Math.PI; const a1 = (start + share) * 2 * Math.PI; start += share;
      const mid = (a0 + a1) / 2;
      const fill = req.colors[i]!;
      if (share === 0) { colors.push(theme.colors.ink); return; }
      if (outside) {
        const rr = r + LABEL_GAP_IN;
        const px = cx + rr * Math.sin(mid); const py = cy - rr * Math.cos(mid);
        const at = Math.sin(mid) >= 0 ? { left: px, cy: py } : { right: px, cy: py };
        const b = box(shown(i), fontPt, at, theme.colors.ink, theme.colors.white);
        colors.push(theme.colors.ink);
        boxes.push(b);
        if (!inside(b, { xIn: 0, yIn: 0, wIn: req.wIn, hIn: req.hIn }) || (rightLegend && b.xIn + b.wIn > legend.xIn)) ok = false;
      } else {
        // Labels sit halfway across the slice (a pie's "center"; a doughnut's ring).
        const rr = doughnut ? (inner + r) / 2 : r * 0.6;
        const color = textOn(fill, theme.colors.ink, theme.colors.white);
        colors.push(color);
        const b = box(shown(i), fontPt, { cx: cx + rr * Math.sin(mid), cy: cy - rr * Math.cos(mid) }, color, fill);
        boxes.push(b);
        const corners = [[b.xIn, b.yIn], [b.xIn + b.wIn, b.yIn], [b.xIn, b.yIn + b.hIn], [b.xIn + b.wIn, b.yIn + b.hIn]] as const;
        if (!corners.every(([x, y]) => inSector(x - cx, y - cy, a0, a1, inner, r))) ok = false;
      }
    });
    if (collisions(boxes) > 0) ok = false;
    return { plot, boxes, colors, ok };
  };

  const tries = doughnut ? [attempt(false)] : [attempt(false), attempt(true)];
  const chosen = tries.find((t) => t.ok);
  const plan = chosen ?? attempt(false);
  const labelled = chosen !== undefined;
  const outside = labelled && tries.indexOf(chosen) === 1;
  const series: SeriesPlan = {
    name: data.series[0]!.name, values, type: doughnut ? "doughnut" : "pie", axis: "primary", format: req.format,
    color: req.colors[0]!, pointColors: req.colors,
    ...(labelled ? {
      labels: {
        ...(doughnut ? {} : { position: outside ? "outEnd" as const : "ctr" as const }),
        color: theme.colors.ink, pointColors: plan.colors,
        ...(req.customTexts ? { pointText: req.customTexts } : {}),
      },
    } : {}),
  };
  return { series: [series], plot: plan.plot, legend, labelBoxes: labelled ? plan.boxes : [], labelled };
}

/** Whether a point (relative to the centre) lies in the slice from a0 to a1 (clockwise from 12 o'clock). */
function inSector(dx: number, dy: number, a0: number, a1: number, rIn: number, rOut: number): boolean {
  const dist = Math.hypot(dx, dy);
  if (dist < rIn || dist > rOut) return false;
  if (a1 - a0 >= 2 * Math.PI - 1e-9) return true;
  let angle = Math.atan2(dx, -dy);
  if (angle < 0) angle += 2 * Math.PI;
  return angle >= a0 && angle <= a1;
}

function bottomLegend(entries: readonly string[], wIn: number, hIn: number, fontPt: number): Rect & { position: "b" } {
  const lineH = lineHeightPt(fontPt) / 72;
  const avail = wIn - 2 * PAD_IN;
  let rows = 1; let used = 0;
  for (const e of entries) {
    const w = 0.6 + textWidthPt(e, fontPt) / 72;
    if (used > 0 && used + w > avail) { rows++; used = 0; }
    used += w;
  }
  const h = rows * lineH * 1.15 + 0.08;
  return { xIn: PAD_IN, yIn: hIn - PAD_IN - h, wIn: avail, hIn: h, position: "b" };
}
