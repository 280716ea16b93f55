// Assets stage: images named in the outline are prepared with sharp before they go into the deck:
// SVG rendered to PNG at twice its placed size, raster images scaled to twice their placed size and
// compressed. Every image must be a regular file whose real path is inside the outline's folder
// (unless --allow-outside). Results are cached by content hash in the per-user cache; an entry is
// data, used only when this user alone could have written it and it is a PNG; sharp is loaded only
// on a cache miss.
import { createHash } from "node:crypto";
import { extname, join, resolve } from "node:path";
import { DeckError } from "../errors.js";
import { imageKey, type PlacedDeck, type PlacedImage } from "../model/layout.js";
import { readRegularFile } from "../parse/read-source.js";
import { cacheDir, readPrivateCacheFile, writePrivateCacheFile } from "../util/cache-dir.js";
import { isInside, realPath } from "../util/inside-folder.js";

/** Output pixels per placed inch: twice 96 dpi. */
const PX_PER_IN = 192;
const MAX_IMAGE_BYTES = 32 * 1024 * 1024;
/** Decoding a small file into a huge bitmap (a "pixel bomb") is refused past this many pixels. */
const MAX_INPUT_PIXELS = 100_000_000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface AssetOptions {
  /** Folder the outline's paths are relative to (the outline's own folder). */
  readonly baseDir: string;
  /** Allow images outside baseDir (--allow-outside). */
  readonly allowOutside?: boolean;
  /** Decode and check every image, but write nothing (--check). */
  readonly checkOnly?: boolean;
}

/** Prepares every image of the deck; returns the PNG bytes by `imageKey` (file, placed size, crop). */
export async function prepareImages(deck: PlacedDeck, opts: AssetOptions): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const slide of deck.slides) {
    for (const item of slide.items) {
      if (item.kind === "image" && !out.has(imageKey(item))) out.set(imageKey(item), await prepareImage(item, opts));
    }
  }
  return out;
}

async function prepareImage(img: PlacedImage, opts: AssetOptions): Promise<Buffer> {
  const full = resolve(opts.baseDir, img.path);
  if (realPath(full) === undefined) {
    throw new DeckError({ code: "ASSET_NOT_FOUND", pos: img.pos, message: `cannot read the image "${img.path}": it does not exist`, hint: "check the path; it is relative to the outline's folder" });
  }
  if (!opts.allowOutside && !isInside(full, [opts.baseDir])) {
    throw new DeckError({
      code: "ASSET_OUTSIDE_PROJECT", pos: img.pos, message: `the image "${img.path}" is outside the outline's folder (or links there)`,
      hint: "copy it into the outline's folder (e.g. assets/), or pass --allow-outside to allow it",
    });
  }
  let bytes: Buffer;
  try {
    bytes = readRegularFile(full, "image", MAX_IMAGE_BYTES);
  } catch (cause) {
    const e = cause as DeckError;
    throw new DeckError({ code: e.code === "FILE_TOO_LARGE" ? "ASSET_UNREADABLE" : e.code === "FILE_NOT_REGULAR" ? "FILE_NOT_REGULAR" : "ASSET_NOT_FOUND", pos: img.pos, message: `cannot read the image "${img.path}": ${e.message}`, hint: e.info?.hint ?? "check the path", cause });
  }
  const isSvg = extname(full).toLowerCase() === ".svg";
  if (isSvg) checkSvgReferences(bytes, img);
  const wPx = Math.round(img.wIn * PX_PER_IN);
  const hPx = Math.round(img.hIn * PX_PER_IN);
  const focus = img.focus ?? "centre";
  const key = createHash("sha256").update(bytes).update(`${wPx}x${hPx}:${focus}:v3`).digest("hex").slice(0, 32);
  const cached = join(cacheDir(), "images", `${key}.png`);
  const hit = readCached(cached);
  if (hit) return hit;

  let png: Buffer;
  try {
    const { default: sharp } = await import("sharp");
    png = await sharp(bytes, { ...(isSvg ? { density: 192 } : {}), limitInputPixels: MAX_INPUT_PIXELS })
      // Cropped to the placed shape: around the centre, or (a picture) around what draws the eye.
      .resize(wPx, hPx, { fit: "cover", position: focus === "attention" ? "attention" : "centre" })
      .png({ compressionLevel: 9, adaptiveFiltering: true })
      .toBuffer();
  } catch (cause) {
    throw new DeckError({
      code: "ASSET_UNREADABLE", pos: img.pos, message: `the image "${img.path}" cannot be decoded: ${(cause as Error).message}`, cause,
      hint: "use a valid PNG, JPEG, WebP or SVG file",
    });
  }
  if (!opts.checkOnly) writeCached(cached, png);
  return png;
}

/**
 * An SVG is drawn from its own bytes only: an image, font or style it links to (a file, a URL) is
 * never loaded, so that part of the picture would be missing. Such a link is an error that names it.
 */
function checkSvgReferences(bytes: Buffer, img: PlacedImage): void {
  const text = bytes.toString("utf8");
  const found = (index: number, target: string): never => {
    const line = text.slice(0, index).split("\n").length;
    const shown = target.trim();
    throw new DeckError({
      code: "ASSET_UNREADABLE", pos: img.pos,
      message: `the SVG "${img.path}" links to "${shown.length > 80 ? `${shown.slice(0, 77)}…` : shown}" (its line ${line}), which is never loaded, so that part of the picture would be missing`,
      hint: "embed what it links to in the SVG itself (as a data: URI), or export the picture as PNG",
    });
  };
  const local = (target: string) => /^\s*(?:#|data:)/i.test(target);
  // Attributes that load something (<image href>, <use xlink:href>, <feImage>), but not a hyperlink (<a href>).
  for (const tag of text.matchAll(/<([A-Za-z][\w:.-]*)\b[^>]*>/g)) {
    if (/^(?:svg:)?a$/i.test(tag[1]!)) continue;
    const attr = /\s(?:xlink:href|href|src)\s*=\s*(["'])([^"']*)\1/i.exec(tag[0]);
    if (attr && !local(attr[2]!)) found(tag.index! + attr.index, attr[2]!);
  }
  for (const m of text.matchAll(/url\(\s*(["']?)([^)"']*)\1\s*\)|@import\s+(?:url\(\s*)?(["'])([^"']+)\3|<!ENTITY\s+\S+\s+(?:SYSTEM|PUBLIC)\s+(["'])([^"']+)\5/gi)) {
    const target = m[2] ?? m[4] ?? m[6] ?? "";
    if (!local(target)) found(m.index!, target);
  }
}

/** A cache entry, if this user alone could have written it and it holds a PNG. */
function readCached(path: string): Buffer | undefined {
  const bytes = readPrivateCacheFile(path, MAX_IMAGE_BYTES);
  return bytes && bytes.subarray(0, 8).equals(PNG_SIGNATURE) ? bytes : undefined;
}

/** Caching is optional: a cache that cannot be written (read-only home) is simply not kept. */
function writeCached(path: string, png: Buffer): void {
  writePrivateCacheFile(path, png);
}

/**
 * An image as a grid of colours, `cols` × `rows`, row by row from the top left (a template's
 * background or a picture on its layouts, for the contrast of text set over it), stretched to the
 * grid as it is stretched over its box; transparent parts take the colour `under`.
 */
export async function sampleColours(bytes: Uint8Array, cols: number, rows: number, under: string): Promise<string[]> {
  const { default: sharp } = await import("sharp");
  const background = { r: parseInt(under.slice(0, 2), 16), g: parseInt(under.slice(2, 4), 16), b: parseInt(under.slice(4, 6), 16) };
  const { data } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).flatten({ background }).resize(cols, rows, { fit: "fill" }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const out: string[] = [];
  for (let i = 0; i < cols * rows; i++) out.push([data[i * 3]!, data[i * 3 + 1]!, data[i * 3 + 2]!].map((c) => c.toString(16).padStart(2, "0")).join("").toUpperCase());
  return out;
}
