// Layout stage: geometry of freeform outlines (path commands in inches): whether a point lies inside.

import type { PathCommand } from "../model/layout.js";

/**
 * Whether (x, y) lies inside the outline's closed subpaths, by the even-odd rule (a lake or an
 * enclave inside a country is outside it). Curves are taken as the straight line to their end point.
 */
export function pathContains(path: readonly PathCommand[], x: number, y: number): boolean {
  // One pass, allocating nothing: a ring's crossings are counted as its edges come, and count only
  // when the ring has three corners or more. Each edge is tested with its later point first, as
  // (point, previous point), and the closing edge as (first, last), so the arithmetic is the same
  // whatever order the edges are met in.
  let inside = false;
  let ringInside = false;
  let corners = 0;
  let [fx, fy, px, py] = [0, 0, 0, 0];
  const cross = (xi: number, yi: number, xj: number, yj: number) => {
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) ringInside = !ringInside;
  };
  const close = () => {
    if (corners > 2) { cross(fx, fy, px, py); if (ringInside) inside = !inside; }
    ringInside = false;
    corners = 0;
  };
  for (const c of path) {
    if (c.op === "Z") { close(); continue; }
    if (c.op === "M") close();
    if (corners === 0) { [fx, fy, px, py] = [c.x, c.y, c.x, c.y]; corners = 1; continue; }
    cross(c.x, c.y, px, py);
    [px, py] = [c.x, c.y];
    corners++;
  }
  close();
  return inside;
}
