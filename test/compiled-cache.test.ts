// The precompiled-template cache: every template by its source (templates.json), and each build's
// set (templates/<inputs>.js), which a rebuild of the same inputs reads instead.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { CompiledCache } from "../src/render/compiled-cache.js";
import { createEnv } from "../src/render/handlebars-env.js";
import { tempDir } from "./_helpers/build.js";

const SOURCES = ["Hello {{name}}", "{{#if name}}named {{name}}{{/if}}", "{{name}} and {{other}}"];
const compileAll = (cache: CompiledCache, sources: readonly string[], mustNotCompile = false) => {
  const hb = createEnv({ current: {} });
  return sources.map((s) => cache.compile(hb, s, () => { if (mustNotCompile) throw new Error(`compiled "${s}" again`); })({ name: "Ada", other: "Grace" }));
};

describe("precompiled templates", () => {
  it("keeps each build's templates as one set, which a rebuild of the same inputs uses without templates.json", () => {
    const dir = tempDir("briefdeck-cc-");
    const file = join(dir, "templates.json");
    const first = new CompiledCache(file);
    first.begin("outline one");
    expect(compileAll(first, SOURCES)).toEqual(["Hello Ada", "named Ada", "Ada and Grace"]);
    first.save();
    expect(Object.keys(JSON.parse(readFileSync(file, "utf8")))).toHaveLength(3);
    const sets = readdirSync(join(dir, "templates"));
    expect(sets).toHaveLength(1);

    // A rebuild of the same inputs: the set alone serves every template.
    rmSync(file);
    const again = new CompiledCache(file);
    again.begin("outline one");
    expect(compileAll(again, SOURCES, true)).toEqual(["Hello Ada", "named Ada", "Ada and Grace"]);
    again.save();
    expect(existsSync(file)).toBe(false);
  });

  it("serves other inputs from templates.json, and a set grows with what later builds of its inputs use", () => {
    const dir = tempDir("briefdeck-cc-");
    const file = join(dir, "templates.json");
    const first = new CompiledCache(file);
    first.begin("outline one");
    compileAll(first, SOURCES.slice(0, 2));
    first.save();

    // Other inputs: no set yet, every template already in templates.json.
    const other = new CompiledCache(file);
    other.begin("outline two");
    expect(compileAll(other, SOURCES.slice(0, 2), true)).toEqual(["Hello Ada", "named Ada"]);
    other.save();
    expect(readdirSync(join(dir, "templates"))).toHaveLength(2);

    // The first inputs again, using one template more (another audience of the outline): the set gains it.
    const more = new CompiledCache(file);
    more.begin("outline one");
    expect(compileAll(more, SOURCES)).toEqual(["Hello Ada", "named Ada", "Ada and Grace"]);
    more.save();
    rmSync(file);
    const last = new CompiledCache(file);
    last.begin("outline one");
    expect(compileAll(last, SOURCES, true)).toEqual(["Hello Ada", "named Ada", "Ada and Grace"]);
  });

  it("compiles again what an unreadable set or entry file would have given", () => {
    const dir = tempDir("briefdeck-cc-");
    const file = join(dir, "templates.json");
    const first = new CompiledCache(file);
    first.begin("outline one");
    compileAll(first, SOURCES);
    first.save();
    for (const name of readdirSync(join(dir, "templates"))) writeFileSync(join(dir, "templates", name), "return {", { mode: 0o600 });
    writeFileSync(file, "{", { mode: 0o600 });
    const again = new CompiledCache(file);
    again.begin("outline one");
    let compiled = 0;
    const hb = createEnv({ current: {} });
    expect(SOURCES.map((s) => again.compile(hb, s, () => { compiled++; })({ name: "Ada", other: "Grace" }))).toEqual(["Hello Ada", "named Ada", "Ada and Grace"]);
    expect(compiled).toBe(3);
  });

  it("runs a rebuild's set from V8's code cache, which is code too: used only when this user alone could have written it", () => {
    const dir = tempDir("briefdeck-cc-");
    const file = join(dir, "templates.json");
    // Each build in a process of its own, as the CLI runs: within one, V8 reuses what it compiled before.
    const child = `import { CompiledCache } from ${JSON.stringify(pathToFileURL("dist/src/render/compiled-cache.js").href)};
      import { createEnv } from ${JSON.stringify(pathToFileURL("dist/src/render/handlebars-env.js").href)};
      const c = new CompiledCache(process.argv[1]);
      c.begin("outline one");
      const hb = createEnv({ current: {} });
      const out = ${JSON.stringify(SOURCES)}.map((s) => c.compile(hb, s, () => {})({ name: "Ada", other: "Grace" }));
      c.save();
      process.stdout.write(JSON.stringify(out));`;
    const build = () => JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", child, file], { encoding: "utf8" })) as string[];
    build(); // the set is written
    build(); // the set is read, and its code cache written once its templates have run
    const folder = join(dir, "templates");
    const set = readdirSync(folder).find((n) => n.endsWith(".js"))!;
    const code = readFileSync(join(folder, set), "utf8");
    const cacheFile = join(folder, `${createHash("sha1").update(code).digest("base64url")}.v8`);
    expect(readdirSync(folder).sort()).toEqual([set, cacheFile.split("/").pop()].sort());
    expect(build()).toEqual(["Hello Ada", "named Ada", "Ada and Grace"]);

    // V8 takes a code cache made for any source of the same length: one made from other code runs that code.
    expect(code).toContain('"Hello "');
    const other = code.replace('"Hello "', '"Howdy "');
    const script = new Script(`(function () {\n${other}\n})`, { filename: join(folder, set) });
    const specs = (script.runInThisContext() as () => Record<string, object>)();
    const hb = createEnv({ current: {} });
    for (const spec of Object.values(specs)) hb.template(spec as never)({ name: "Ada", other: "Grace" });
    writeFileSync(cacheFile, script.createCachedData(), { mode: 0o666 });
    chmodSync(cacheFile, 0o666);
    expect(build()[0]).toBe("Hello Ada");
    // The control: the same file, private to this user, is used (so the check above can fail).
    writeFileSync(cacheFile, script.createCachedData(), { mode: 0o600 });
    chmodSync(cacheFile, 0o600);
    expect(build()[0]).toBe("Howdy Ada");
  });
});
