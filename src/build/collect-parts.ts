// Build stage: pptxgenjs 4.0.1 always ends write() by zipping its files with JSZip, which the
// package stage would only unzip again. A private output type hands over the files instead:
// JSZip's generateAsync is wrapped once, and every other output type goes to the original.
// pptxgenjs adds each part as a string (XML, or base64 for media); JSZip's own way back to bytes runs
// every part through its worker pipeline, 300 ms on a 1000-slide deck. The strings are kept as they
// are added: XML is handed over as text, which the package stage edits and encodes once when it
// zips; media is decoded from base64; anything else is read back through JSZip.
import JSZip from "jszip";

/** Part names and contents (text or bytes) of the package pptxgenjs assembled. */
export type RawParts = Map<string, Uint8Array | string>;

export const PARTS_OUTPUT = "briefdeck-parts";

/** The strings each zip was given, by part name. */
const added = new WeakMap<JSZip, Map<string, { readonly text: string; readonly base64: boolean }>>();

let installed = false;

export function installPartsOutput(): void {
  if (installed) return;
  installed = true;
  const original = JSZip.prototype.generateAsync;
  JSZip.prototype.generateAsync = function (this: JSZip, options?: JSZip.JSZipGeneratorOptions, onUpdate?: JSZip.OnUpdateCallback) {
    if ((options?.type as string | undefined) !== PARTS_OUTPUT) return original.call(this, options, onUpdate);
    return collect(this) as unknown as ReturnType<typeof original>;
  } as typeof original;
  const file = JSZip.prototype.file as (this: JSZip, ...args: unknown[]) => unknown;
  JSZip.prototype.file = function (this: JSZip, ...args: unknown[]) {
    const [name, data, options] = args as [unknown, unknown, JSZip.JSZipFileOptions | undefined];
    if (typeof name === "string" && typeof data === "string" && !options?.binary && !options?.dir) {
      let strings = added.get(this);
      if (!strings) added.set(this, (strings = new Map()));
      strings.set(name, { text: data, base64: options?.base64 === true });
    } else if (typeof name === "string" && args.length >= 2) {
      added.get(this)?.delete(name);
    }
    return file.apply(this, args);
  } as typeof JSZip.prototype.file;
}

async function collect(zip: JSZip): Promise<RawParts> {
  const parts: RawParts = new Map();
  const strings = added.get(zip);
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const s = strings?.get(name);
    parts.set(name, s ? (s.base64 ? new Uint8Array(Buffer.from(s.text, "base64")) : s.text) : await entry.async("uint8array"));
  }
  return parts;
}
