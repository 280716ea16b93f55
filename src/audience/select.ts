// Audience stage: which slides an audience sees (shared with the validate stage's checks).
import type { Audience } from "../model/deck.js";

/** Does this audience see a slide with these tags? Section tags count for every slide in the section. */
export function selects(a: Pick<Audience, "include" | "exclude">, sectionTags: readonly string[] = [], slideTags: readonly string[] = []): boolean {
  const tags = new Set([...sectionTags, ...slideTags]);
  if (a.exclude.some((t) => tags.has(t))) return false;
  return a.include.length === 0 || a.include.some((t) => tags.has(t));
}
