// Paths the build reads must stay inside the outline's folder (or the built-ins): resolved to their
// real path first, so a symlink planted in a shared folder cannot reach a file elsewhere.
import { realpathSync } from "node:fs";
import { relative, sep, isAbsolute } from "node:path";

/** The real path of `path`, or undefined when it does not exist. */
export function realPath(path: string): string | undefined {
  try { return realpathSync(path); } catch { return undefined; }
}

/** Whether `path` (resolved) lies in one of `folders` (resolved). */
export function isInside(path: string, folders: readonly string[]): boolean {
  const real = realPath(path);
  if (real === undefined) return false;
  return folders.some((folder) => {
    const root = realPath(folder);
    if (root === undefined) return false;
    const rel = relative(root, real);
    // "..assets/x.png" is inside; "../x.png" is not.
    return rel === "" || (!isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`));
  });
}
