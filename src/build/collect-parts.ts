// Build stage: pptxgenjs 4.0.1 always ends write() by zipping its files with JSZip, which the
// package stage would only unzip again. A private output type hands over the files instead:
// JSZip's generateAsync is wrapped once, and every other output type goes to the original.
import JSZip from "jszip";

/** Part names and bytes of the package pptxgenjs assembled. */
export type RawParts = Map<string, Uint8Array>;

export const PARTS_OUTPUT = "briefdeck-parts";

let installed = false;

export function installPartsOutput(): void {
  if (installed) return;
  installed = true;
  const original = JSZip.prototype.generateAsync;
  JSZip.prototype.generateAsync = function (this: JSZip, options?: JSZip.JSZipGeneratorOptions, onUpdate?: JSZip.OnUpdateCallback) {
    if ((options?.type as string | undefined) !== PARTS_OUTPUT) return original.call(this, options, onUpdate);
    return collect(this) as unknown as ReturnType<typeof original>;
  } as typeof original;
}

async function collect(zip: JSZip): Promise<RawParts> {
  const parts: RawParts = new Map();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) parts.set(name, await entry.async("uint8array"));
  }
  return parts;
}
