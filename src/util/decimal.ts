// Exact decimal arithmetic for figures: a number is taken as the author wrote it (the shortest
// decimal that reads back as the same double, which is what YAML gave us), so 0.1 + 0.2 is 0.3 and
// 757 billion in trillions is 0.757, never 0.7570000000000001. Division rounds once, explicitly.

/** value = coefficient × 10^exponent. */
export interface Decimal {
  readonly coefficient: bigint;
  readonly exponent: number;
}

const TEN = 10n;

/** The decimal the author wrote: 0.757 -> 757e-3; 1e21 -> 1e21. Throws on NaN and infinities. */
export function decimalOf(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m) throw new RangeError(`cannot read ${value} as a decimal`);
  const fraction = m[3] ?? "";
  const coefficient = BigInt(`${m[1]}${m[2]}${fraction}`);
  return normalise({ coefficient, exponent: Number(m[4] ?? 0) - fraction.length });
}

/** Trailing zeros of the coefficient moved into the exponent: 7500e-3 -> 75e-1. */
function normalise(d: Decimal): Decimal {
  if (d.coefficient === 0n) return { coefficient: 0n, exponent: 0 };
  let { coefficient, exponent } = d;
  while (coefficient % TEN === 0n) { coefficient /= TEN; exponent++; }
  return { coefficient, exponent };
}

function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const e = Math.min(a.exponent, b.exponent);
  return [a.coefficient * TEN ** BigInt(a.exponent - e), b.coefficient * TEN ** BigInt(b.exponent - e), e];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, e] = aligned(a, b);
  return normalise({ coefficient: x + y, exponent: e });
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  return add(a, { coefficient: -b.coefficient, exponent: b.exponent });
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return normalise({ coefficient: a.coefficient * b.coefficient, exponent: a.exponent + b.exponent });
}

/** a × 10^k, exactly. */
export function shift(a: Decimal, k: number): Decimal {
  return normalise({ coefficient: a.coefficient, exponent: a.exponent + k });
}

export function isZero(a: Decimal): boolean {
  return a.coefficient === 0n;
}

export function sign(a: Decimal): -1 | 0 | 1 {
  return a.coefficient < 0n ? -1 : a.coefficient > 0n ? 1 : 0;
}

export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Digits after the decimal point needed to write `a` exactly (0 for integers). */
export function decimalPlaces(a: Decimal): number {
  return Math.max(0, -a.exponent);
}

/** Integer division of non-negative big integers, rounded half away from zero. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = (numerator < 0n) !== (denominator < 0n);
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** `a` rounded to `places` decimals, half away from zero (the rule Excel and LibreOffice display by). */
export function round(a: Decimal, places: number): Decimal {
  if (decimalPlaces(a) <= places) return a;
  const drop = -a.exponent - places;
  return normalise({ coefficient: divideRounded(a.coefficient, TEN ** BigInt(drop)), exponent: -places });
}

/** a ÷ b rounded to `places` decimals, half away from zero; b must not be zero. */
export function divide(a: Decimal, b: Decimal, places: number): Decimal {
  if (isZero(b)) throw new RangeError("division by zero");
  // a/b = (ca/cb) × 10^(ea-eb); scale the numerator so the quotient has `places` decimals.
  const k = places + a.exponent - b.exponent;
  const numerator = k >= 0 ? a.coefficient * TEN ** BigInt(k) : a.coefficient;
  const denominator = k >= 0 ? b.coefficient : b.coefficient * TEN ** BigInt(-k);
  return normalise({ coefficient: divideRounded(numerator, denominator), exponent: -places });
}

/** Plain decimal digits, no exponent: 757e-3 -> "0.757"; with `places`, exactly that many decimals. */
export function toPlain(a: Decimal, places = decimalPlaces(a)): string {
  const r = round(a, places);
  const negative = r.coefficient < 0n;
  // After rounding, exponent >= -places: the digits of a × 10^places are the coefficient and zeros.
  let digits = (negative ? -r.coefficient : r.coefficient).toString() + "0".repeat(r.exponent + places);
  if (places > 0) {
    digits = digits.padStart(places + 1, "0");
    digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  }
  return `${negative && /[1-9]/.test(digits) ? "-" : ""}${digits}`;
}

/** The JavaScript number closest to `a` (through its exact decimal text). */
export function toNumber(a: Decimal): number {
  return Number(toPlain(a));
}
