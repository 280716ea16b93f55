// A package set up when first needed, not when the bundle starts. `bundled` is `() => require("name")`
// written at the call site: in the bundle (CommonJS) esbuild makes that require its own copy of the
// package, set up only when called, so nothing is read or compiled from node_modules. Run from its
// modules (ES modules, as under vitest, where there is no `require`), the package is loaded from
// node_modules by name.
import { createRequire } from "node:module";

export function lazyModule<T>(name: string, bundled: () => unknown): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= (typeof require === "function" ? bundled() : createRequire(import.meta.url)(name)) as T);
}
