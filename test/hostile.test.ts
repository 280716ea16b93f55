// Hostile outline folders (issue #18): an outline's folder is data. Nothing from it runs, nothing
// outside it is read, work is bounded, special files are refused, every fault is a located user error
// (never exit 70), and a failed build leaves out/ exactly as it was.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { main, type Io } from "../src/cli.js";
import { tempDir } from "./_helpers/build.js";
import { openPptx } from "./_helpers/pptx.js";

const BASE = `deck:
  title: Harbour dues review
  author: Port authority
  date: "2026-01-15"
sources:
  - { id: tariff, title: Harbour dues tariff, publisher: Port authority }
sections:
  - id: a
    title: Dues
    divider: false
    slides:
      - { layout: bullets, title: Dues rise for large ships, notes: "One. Two.", source: tariff, bullets: [Larger ships pay more per tonne, Small craft are exempt] }
`;

function capture(): Io & { stdout: string[]; stderr: string[]; all: () => string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), all: () => [...stdout, ...stderr].join("\n") };
}

/** A folder with the outline and an out/ holding a previous deck and a file of the user's. */
function folder(outline = BASE) {
  const dir = tempDir("briefdeck-hostile-");
  writeFileSync(join(dir, "deck.yaml"), outline);
  const out = join(dir, "out");
  mkdirSync(out);
  writeFileSync(join(out, "deck.pptx"), "previous deck");
  writeFileSync(join(out, "notes.txt"), "the user's own file");
  const snapshot = () => Object.fromEntries(readdirSync(out).sort().map((n) => [n, readFileSync(join(out, n)).toString("base64")]));
  const before = snapshot();
  return { dir, out, outline: join(dir, "deck.yaml"), unchanged: () => expect(snapshot()).toEqual(before) };
}

async function run(args: string[]) {
  const io = capture();
  const code = await main(args, io);
  return { code, text: io.all() };
}

/** A failure: the exit code, a located message with the code and a hint, no stack trace, out/ untouched. */
async function expectUserError(f: ReturnType<typeof folder>, args: string[], code: string, exit = 1) {
  const r = await run([f.outline, "--out", f.out, ...args]);
  expect(r.code, r.text).toBe(exit);
  expect(r.text).toContain(code);
  expect(r.text).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
  f.unchanged();
  return r.text;
}

const png = (color: string) => sharp({ create: { width: 40, height: 30, channels: 3, background: color } }).png().toBuffer();

describe("1. nothing from the folder is executed", () => {
  it("ignores a planted .briefdeck-cache/templates.json, on a build and on --check", async () => {
    const f = folder();
    const marker = join(f.dir, "PWNED");
    const payload = `require("fs").writeFileSync(${JSON.stringify(marker)}, "ran")`;
    mkdirSync(join(f.dir, ".briefdeck-cache"));
    writeFileSync(join(f.dir, ".briefdeck-cache", "templates.json"), JSON.stringify({ version: 1, entries: { bullets: payload, "bullets.hbs": `function(){${payload}}` } }));
    expect((await run([f.outline, "--out", f.out])).code).toBe(0);
    expect((await run([f.outline, "--check"])).code).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it("turns text into code in one place only: the precompiled-template cache", () => {
    const files = execFileSync("grep", ["-rlE", String.raw`new Function\(|\beval\(|runInThisContext|runInNewContext|compileFunction`, "src"], { encoding: "utf8" }).trim().split("\n").sort();
    // The other file reads V8's collector function by its name, a constant: no text becomes code there.
    expect(files).toEqual(["src/render/compiled-cache.ts", "src/util/collect-garbage.ts"]);
    const uses = readFileSync("src/util/collect-garbage.ts", "utf8").match(/new Function\(|\beval\(|runInThisContext\([^)]*\)|runInNewContext\([^)]*\)|compileFunction/g);
    expect(uses).toEqual(['runInNewContext("gc")']);
  });

  it("uses that cache only when this user alone could have written it", async () => {
    const cache = tempDir("briefdeck-cache-");
    const saved = process.env["BRIEFDECK_CACHE_DIR"];
    process.env["BRIEFDECK_CACHE_DIR"] = cache;
    const g = globalThis as { __briefdeckPlanted?: number };
    try {
      const f = folder();
      expect((await run([f.outline, "--out", f.out])).code).toBe(0);
      // Both kinds of file hold code: every template (templates.json) and each build's set (templates/*.js).
      const entries = join(cache, "templates.json");
      const sets = readdirSync(join(cache, "templates")).map((n) => join(cache, "templates", n));
      expect(sets.length).toBe(1);
      const mark = "(globalThis.__briefdeckPlanted = (globalThis.__briefdeckPlanted ?? 0) + 1, {})";
      const keys = Object.keys(JSON.parse(readFileSync(entries, "utf8")));
      const planted = new Map<string, string>([
        [entries, JSON.stringify(Object.fromEntries(keys.map((k) => [k, mark])))],
        ...sets.map((s) => [s, `return {${keys.map((k) => `${JSON.stringify(k)}: ${mark}`).join(",")}};`] as [string, string]),
      ]);
      const files = [...planted.keys()];
      const plant = (mode: number) => { for (const [file, text] of planted) { writeFileSync(file, text, { mode }); chmodSync(file, mode); } };
      for (const [what, prepare] of [
        ["writable by others", () => plant(0o666)],
        ["owned by another user", () => { plant(0o600); for (const file of files) chownSync(file, 65534, 65534); }],
        ["a link", () => {
          for (const [file, text] of planted) { const target = `${file}.elsewhere`; writeFileSync(target, text, { mode: 0o600 }); rmSync(file, { force: true }); symlinkSync(target, file); }
        }],
        ["in a folder writable by others", () => { for (const file of files) rmSync(file, { force: true }); plant(0o600); chmodSync(cache, 0o777); chmodSync(join(cache, "templates"), 0o777); }],
      ] as const) {
        prepare();
        g.__briefdeckPlanted = 0;
        const r = await run([f.outline, "--out", f.out]);
        expect(g.__briefdeckPlanted, what).toBe(0);
        expect(r.code, what).toBe(0);
        chmodSync(cache, 0o700);
        chmodSync(join(cache, "templates"), 0o700);
        for (const file of [...files, ...readdirSync(join(cache, "templates")).map((n) => join(cache, "templates", n))]) rmSync(file, { force: true });
      }
      // The controls: the same files, private to this user, are used (so the checks above can fail):
      // the set first, and templates.json when there is no set.
      for (const only of [sets[0]!, entries]) {
        for (const file of readdirSync(join(cache, "templates")).map((n) => join(cache, "templates", n))) rmSync(file, { force: true });
        plant(0o600);
        if (only === entries) for (const s of sets) rmSync(s, { force: true });
        g.__briefdeckPlanted = 0;
        await run([f.outline, "--out", f.out]);
        expect(g.__briefdeckPlanted, only).toBeGreaterThan(0);
      }
    } finally {
      delete g.__briefdeckPlanted;
      if (saved === undefined) delete process.env["BRIEFDECK_CACHE_DIR"]; else process.env["BRIEFDECK_CACHE_DIR"] = saved;
    }
  });
});

describe("2. nothing from outside the folder without --allow-outside", () => {
  it("never reads a planted cache entry: caches live in the user's own cache folder", async () => {
    const f = folder(BASE.replace("deck:\n", "deck:\n  cover: cover.png\n  coverAlt: A quay\n").replace("divider: false\n    slides:\n", "divider: false\n    slides:\n      - { layout: title, title: Harbour dues, notes: \"One. Two.\" }\n"));
    writeFileSync(join(f.dir, "cover.png"), await png("#225588"));
    const secret = join(tempDir(), "secret.png");
    writeFileSync(secret, await png("#FF00FF"));
    mkdirSync(join(f.dir, ".briefdeck-cache"));
    for (const name of ["a.png", "0".repeat(64) + ".png"]) symlinkSync(secret, join(f.dir, ".briefdeck-cache", name));
    expect((await run([f.outline, "--out", f.out])).code).toBe(0);
    const media = Object.entries(openPptx(join(f.out, "deck.pptx")).files).filter(([n]) => n.startsWith("ppt/media/"));
    expect(media).toHaveLength(1);
    const { data } = await sharp(Buffer.from(media[0]![1])).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]]).toEqual([0x22, 0x55, 0x88]);
  });

  it("refuses an image that is a link to a file outside, unless --allow-outside", async () => {
    const outside = join(tempDir(), "outside.png");
    writeFileSync(outside, await png("#FF00FF"));
    const yaml = BASE.replace("deck:\n", "deck:\n  cover: assets/pic.png\n  coverAlt: A quay\n").replace("divider: false\n    slides:\n", "divider: false\n    slides:\n      - { layout: title, title: Harbour dues, notes: \"One. Two.\" }\n");
    const f = folder(yaml);
    mkdirSync(join(f.dir, "assets"));
    symlinkSync(outside, join(f.dir, "assets", "pic.png"));
    const text = await expectUserError(f, [], "ASSET_OUTSIDE_PROJECT");
    expect(text).toMatch(/deck\.yaml:\d+:\d+/);
    expect(text).toContain("--allow-outside");
    expect((await run([f.outline, "--out", f.out, "--allow-outside"])).code).toBe(0);
  });

  it("refuses a partial that is a link to a file outside, without showing that file's text", async () => {
    const secretFile = join(tempDir(), "secret.txt");
    writeFileSync(secretFile, "TOP-SECRET-PASSPHRASE");
    const f = folder();
    mkdirSync(join(f.dir, "templates", "partials"), { recursive: true });
    symlinkSync(secretFile, join(f.dir, "templates", "partials", "footer.hbs"));
    const text = await expectUserError(f, [], "ASSET_OUTSIDE_PROJECT");
    expect(text).not.toContain("TOP-SECRET");
  });

  it("refuses a theme that is a link to a file outside", async () => {
    const theme = join(tempDir(), "stolen.json");
    writeFileSync(theme, readFileSync("assets/themes/default.json"));
    const f = folder(BASE.replace("deck:\n", "deck:\n  theme: stolen\n"));
    mkdirSync(join(f.dir, "assets", "themes"), { recursive: true });
    symlinkSync(theme, join(f.dir, "assets", "themes", "stolen.json"));
    await expectUserError(f, [], "ASSET_OUTSIDE_PROJECT");
  });

  it("takes a folder whose name starts with two dots as inside", async () => {
    const f = folder(BASE.replace("deck:\n", "deck:\n  cover: ..assets/ok.png\n  coverAlt: A quay\n").replace("divider: false\n    slides:\n", "divider: false\n    slides:\n      - { layout: title, title: Harbour dues, notes: \"One. Two.\" }\n"));
    mkdirSync(join(f.dir, "..assets"));
    writeFileSync(join(f.dir, "..assets", "ok.png"), await png("#336699"));
    const r = await run([f.outline, "--out", f.out]);
    expect(r.code, r.text).toBe(0);
  });
});

describe("3. bounded work", () => {
  it("stops twelve nested {{#each}} over the whole deck, naming the limit", async () => {
    const f = folder();
    mkdirSync(join(f.dir, "templates"));
    const nest = "{{#each @root.deck}}".repeat(12) + "x" + "{{/each}}".repeat(12);
    writeFileSync(join(f.dir, "templates", "bullets.hbs"), readFileSync("src/layouts/bullets/bullets.hbs", "utf8").replace("{{> notes}}", `{{> notes}}${nest}`));
    const text = await expectUserError(f, [], "TEMPLATE_LIMIT");
    expect(text).toMatch(/bullets\.hbs:\d+:\d+/);
  });

  it("refuses {{pad 1 400000000}} at its place in the outline", async () => {
    const f = folder(BASE.replace("title: Dues rise for large ships", 'title: "Dues {{pad 1 400000000}}"'));
    const text = await expectUserError(f, [], "TEMPLATE_HELPER");
    expect(text).toMatch(/deck\.yaml:12:\d+/);
  });

  it("stops an alias bomb before it expands, and says how to raise the limit", async () => {
    const levels = Array.from({ length: 29 }, (_, i) => `x${i + 1}: &a${i + 1} [*a${i}, *a${i}]`).join("\n");
    const f = folder(`${BASE.split("sections:")[0]}x0: &a0 [{ layout: bullets, title: T, notes: "One. Two.", bullets: [a] }]\n${levels}\nsections:\n  - { id: a, title: A, divider: false, slides: *a29 }\n`);
    const text = await expectUserError(f, [], "YAML_ALIAS_LIMIT");
    expect(text).toContain("--max-values");
  });

  it("refuses more slides than --max-slides (default 3000), and builds them when it is raised", async () => {
    const slide = '      - { layout: bullets, title: "Point NN", notes: "One. Two.", source: tariff, bullets: [A point] }\n';
    const many = (n: number) => BASE + Array.from({ length: n }, (_, i) => slide.replace("NN", String(i))).join("");
    const f = folder(many(3001));
    const text = await expectUserError(f, [], "OUTLINE_SHAPE");
    expect(text).toContain("--max-slides");
    const g = folder(many(5));
    await expectUserError(g, ["--max-slides", "4"], "--max-slides");
    expect((await run([g.outline, "--out", g.out, "--max-slides", "10"])).code).toBe(0);
    expect(openPptx(join(g.out, "deck.pptx")).slideCount()).toBeGreaterThanOrEqual(6);
  });
});

describe("5. only regular files are read", () => {
  const cli = (args: string[], input?: Buffer) => spawnSync(process.execPath, ["bin/briefdeck.js", ...args], { input, encoding: "utf8", timeout: 30_000 });

  it("refuses an outline that is a FIFO, /dev/zero or a pipe, at once", () => {
    const f = folder();
    const fifo = join(f.dir, "fifo.yaml");
    execFileSync("mkfifo", [fifo]);
    for (const [outline, input] of [[fifo, undefined], ["/dev/zero", undefined], ["/dev/stdin", Buffer.alloc(5 * 1024 * 1024, 35)]] as const) {
      const r = cli([outline, "--out", f.out], input);
      expect(r.status, `${outline}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toContain("FILE_NOT_REGULAR");
      expect(r.stderr).toContain(outline);
    }
    f.unchanged();
  });

  it("refuses an image that is a FIFO, at its place in the outline", async () => {
    const f = folder(BASE.replace("deck:\n", "deck:\n  cover: img.png\n  coverAlt: A quay\n").replace("divider: false\n    slides:\n", "divider: false\n    slides:\n      - { layout: title, title: Harbour dues, notes: \"One. Two.\" }\n"));
    execFileSync("mkfifo", [join(f.dir, "img.png")]);
    const text = await expectUserError(f, [], "FILE_NOT_REGULAR");
    expect(text).toMatch(/deck\.yaml:2:\d+/);
  });
});

describe("6. user errors are user errors, never exit 70", () => {
  for (const [what, date] of [["month 13", "2026-13-01"], ["a date before 1980", "1979-12-31"], ["a date after 2107", "2150-01-01"], ["February 31st", "2026-02-31"]]) {
    it(`refuses ${what} at deck.date`, async () => {
      const f = folder(BASE.replace('"2026-01-15"', `"${date}"`));
      const text = await expectUserError(f, [], "INVALID_DATE");
      expect(text).toMatch(/deck\.yaml:4:\d+/);
    });
  }

  it("takes SOURCE_DATE_EPOCH=0 as a usage error (exit 2)", async () => {
    const f = folder();
    const before = process.env["SOURCE_DATE_EPOCH"];
    process.env["SOURCE_DATE_EPOCH"] = "0";
    try { await expectUserError(f, [], "SOURCE_DATE_EPOCH", 2); } finally {
      if (before === undefined) delete process.env["SOURCE_DATE_EPOCH"]; else process.env["SOURCE_DATE_EPOCH"] = before;
    }
  });

  it("refuses --out that is a file, /dev/null or empty", async () => {
    const f = folder();
    expect((await run([f.outline, "--out", join(f.out, "notes.txt")])).code).toBe(1);
    expect((await run([f.outline, "--out", "/dev/null"])).code).toBe(1);
    expect((await run([f.outline, "--out", ""])).code).toBe(2);
    f.unchanged();
    expect(readFileSync("/dev/null", "utf8")).toBe("");
  });

  it("refuses an audience file name that is too long or holds a NUL, at its place", async () => {
    for (const name of ["x".repeat(300) + ".pptx", "bad\\0name.pptx", "../escape.pptx", ".hidden.pptx"]) {
      const f = folder(`${BASE}audiences:\n  a: { label: A, description: D, file: "${name}" }\n`);
      const text = await expectUserError(f, [], "OUTLINE_");
      expect(text).toMatch(/deck\.yaml:\d+:\d+/);
    }
  });

  it("builds from a folder it cannot write to, and writes nothing there", async () => {
    const f = folder(BASE.replace("deck:\n", "deck:\n  cover: cover.png\n  coverAlt: A quay\n").replace("divider: false\n    slides:\n", "divider: false\n    slides:\n      - { layout: title, title: Harbour dues, notes: \"One. Two.\" }\n"));
    writeFileSync(join(f.dir, "cover.png"), await png("#123456"));
    const listing = readdirSync(f.dir).sort();
    const other = tempDir();
    chmodSync(f.dir, 0o555);
    try {
      expect((await run([f.outline, "--out", other])).code).toBe(0);
    } finally { chmodSync(f.dir, 0o755); }
    expect(readdirSync(f.dir).sort()).toEqual(listing);
  });
});

describe("7. no corrupt deck with exit 0", () => {
  for (const font of ["Gill Sans & Co", "Evil<Font>", 'Quote"d']) {
    it(`refuses the theme font ${JSON.stringify(font)} at its place in the theme`, async () => {
      const f = folder(BASE.replace("deck:\n", "deck:\n  theme: mine\n"));
      mkdirSync(join(f.dir, "assets", "themes"), { recursive: true });
      const theme = JSON.parse(readFileSync("assets/themes/default.json", "utf8"));
      writeFileSync(join(f.dir, "assets", "themes", "mine.json"), JSON.stringify({ ...theme, fonts: { heading: font, body: "Calibri" } }, null, 2));
      const text = await expectUserError(f, [], "OUTLINE_SHAPE");
      expect(text).toMatch(/mine\.json:\d+:\d+/);
    });
  }

  it("refuses a figure that is not finite once scaled", async () => {
    const f = folder(BASE.replace("sections:", 'figures:\n  big: { value: 1e308, scale: trillion, unit: USD, period: "2024", label: Big, source: tariff }\nsections:')
      .replace("bullets: [Larger", 'chart: { title: "Dues (USD trillion)", figures: [big] }, x: [Larger').replace("layout: bullets", "layout: chart").replace(", x: [Larger ships pay more per tonne, Small craft are exempt]", ""));
    const text = await expectUserError(f, [], "OUTLINE_TYPE");
    expect(text).toMatch(/deck\.yaml:\d+:\d+/);
  });
});

describe("8. a failed build leaves out/ as it was", () => {
  it("--strict with a warning", async () => {
    const f = folder(`${BASE}audiences:\n  all: { label: All, description: D, default: true }\n  short: { label: Short, description: D, maxBullets: 1 }\n`);
    await expectUserError(f, ["--strict", "--all"], "CONTENT_CUT");
  });

  it("--all when the second audience fails", async () => {
    const f = folder(BASE.replace("title: Dues rise for large ships", 'title: "Dues rise {{audience.vars.word}}"')
      + "audiences:\n  first: { label: First, description: D, default: true, vars: { word: sharply } }\n  second: { label: Second, description: D }\n");
    await expectUserError(f, ["--all"], "TEMPLATE_FIELD_MISSING");
  });

  it("--pdf when LibreOffice is missing", async () => {
    const f = folder();
    const path = process.env["PATH"];
    process.env["PATH"] = "/nonexistent";
    try { await expectUserError(f, ["--pdf"], "TOOL_MISSING"); } finally { process.env["PATH"] = path; }
  });
});

describe("9. internal errors are readable", () => {
  it("ship a source map, so an internal error's stack names src/ files and functions", () => {
    const dir = tempDir();
    const fault = join(dir, "fault.cjs");
    writeFileSync(fault, 'require("node:zlib").deflateRawSync = () => { throw new TypeError("planted fault"); };\n');
    const r = spawnSync(process.execPath, ["-r", fault, "bin/briefdeck.js", "--out", join(dir, "out")], { encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(70);
    expect(r.stderr).toContain("internal error");
    expect(r.stderr).toMatch(/at writeZip \(src\/package\/zip-io\.ts:\d+:\d+\)/);
    // The bundle keeps no names; the source map gives them back, await or not.
    expect(r.stderr).toMatch(/at packageDeck \(src\/package\/package-deck\.ts:\d+:\d+\)\n\s+at buildFor \(src\/build-deck\.ts:\d+:\d+\)\n\s+at async buildDeck \(src\/build-deck\.ts/);
    expect(r.stderr.length).toBeLessThan(5_000);
    expect(existsSync(join(dir, "out", "deck.pptx"))).toBe(false);
  });
});
