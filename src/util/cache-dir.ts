// Where briefdeck keeps its caches (prepared images, precompiled templates): a per-user folder, never
// the outline's own folder, which travels between people and must hold data only.
import { homedir } from "node:os";
import { join } from "node:path";

/** $BRIEFDECK_CACHE_DIR, else $XDG_CACHE_HOME/briefdeck, else ~/.cache/briefdeck. */
export function cacheDir(): string {
  const own = process.env["BRIEFDECK_CACHE_DIR"];
  if (own) return own;
  const xdg = process.env["XDG_CACHE_HOME"];
  return join(xdg && xdg.startsWith("/") ? xdg : join(homedir(), ".cache"), "briefdeck");
}
