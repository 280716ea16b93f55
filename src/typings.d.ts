// Ambient declarations for packages that ship no types of their own.

// hyphen has no `exports` map (ESM needs the file's path) and builds its exports at run time (only a
// default import works).
declare module "hyphen/en-gb/index.js" {
  const hyphen: {
    /** Inserts `hyphenChar` (default U+00AD) at every hyphenation point of en-GB (TeX patterns). */
    hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number; exceptions?: string[] }): string;
  };
  export default hyphen;
}
