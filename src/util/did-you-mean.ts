// Suggestions for misspelt names: the closest candidates by edit distance.
import { distance } from "fastest-levenshtein";

/** Up to `max` candidates within a distance that scales with the word, closest first. */
export function closest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(1, Math.ceil(word.length / 3));
  return [...new Set(candidates)]
    .map((c) => ({ c, d: distance(word.toLowerCase(), c.toLowerCase()) }))
    .filter(({ d }) => d <= limit)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map(({ c }) => c);
}

/** `did you mean "x"?` or a list of the valid names when nothing is close. */
export function suggestion(word: string, candidates: readonly string[], what = "one of"): string {
  const near = closest(word, candidates);
  if (near.length > 0) return `did you mean ${near.map((n) => `"${n}"`).join(" or ")}?`;
  const shown = candidates.slice(0, 12).map((c) => `"${c}"`).join(", ");
  return candidates.length === 0 ? "none are defined" : `use ${what} ${shown}${candidates.length > 12 ? ", …" : ""}`;
}
