// Assets stage: a contact sheet of slide pictures, composed with sharp, for reviewing a deck
// without opening it (and for the README's picture).
import sharp from "sharp";

export async function composeContactSheet(pages: readonly string[], outPath: string, columns = 4): Promise<void> {
  if (pages.length === 0) return;
  const first = await sharp(pages[0]!).metadata();
  const tileW = 480;
  const tileH = Math.round((tileW * (first.height ?? 9)) / (first.width ?? 16));
  const gap = 12;
  const rows = Math.ceil(pages.length / columns);
  const tiles = await Promise.all(pages.map((p) => sharp(p).resize(tileW, tileH).png().toBuffer()));
  await sharp({
    create: { width: columns * tileW + (columns + 1) * gap, height: rows * tileH + (rows + 1) * gap, channels: 3, background: "#8A94A0" },
  })
    .composite(tiles.map((input, i) => ({ input, left: gap + (i % columns) * (tileW + gap), top: gap + Math.floor(i / columns) * (tileH + gap) })))
    .png({ compressionLevel: 9, palette: true, quality: 90 })
    .toFile(outPath);
}
