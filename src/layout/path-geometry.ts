// Layout stage: geometry of freeform outlines (path commands in inches): whether a point lies inside.

import type { PathCommand } from "../model/layout.js";

/**
 * Whether (x, y) lies inside the outline's closed subpaths, by the even-odd rule (a lake or an
 * enclave inside a country is outside it). Curves are taken as the straight line to their end point.
 */
export function pathContains(path: readonly PathCommand[], x: number, y: number): boolean {
  // One pass, allocating nothing (plain locals, no closures: a short run executes this cold, where
  // a destructured pair or a captured variable costs an allocation per corner): a ring's crossings
  // are counted as its edges come, and count only when the ring has three corners or more. Each
  // edge is tested with its later point first, as (point, previous point), and the closing edge as
  // (first, last), so the arithmetic is the same whatever order the edges are met in.
  let inside = false;
  let ringInside = false;
  let corners = 0;
  let fx = 0, fy = 0, px = 0, py = 0;
  for (let k = 0; k <= path.length; k++) {
    const c = k < path.length ? path[k]! : undefined;
    if (c === undefined || c.op === "Z" || c.op === "M") {
      // The ring ends: its closing edge, then whether it counts.
      if (corners > 2) {
        if ((fy > y) !== (py > y) && x < ((px - fx) * (y - fy)) / (py - fy) + fx) ringInside = !ringInside;
        if (ringInside) inside = !inside;
      }
      ringInside = false;
      corners = 0;
      if (c === undefined || c.op === "Z") continue;
    }
    if (corners === 0) { fx = c.x; fy = c.y; px = c.x; py = c.y; corners = 1; continue; }
    const cx = c.x, cy = c.y;
    if ((cy > y) !== (py > y) && x < ((px - cx) * (y - cy)) / (py - cy) + cx) ringInside = !ringInside;
    px = cx; py = cy;
    corners++;
  }
  return inside;
}
