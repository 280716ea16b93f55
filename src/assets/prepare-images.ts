// Assets stage: images named in the outline are prepared with sharp before they go into the deck:
// SVG rendered to PNG at twice its placed size, raster images scaled to twice their placed size and
// compressed. Results are cached by content hash, and sharp is loaded only on a cache miss.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { extname, isAbsolute, join, relative, resolve } from "node:path";
import { DeckError } from "../errors.js";
import type { PlacedDeck, PlacedImage } from "../model/layout.js";

/** Output pixels per placed inch: twice 96 dpi. */
const PX_PER_IN = 192;
const MAX_IMAGE_BYTES = 32 * 1024 * 1024;

export interface AssetOptions {
  /** Folder the outline's paths are relative to (the outline's own folder). */
  readonly baseDir: string;
  readonly cacheDir: string;
  /** Allow images outside baseDir (--allow-outside). */
  readonly allowOutside?: boolean;
  /** Decode and check every image, but write nothing (--check). */
  readonly checkOnly?: boolean;
}

/** Prepares every image of the deck; returns prepared file paths by outline path. */
export async function prepareImages(deck: PlacedDeck, opts: AssetOptions): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const slide of deck.slides) {
    for (const item of slide.items) {
      if (item.kind === "image" && !out.has(item.path)) out.set(item.path, await prepareImage(item, opts));
    }
  }
  return out;
}

async function prepareImage(img: PlacedImage, opts: AssetOptions): Promise<string> {
  const full = resolve(opts.baseDir, img.path);
  const rel = relative(resolve(opts.baseDir), full);
  if (!opts.allowOutside && (rel.startsWith("..") || isAbsolute(rel))) {
    throw new DeckError({
      code: "ASSET_OUTSIDE_PROJECT", pos: img.pos, message: `the image "${img.path}" is outside the outline's folder`,
      hint: "copy it into the project (e.g. assets/), or pass --allow-outside to allow it",
    });
  }
  let bytes: Buffer;
  try {
    if ((await stat(full)).size > MAX_IMAGE_BYTES) throw new Error("larger than 32 MiB");
    bytes = await readFile(full);
  } catch (cause) {
    throw new DeckError({
      code: "ASSET_NOT_FOUND", pos: img.pos, message: `cannot read the image "${img.path}": ${(cause as Error).message}`, cause,
      hint: "check the path; it is relative to the outline's folder",
    });
  }
  const wPx = Math.round(img.wIn * PX_PER_IN);
  const hPx = Math.round(img.hIn * PX_PER_IN);
  const key = createHash("sha256").update(bytes).update(`${wPx}x${hPx}:v1`).digest("hex").slice(0, 32);
  const cached = join(opts.cacheDir, `${key}.png`);
  if (await stat(cached).then(() => true, () => false)) return cached;

  let png: Buffer;
  try {
    const { default: sharp } = await import("sharp");
    const isSvg = extname(full).toLowerCase() === ".svg";
    png = await sharp(bytes, isSvg ? { density: 192 } : {})
      .resize(wPx, hPx, { fit: "cover" })
      .png({ compressionLevel: 9, adaptiveFiltering: true })
      .toBuffer();
  } catch (cause) {
    throw new DeckError({
      code: "ASSET_UNREADABLE", pos: img.pos, message: `the image "${img.path}" cannot be decoded: ${(cause as Error).message}`, cause,
      hint: "use a valid PNG, JPEG, WebP or SVG file",
    });
  }
  if (opts.checkOnly) return full;
  await mkdir(opts.cacheDir, { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  await writeFile(tmp, png);
  await rename(tmp, cached);
  return cached;
}
