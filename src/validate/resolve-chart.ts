// Validate stage: a chart slide's figure ids -> ChartData (categories, series, kind, emphasis). Every
// value comes from `figures`; each series gets the number style its labels, axis and workbook share.
import { DeckError } from "../errors.js";
import type { ChartData, ChartSeriesData, Figure } from "../model/deck.js";
import type { DataPath, SourceMap } from "../model/source-map.js";
import { add, compare, decimalPlaces, sign, shift, toNumber, type Decimal } from "../util/decimal.js";
import { suggestion } from "../util/did-you-mean.js";
import { isCurrency, isScalable, minorUnits, SCALE_EXPONENT, type NumberStyle, type Scale } from "../util/number-format.js";
import type { ChartKind, ChartSpec } from "./outline-schema.js";

const DATE_LIKE = /^(?:\d{4}|(?:Q[1-4]|H[12]|[A-Z][a-z]+) \d{4}|\d{4}-\d{2}(?:-\d{2})?)$/;
/** Labels and axes show at most this many decimals unless the chart says `decimals:`. */
const MAX_AUTO_DECIMALS = 2;
const SORTABLE: readonly ChartKind[] = ["column", "bar", "stacked-column", "stacked-bar", "stacked-column-100", "stacked-bar-100", "pie", "doughnut"];

type Fail = (code: DeckError["code"], at: DataPath, message: string, hint: string) => DeckError[];

interface Group { readonly name: string; readonly ids: readonly string[]; readonly xIds?: readonly string[]; readonly at: DataPath }

export function resolveChart(spec: ChartSpec, figures: Readonly<Record<string, Figure>>, path: DataPath, map: SourceMap, warnings: DeckError[]): ChartData | DeckError[] {
  const fail: Fail = (code, at, message, hint) => [new DeckError({ code, pos: map.posOf(at), message, hint })];
  if (spec.figures && spec.series) {
    return fail("OUTLINE_SHAPE", path, "the chart gives both `figures` and `series`", "use `figures` for one series, or `series` with `categories` for several");
  }
  const groups: Group[] = spec.series
    ? spec.series.map((s, k) => ({ name: s.name, ids: s.figures, ...(s.x ? { xIds: s.x } : {}), at: [...path, "series", k] }))
    : spec.figures ? [{ name: spec.title, ids: spec.figures, ...(spec.x ? { xIds: spec.x } : {}), at: path }] : [];
  if (groups.length === 0) return fail("CHART_NO_DATA", path, "the chart has no data", "list the figure ids it shows under `figures:`");
  const known = (ids: readonly string[] | undefined) => (ids ?? []).every((id) => figures[id] !== undefined);
  if (groups.some((g) => !known(g.ids) || !known(g.xIds))) return []; // unknown or failed figures are reported where they are named
  const scatter = spec.kind === "scatter" || (spec.kind === undefined && groups.every((g) => g.xIds));
  const categories = spec.categories ?? groups[0]!.ids.map((id) => figures[id]!.label);
  if (spec.series && !spec.categories && !scatter) {
    return fail("CHART_DATA_MISMATCH", path, "a chart with `series` needs `categories`", "add `categories:` with one name per value of each series");
  }
  for (const g of groups) {
    const at = [...g.at, "figures"];
    if (g.ids.length !== categories.length) {
      return fail("CHART_DATA_MISMATCH", at, `series "${g.name}" has ${g.ids.length} values but the chart has ${categories.length} categories`,
        `give one figure per category (${categories.join(", ")}) or change the categories`);
    }
    if (scatter && g.xIds?.length !== g.ids.length) {
      return fail("CHART_DATA_MISMATCH", g.xIds ? [...g.at, "x"] : at, `series "${g.name}" needs one x figure per point (${g.ids.length})`,
        "a scatter chart pairs `x:` figures (horizontal) with `figures:` (vertical), one of each per point");
    }
    const units = [...new Set(g.ids.map((id) => figures[id]!.unit))];
    if (units.length > 1) {
      return fail("CHART_MIXED_UNITS", at, `series "${g.name}" mixes units (${units.join(" and ")}) on one axis`,
        "put figures of one unit in a series; a second unit goes in its own series, drawn as a combo chart");
    }
    const ordinal = g.ids.find((id) => figures[id]!.unit === "ordinal");
    if (ordinal) return fail("CHART_MIXED_UNITS", at, `"${ordinal}" is an ordinal (${figures[ordinal]!.label}), which a chart cannot draw`, "show it in text or on a key-figures slide");
  }
  const seriesUnits = groups.map((g) => figures[g.ids[0]!]!.unit);
  const units = [...new Set(seriesUnits)];
  const kind: ChartKind = spec.kind ?? (spec.totals ? "waterfall" : scatter ? "scatter" : chooseKind(groups, categories, units, figures));
  const kindAt = [...path, spec.kind ? "kind" : "series"];
  if (units.length > 2 || (units.length === 2 && kind !== "combo")) {
    return fail("CHART_MIXED_UNITS", kindAt, `the chart puts ${units.join(", ")} on one ${kind} chart`, units.length > 2
      ? "a chart can show at most two units (a combo chart with a secondary axis); split it"
      : "use `kind: combo` to draw the second unit on a secondary axis, or split the chart");
  }
  const problem = kindProblem(kind, spec, groups, figures, fail, path);
  if (problem) return problem;

  // One number style per axis: the chart's scale and decimals, or the documented automatic ones.
  const styleOf = new Map<string, NumberStyle>();
  for (const unit of units) styleOf.set(unit, axisStyle(unit, groups.filter((g, i) => seriesUnits[i] === unit).flatMap((g) => g.ids.map((id) => figures[id]!)), spec, path, map, warnings));
  const valuesIn = (ids: readonly string[], style: NumberStyle) => ids.map((id) => toNumber(shift(figures[id]!.base, -exponentOf(style.scale))));
  let series: ChartSeriesData[] = groups.map((g, i) => {
    const style = styleOf.get(seriesUnits[i]!)!;
    const xStyle = g.xIds ? axisStyle(figures[g.xIds[0]!]!.unit, groups.flatMap((h) => (h.xIds ?? []).map((id) => figures[id]!)), spec, path, map, warnings) : undefined;
    return {
      name: g.name, style, figureIds: g.ids, values: valuesIn(g.ids, style),
      axis: kind === "combo" && units.length === 2 && seriesUnits[i] !== units[0] ? "secondary" : "primary",
      ...(g.xIds && xStyle ? { x: { values: valuesIn(g.xIds, xStyle), style: xStyle, figureIds: g.xIds } } : {}),
    };
  });
  // A title that names a scale ("USD billion") must name the one the labels use.
  const said = /\b(thousand|million|billion|trillion)s?\b/i.exec(spec.title)?.[1]?.toLowerCase();
  if (said && series.every((s) => isScalable(s.style.unit)) && !series.some((s) => s.style.scale === said)) {
    const used = [...new Set(series.map((s) => s.style.scale ?? "units"))].join(" and ");
    return fail("CHART_MIXED_UNITS", [...path, "title"], `the chart's title says "${said}" but its values are shown in ${used}`,
      `set \`scale: ${said}\` on the chart, or take the scale out of the title (the axis caption states it)`);
  }
  let cats = [...categories];
  if (spec.sort && spec.sort !== "none") {
    if (!SORTABLE.includes(kind)) {
      return fail("CHART_KIND", [...path, "sort"], `a ${kind} chart keeps its categories in order; it cannot be sorted`, "remove `sort`, or use a column, bar, stacked, pie or doughnut chart");
    }
    const key = cats.map((_, c) => series.reduce((sum, s) => sum + s.values[c]!, 0));
    const order = cats.map((_, c) => c).sort((a, b) => (spec.sort === "descending" ? key[b]! - key[a]! : key[a]! - key[b]!) || a - b);
    cats = order.map((c) => cats[c]!);
    series = series.map((s) => ({ ...s, values: order.map((c) => s.values[c]!), figureIds: order.map((c) => s.figureIds[c]!) }));
  }
  const data: { -readonly [K in keyof ChartData]: ChartData[K] } = { kind, categories: cats, series };
  if (kind === "waterfall") data.totals = series[0]!.figureIds.map((id) => spec.totals!.includes(id));
  if (spec.highlight !== undefined) {
    const h = spec.highlight;
    if (typeof h === "object" && "series" in h) {
      const k = series.findIndex((s) => s.name === h.series);
      if (k < 0) return fail("UNKNOWN_CATEGORY", [...path, "highlight", "series"], `the chart has no series "${h.series}"`, suggestion(h.series, series.map((s) => s.name), "one of the series"));
      data.highlight = { series: k };
    } else {
      const name = typeof h === "string" ? h : h.category;
      const c = cats.indexOf(name);
      if (c < 0) return fail("UNKNOWN_CATEGORY", [...path, "highlight"], `the chart has no category "${name}"`, suggestion(name, cats, "one of the categories"));
      data.highlight = { category: c };
    }
  }
  if (spec.annotate) {
    const a = spec.annotate;
    const c = cats.indexOf(a.category);
    if (c < 0) return fail("UNKNOWN_CATEGORY", [...path, "annotate", "category"], `the chart has no category "${a.category}"`, suggestion(a.category, cats, "one of the categories"));
    const k = a.series === undefined ? 0 : series.findIndex((s) => s.name === a.series);
    if (k < 0) return fail("UNKNOWN_CATEGORY", [...path, "annotate", "series"], `the chart has no series "${a.series}"`, suggestion(a.series ?? "", series.map((s) => s.name), "one of the series"));
    data.annotation = { category: c, series: k, text: a.text };
  }
  return data;
}

function exponentOf(scale: Scale | undefined): number {
  return scale ? SCALE_EXPONENT[scale] : 0;
}

/**
 * The number style of one axis. Scale: the chart's `scale`; else, of the scales its figures are
 * written in (most common first, the larger first on a tie), the first that shows every value
 * exactly in at most 2 decimals, or failing that the one that needs fewest. Decimals: the chart's
 * `decimals`, else as many as the values need (at most 2, with a warning when that rounds), and a
 * currency's minor units when an unscaled amount has a fraction.
 */
function axisStyle(unit: string, figs: readonly Figure[], spec: ChartSpec, path: DataPath, map: SourceMap, warnings: DeckError[]): NumberStyle {
  const needed = (scale: Scale | undefined) => Math.max(0, ...figs.map((f) => decimalPlaces(shift(f.base, -exponentOf(scale)))));
  let scale: Scale | undefined;
  if (isScalable(unit)) {
    if (spec.scale && spec.scale !== "auto") scale = spec.scale === "none" ? undefined : spec.scale;
    else {
      const counts = new Map<Scale | undefined, number>();
      for (const f of figs) counts.set(f.style.scale, (counts.get(f.style.scale) ?? 0) + 1);
      const candidates = [...counts].sort((a, b) => b[1] - a[1] || exponentOf(b[0]) - exponentOf(a[0])).map(([s]) => s);
      scale = candidates.find((s) => needed(s) <= MAX_AUTO_DECIMALS) ?? [...candidates].sort((a, b) => needed(a) - needed(b))[0];
    }
  }
  const need = needed(scale);
  let decimals = spec.decimals ?? Math.min(need, MAX_AUTO_DECIMALS);
  if (spec.decimals === undefined && need > MAX_AUTO_DECIMALS) {
    warnings.push(new DeckError({
      code: "FIGURE_ROUNDED", severity: "warning", pos: map.posOf([...path, "title"]),
      message: `the chart "${spec.title}" shows its ${unit} values rounded to ${MAX_AUTO_DECIMALS} decimals${scale ? ` of a ${scale}` : ""}`,
      hint: "set `decimals:` (or `scale:`) on the chart to choose the precision; this silences the warning",
    }));
  }
  if (isCurrency(unit) && !scale && decimals > 0 && spec.decimals === undefined) decimals = Math.max(decimals, minorUnits(unit));
  return { unit, scale, decimals };
}

/** Rules one chart kind has about its data; undefined when the data suits it. */
function kindProblem(kind: ChartKind, spec: ChartSpec, groups: readonly Group[], figures: Readonly<Record<string, Figure>>, fail: Fail, path: DataPath): DeckError[] | undefined {
  const kindAt = [...path, spec.kind ? "kind" : "series"];
  const all = groups.flatMap((g) => g.ids.map((id) => figures[id]!));
  const single = groups.length === 1;
  if (kind === "combo" && groups.length < 2) return fail("CHART_DATA_MISMATCH", kindAt, "a combo chart needs two series or more", "add a series, or choose another kind");
  if ((kind === "pie" || kind === "doughnut") && !single) return fail("CHART_DATA_MISMATCH", kindAt, `a ${kind} chart shows one series, not ${groups.length}`, "use a column or stacked-column chart");
  if (kind === "pie" || kind === "doughnut" || kind.endsWith("-100")) {
    const negative = all.find((f) => sign(f.base) < 0);
    if (negative) return fail("CHART_KIND", kindAt, `a ${kind} chart cannot draw "${negative.id}", which is negative`, "draw shares of a whole only from values of zero or more; use a column chart for changes");
    if (all.every((f) => sign(f.base) === 0)) return fail("CHART_KIND", kindAt, `every value of the ${kind} chart is zero, so it has no slices`, "check the figures, or show them in a table");
  }
  if (kind === "scatter" && groups.some((g) => !g.xIds)) return fail("CHART_DATA_MISMATCH", kindAt, "a scatter chart needs an `x:` figure for each point", "give each series `x: [ids]` beside its `figures`");
  if (kind !== "scatter" && groups.some((g) => g.xIds)) return fail("CHART_KIND", [...path, "x"], `\`x:\` is for scatter charts, not ${kind} charts`, "remove `x`, or use `kind: scatter`");
  if (kind !== "waterfall" && spec.totals) return fail("CHART_KIND", [...path, "totals"], `\`totals:\` is for waterfall charts, not ${kind} charts`, "remove `totals`, or use `kind: waterfall`");
  if (kind === "waterfall" && spec.annotate) return fail("CHART_KIND", [...path, "annotate"], "a waterfall chart labels every step already; it takes no annotation", "remove `annotate`, or put the remark in the takeaway");
  if (kind === "waterfall") return waterfallProblem(spec, groups, figures, fail, path);
  return undefined;
}

/** A waterfall's totals must equal the running sum of the steps before them: a bridge cannot lie. */
function waterfallProblem(spec: ChartSpec, groups: readonly Group[], figures: Readonly<Record<string, Figure>>, fail: Fail, path: DataPath): DeckError[] | undefined {
  if (groups.length !== 1) return fail("CHART_DATA_MISMATCH", [...path, "series"], "a waterfall chart shows one series of steps", "list its figures under `figures:` (start, steps, totals)");
  const ids = groups[0]!.ids;
  const totals = spec.totals ?? [];
  const stray = totals.find((t) => !ids.includes(t));
  if (stray !== undefined) return fail("CHART_DATA_MISMATCH", [...path, "totals"], `"${stray}" is a total but not one of the chart's figures`, `totals name figures of the chart: ${ids.join(", ")}`);
  let running: Decimal | undefined;
  for (const [i, id] of ids.entries()) {
    const f = figures[id]!;
    if (!totals.includes(id)) {
      running = running === undefined ? f.base : add(running, f.base);
      // The bridge is drawn on an invisible base: it cannot pass below zero.
      if (sign(running) < 0) {
        return fail("CHART_KIND", [...path, "figures", i], `the waterfall's running total falls below zero at "${id}" (${f.label})`,
          "a waterfall here stays at or above zero; start from a total large enough, or show the changes as a column chart");
      }
      continue;
    }
    if (running !== undefined && compare(running, f.base) !== 0) {
      return fail("CHART_DATA_MISMATCH", [...path, "figures", i], `the total "${id}" (${f.label}) is not the sum of the bar before it and the steps since`,
        `the steps add up to ${toNumber(running)} ${f.unit} in units; check the figures, or derive the total with \`derive: { sum: [...] }\``);
    }
    running = f.base;
  }
  return undefined;
}

/** The chart kind the data calls for (the design brief's rules). */
export function chooseKind(groups: readonly Group[], categories: readonly string[], units: readonly string[], figures: Readonly<Record<string, Figure>>): ChartKind {
  if (units.length === 2) return "combo";
  if (categories.length >= 4 && categories.every((c) => DATE_LIKE.test(c))) return "line";
  const only = groups.length === 1 ? groups[0] : undefined;
  if (only && units[0] === "percent") {
    const total = only.ids.map((id) => figures[id]!.base).reduce(add);
    if (Math.abs(toNumber(total) - 100) < 0.5 && only.ids.every((id) => sign(figures[id]!.base) >= 0)) return "doughnut";
  }
  const longest = Math.max(...categories.map((c) => c.length));
  return categories.length > 6 || longest > 22 ? "bar" : "column";
}
