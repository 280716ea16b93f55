// Colours as six-digit hex: mixing two, as a panel or a tint is mixed from theme colours.

/** `share` of `a` over `b` (0: all b, 1: all a), as six-digit hex. */
export function mix(a: string, b: string, share: number): string {
  const pa = parseInt(a, 16);
  const pb = parseInt(b, 16);
  const ch = (shift: number) => Math.round(((pa >> shift) & 255) * share + ((pb >> shift) & 255) * (1 - share));
  return [16, 8, 0].map((s) => ch(s).toString(16).padStart(2, "0")).join("").toUpperCase();
}

/** The mean of colours, as six-digit hex. */
export function meanColour(colours: readonly string[]): string {
  const ch = (shift: number) => Math.round(colours.reduce((sum, c) => sum + ((parseInt(c, 16) >> shift) & 255), 0) / colours.length);
  return [16, 8, 0].map((s) => ch(s).toString(16).padStart(2, "0")).join("").toUpperCase();
}
