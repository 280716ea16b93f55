// Layout stage: geometry of freeform outlines (path commands in inches): whether a point lies inside.

import type { PathCommand } from "../model/layout.js";

/**
 * Whether (x, y) lies inside the outline's closed subpaths, by the even-odd rule (a lake or an
 * enclave inside a country is outside it). Curves are taken as the straight line to their end point.
 */
export function pathContains(path: readonly PathCommand[], x: number, y: number): boolean {
  let inside = false;
  let ring: Array<readonly [number, number]> = [];
  const crossRing = () => {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    ring = [];
  };
  for (const c of path) {
    if (c.op === "M") { if (ring.length > 2) crossRing(); ring = [[c.x, c.y]]; } else if (c.op === "Z") { if (ring.length > 2) crossRing(); ring = []; } else ring.push([c.x, c.y]);
  }
  if (ring.length > 2) crossRing();
  return inside;
}
