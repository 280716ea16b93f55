// Validate stage: `figures:` -> Figure records with exact values. A derived figure is computed from
// the figures it names, exactly, then rounded once (half away from zero) to its decimals.
import { DeckError } from "../errors.js";
import type { Citation, Figure } from "../model/deck.js";
import type { SourceMap } from "../model/source-map.js";
import { add, decimalOf, decimalPlaces, divide, isZero, multiply, round, shift, subtract, toNumber, toPlain, type Decimal } from "../util/decimal.js";
import { suggestion } from "../util/did-you-mean.js";
import { formatFigure } from "../util/format.js";
import { isCurrency, isScalable, minorUnits, SCALE_EXPONENT, type NumberStyle, type Scale } from "../util/number-format.js";
import { DERIVATIONS, type FigureSpec } from "./outline-schema.js";
import { uniqueCitations } from "./resolve-sources.js";

type Derivation = (typeof DERIVATIONS)[number];

/** Decimals a ratio, share or growth rate gets when the figure does not say. */
const DERIVED_DECIMALS = 1;
/** `scale: auto` shows at most this many decimals unless the figure says otherwise. */
const AUTO_DECIMALS = 2;

export interface ResolvedFigures {
  readonly figures: Record<string, Figure>;
  readonly errors: DeckError[];
  readonly warnings: DeckError[];
}

/** The scale a value in units is shown in when the outline says `auto`: million and up, else none. */
export function autoScale(base: Decimal): Scale | undefined {
  const digits = (base.coefficient < 0n ? -base.coefficient : base.coefficient).toString().length + base.exponent;
  if (digits > 12) return "trillion";
  if (digits > 9) return "billion";
  if (digits > 6) return "million";
  return undefined;
}

export function scaleFactor(scale: Scale | undefined): number {
  return scale ? SCALE_EXPONENT[scale] : 0;
}

/** A figure's `source:` as citations; undefined when it has none or it is wrong (recorded elsewhere). */
export type CitationsOf = (id: string, spec: FigureSpec) => Citation[] | undefined;

export function resolveFigures(specs: Readonly<Record<string, FigureSpec>>, map: SourceMap, citationsOf: CitationsOf): ResolvedFigures {
  const figures: Record<string, Figure> = {};
  const errors: DeckError[] = [];
  const warnings: DeckError[] = [];
  const ids = Object.keys(specs);
  const state = new Map<string, "busy" | "done" | "failed">();

  const resolve = (id: string, chain: readonly string[]): Figure | undefined => {
    const seen = state.get(id);
    if (seen === "done") return figures[id];
    if (seen === "failed") return undefined;
    if (seen === "busy") {
      errors.push(new DeckError({
        code: "FIGURE_CYCLE", pos: map.posOf(["figures", id, "derive"]),
        message: `the derived figure "${id}" depends on itself (${[...chain, id].join(" -> ")})`,
        hint: "derive each figure from figures that are given, or derived from given ones",
      }));
      state.set(id, "failed");
      return undefined;
    }
    state.set(id, "busy");
    const spec = specs[id]!;
    const figure = spec.derive ? derive(id, spec, chain) : given(id, spec);
    state.set(id, figure ? "done" : "failed");
    if (figure) figures[id] = figure;
    return figure;
  };

  const given = (id: string, spec: FigureSpec): Figure | undefined => {
    if (spec.value === undefined) {
      errors.push(new DeckError({
        code: "OUTLINE_MISSING", pos: map.posOf(["figures", id], "key"), message: `figure "${id}" has neither a \`value\` nor a \`derive\``,
        hint: "give `value:` as the source writes it, or `derive: { ratio: [a, b] }` (ratio, share, growth, difference or sum)",
      }));
      return undefined;
    }
    if (!Number.isFinite(spec.value)) {
      errors.push(new DeckError({
        code: "OUTLINE_TYPE", pos: map.posOf(["figures", id, "value"]),
        message: `figure "${id}" has the value ${spec.value}, which is not a finite number`, hint: "write the number as the source gives it",
      }));
      return undefined;
    }
    if (!spec.unit) {
      errors.push(new DeckError({
        code: "OUTLINE_MISSING", pos: map.posOf(["figures", id], "key"), message: `figure "${id}" has no \`unit\``,
        hint: 'add `unit:` (a currency code such as USD, "percent", "times", "ordinal", or a counted noun such as "metric tons")',
      }));
      return undefined;
    }
    const citations = spec.source === undefined ? undefined : citationsOf(id, spec);
    if (spec.source === undefined) {
      errors.push(new DeckError({
        code: "SOURCE_MISSING", pos: map.posOf(["figures", id], "key"), message: `figure "${id}" has no \`source\``,
        hint: 'say where it comes from: source: { doc: id, locator: "Table 2.1" } (a document under `sources:`)',
      }));
      return undefined;
    }
    if (!citations) return undefined;
    const written = decimalOf(spec.value);
    if (spec.scale === "auto") return styled(id, spec, spec.unit, written, undefined, citations);
    const base = shift(written, scaleFactor(spec.scale));
    // Charts and workbooks store the value as a double: it must stay finite in units.
    if (!Number.isFinite(spec.value * 10 ** scaleFactor(spec.scale))) {
      errors.push(new DeckError({
        code: "OUTLINE_TYPE", pos: map.posOf(["figures", id, "value"]),
        message: `figure "${id}" is ${spec.value} ${spec.scale ?? ""}, which is too large to draw or store`,
        hint: "check the value and its scale",
      }));
      return undefined;
    }
    return styled(id, spec, spec.unit, base, undefined, citations);
  };

  const derive = (id: string, spec: FigureSpec, chain: readonly string[]): Figure | undefined => {
    const at = ["figures", id, "derive"];
    if (spec.value !== undefined) {
      errors.push(new DeckError({
        code: "OUTLINE_SHAPE", pos: map.posOf(["figures", id, "value"]), message: `figure "${id}" has both a \`value\` and a \`derive\``,
        hint: "a derived figure is computed; remove `value`, or remove `derive` to use the written value",
      }));
      return undefined;
    }
    const kinds = DERIVATIONS.filter((k) => spec.derive![k] !== undefined);
    if (kinds.length !== 1) {
      errors.push(new DeckError({
        code: "OUTLINE_SHAPE", pos: map.posOf(at), message: kinds.length === 0 ? `figure "${id}" has an empty \`derive\`` : `figure "${id}" derives in ${kinds.length} ways at once (${kinds.join(", ")})`,
        hint: `give exactly one of: ${DERIVATIONS.join(", ")}`,
      }));
      return undefined;
    }
    const kind = kinds[0]!;
    const inputIds = spec.derive![kind]!;
    const inputs: Figure[] = [];
    inputIds.forEach((ref, i) => {
      if (!Object.hasOwn(specs, ref)) {
        errors.push(new DeckError({
          code: "UNKNOWN_FIGURE", pos: map.posOf([...at, kind, i]), message: `figure "${id}" is derived from "${ref}", which is not a figure`,
          hint: suggestion(ref, ids, "one of the figure ids"),
        }));
        return;
      }
      const input = resolve(ref, [...chain, id]);
      if (input) inputs.push(input);
    });
    if (inputs.length !== inputIds.length) return undefined;
    const units = [...new Set(inputs.map((f) => f.unit))];
    if (units.length > 1 || units[0] === "ordinal") {
      errors.push(new DeckError({
        code: "FIGURE_UNITS", pos: map.posOf([...at, kind]),
        message: units[0] === "ordinal" ? `figure "${id}" derives from an ordinal ("${inputs[0]!.id}"), which is not an amount` : `figure "${id}" takes the ${kind} of ${units.join(" and ")}, which are different units`,
        hint: "derive from figures of one unit (convert them in the source first)",
      }));
      return undefined;
    }
    const unit = units[0]!;
    const [a, b] = inputs.map((f) => f.base) as [Decimal, Decimal];
    const places = spec.decimals ?? DERIVED_DECIMALS;
    const hundred = decimalOf(100);
    // Ratios and shares divide by their second figure, growth by its first.
    const divisor = kind === "growth" ? inputs[0] : kind === "ratio" || kind === "share" ? inputs[1] : undefined;
    if (divisor && isZero(divisor.base)) {
      errors.push(new DeckError({
        code: "FIGURE_UNITS", pos: map.posOf([...at, kind]), message: `figure "${id}" divides by "${divisor.id}", which is zero`,
        hint: "a ratio, share or growth rate needs a non-zero base",
      }));
      return undefined;
    }
    let result: Decimal;
    let resultUnit = unit;
    let text: string;
    const named = (f: Figure) => `${f.label} (${formatFigure(f)})`;
    switch (kind) {
      case "ratio": result = divide(a, b, places); resultUnit = "times"; text = `ratio of ${named(inputs[0]!)} to ${named(inputs[1]!)}`; break;
      case "share": result = divide(multiply(a, hundred), b, places); resultUnit = "percent"; text = `share of ${named(inputs[0]!)} in ${named(inputs[1]!)}`; break;
      case "growth": result = divide(multiply(subtract(b, a), hundred), a, places); resultUnit = "percent"; text = `change from ${named(inputs[0]!)} to ${named(inputs[1]!)}`; break;
      case "difference": result = subtract(a, b); text = `${named(inputs[0]!)} minus ${named(inputs[1]!)}`; break;
      case "sum": result = inputs.map((f) => f.base).reduce(add); text = `sum of ${inputs.map(named).join(", ")}`; break;
    }
    if (!Number.isFinite(toNumber(result))) {
      errors.push(new DeckError({
        code: "OUTLINE_TYPE", pos: map.posOf([...at, kind]), message: `figure "${id}" comes to a number too large to draw or store`,
        hint: "check the figures it is derived from and their scales",
      }));
      return undefined;
    }
    if (spec.unit !== undefined && spec.unit !== resultUnit) {
      errors.push(new DeckError({
        code: "FIGURE_UNITS", pos: map.posOf(["figures", id, "unit"]), message: `figure "${id}" says unit "${spec.unit}", but a ${kind} of ${unit} is in ${resultUnit}`,
        hint: `remove \`unit\` (a derived figure takes its unit from the derivation) or write "${resultUnit}"`,
      }));
      return undefined;
    }
    const sameScale = [...new Set(inputs.map((f) => f.style.scale))];
    const inheritScale = (kind === "sum" || kind === "difference") && spec.scale === undefined && sameScale.length === 1 ? sameScale[0] : undefined;
    const rounding = kind === "sum" || kind === "difference" ? "" : `, rounded to ${places} decimal${places === 1 ? "" : "s"}`;
    const derivation = { kind, inputs: inputIds, text: `${text}${rounding}` };
    // Its own `source:` if it has one, else the documents its inputs come from.
    const own = spec.source === undefined ? undefined : citationsOf(id, spec);
    if (spec.source !== undefined && !own) return undefined;
    const citations = own ?? uniqueCitations(inputs.flatMap((f) => f.citations));
    return styled(id, { ...spec, ...(inheritScale ? { scale: inheritScale } : {}) }, resultUnit, result, derivation, citations);
  };

  const styled = (id: string, spec: FigureSpec, unit: string, base: Decimal, derivation: Figure["derivation"], citations: readonly Citation[]): Figure => {
    const auto = spec.scale === "auto";
    const scale = !isScalable(unit) ? undefined : auto ? autoScale(base) : (spec.scale as Scale | undefined);
    const inScale = shift(base, -scaleFactor(scale));
    let decimals = spec.decimals ?? decimalPlaces(inScale);
    if (spec.decimals === undefined && auto && decimals > AUTO_DECIMALS) {
      decimals = AUTO_DECIMALS;
      warnings.push(new DeckError({
        code: "FIGURE_ROUNDED", severity: "warning", pos: map.posOf(["figures", id, "value"]),
        message: `figure "${id}" is ${toPlain(inScale)}${scale ? ` ${scale}` : ""}, shown rounded to ${AUTO_DECIMALS} decimals`,
        hint: "set `decimals:` to the precision you want shown (this silences the warning)",
      }));
    }
    // Unscaled money keeps its minor units: $0.20, not $0.2.
    if (isCurrency(unit) && !scale && decimals > 0 && spec.decimals === undefined) decimals = Math.max(decimals, minorUnits(unit));
    const style: NumberStyle = { unit, scale, decimals };
    const { value: _value, unit: _unit, source: _source, ...rest } = spec;
    return { ...rest, id, unit, base, citations, amount: round(inScale, decimals), style, ...(derivation ? { derivation } : {}) };
  };

  for (const id of ids) resolve(id, []);
  return { figures, errors, warnings };
}
