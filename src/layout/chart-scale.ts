// Layout stage: a value axis's scale, chosen by us rather than by the renderer, so that the position
// of every bar, point and label is known before the file is written: round bounds and a step of 1,
// 2, 2.5 or 5 times a power of ten, four to six steps in all.
import { decimalOf, toPlain } from "../util/decimal.js";

export interface AxisScale {
  readonly min: number;
  readonly max: number;
  readonly major: number;
  /** Decimals the tick labels need (those of the step). */
  readonly decimals: number;
}

const STEPS = [1, 2, 2.5, 5, 10] as const;

/** A step near range / 5 from 1, 2, 2.5, 5 × 10^k. */
function niceStep(range: number, ticks = 5): number {
  const raw = range / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = STEPS.find((s) => s * power >= raw) ?? 10;
  return clean(step * power);
}

/** Removes float noise from products of powers of ten: 0.30000000000000004 -> 0.3. */
function clean(v: number): number {
  return Number(v.toPrecision(12));
}

function decimalsOf(v: number): number {
  const plain = toPlain(decimalOf(clean(v)));
  return plain.includes(".") ? plain.length - plain.indexOf(".") - 1 : 0;
}

/**
 * A scale covering `lo`..`hi`. Bars and areas always include zero; lines and scatter points include
 * it unless that would squash the data into the top half.
 */
export function niceScale(lo: number, hi: number, opts: { includeZero: boolean }): AxisScale {
  let min = Math.min(lo, hi);
  let max = Math.max(lo, hi);
  if (opts.includeZero || (min > 0 && min < max / 2)) min = Math.min(0, min);
  if (opts.includeZero || (max < 0 && max > min / 2)) max = Math.max(0, max);
  // One value, or all equal: an axis from zero to it (or to 1 when it is zero).
  if (min === max) { if (min > 0) min = 0; else if (max < 0) max = 0; else max = 1; }
  const major = niceStep(max - min);
  return {
    // The tolerance keeps a bound that is already a step (0, 2.5) from moving one step out.
    min: clean(Math.floor(min / major + 1e-9) * major),
    max: clean(Math.ceil(max / major - 1e-9) * major),
    major, decimals: decimalsOf(major),
  };
}

/** One more step at the top (or bottom) to make room for labels beyond the bars. */
export function extend(scale: AxisScale, side: "max" | "min"): AxisScale {
  return side === "max" ? { ...scale, max: clean(scale.max + scale.major) } : { ...scale, min: clean(scale.min - scale.major) };
}

/** Tick values from min to max. */
export function ticks(scale: AxisScale): number[] {
  const out: number[] = [];
  const n = Math.round((scale.max - scale.min) / scale.major);
  for (let i = 0; i <= n; i++) out.push(clean(scale.min + i * scale.major));
  return out;
}
