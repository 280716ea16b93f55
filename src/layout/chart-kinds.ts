// Layout stage: what each chart kind is drawn as. Every kind must be listed (the compiler checks the
// record), so a kind added to the outline schema cannot build a slide without a chart.
import type { ChartKind } from "../validate/outline-schema.js";

export interface KindPlan {
  /** The planner that lays it out. */
  readonly family: "cartesian" | "round";
  /** The type of its series, before a combo or waterfall assigns their own. */
  readonly series: "bar" | "line" | "area" | "scatter" | "pie" | "doughnut";
  /** Bars drawn horizontally, categories down the left. */
  readonly horizontal: boolean;
  readonly stacked: boolean;
  /** Stacked to 100%: the value axis runs from 0 to 1. */
  readonly percent: boolean;
}

const k = (family: KindPlan["family"], series: KindPlan["series"], extra: Partial<Omit<KindPlan, "family" | "series">> = {}): KindPlan =>
  ({ family, series, horizontal: false, stacked: false, percent: false, ...extra });

export const CHART_KIND_PLANS: Readonly<Record<ChartKind, KindPlan>> = {
  column: k("cartesian", "bar"),
  bar: k("cartesian", "bar", { horizontal: true }),
  "stacked-column": k("cartesian", "bar", { stacked: true }),
  "stacked-bar": k("cartesian", "bar", { horizontal: true, stacked: true }),
  "stacked-column-100": k("cartesian", "bar", { stacked: true, percent: true }),
  "stacked-bar-100": k("cartesian", "bar", { horizontal: true, stacked: true, percent: true }),
  line: k("cartesian", "line"),
  area: k("cartesian", "area"),
  "stacked-area": k("cartesian", "area", { stacked: true }),
  pie: k("round", "pie"),
  doughnut: k("round", "doughnut"),
  combo: k("cartesian", "bar"),
  scatter: k("cartesian", "scatter"),
  waterfall: k("cartesian", "bar", { stacked: true }),
};
