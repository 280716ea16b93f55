// The command line, in-process: exit codes, messages, and nothing lost on failure.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type Io } from "../src/cli.js";
import { tempDir } from "./_helpers/build.js";
import { outline } from "./_helpers/outline.js";

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

describe("briefdeck CLI", () => {
  it("builds the shipped deck into --out and reports path, slides and time", async () => {
    const io = capture();
    const dir = tempDir();
    expect(await main(["--out", dir], io)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/✓ wrote .*deck\.pptx {2}\d+ slides {2}\d+\.\d\d s/);
    expect(existsSync(join(dir, "deck.pptx"))).toBe(true);
  });

  it("documents every flag in --help", async () => {
    const io = capture();
    expect(await main(["--help"], io)).toBe(0);
    for (const flag of ["--out", "--templates", "--check", "--strict", "--allow-outside", "--quiet", "--help", "--version"]) {
      expect(io.stdout.join("\n")).toContain(flag);
    }
  });

  it("exits 2 on a bad flag, naming it", async () => {
    const io = capture();
    expect(await main(["--bogus"], io)).toBe(2);
    expect(io.stderr.join("\n")).toContain("--bogus");
  });

  it("exits 1 on a broken outline with a located message and no stack trace; out/ is untouched", async () => {
    const dir = tempDir();
    const out = join(dir, "out");
    mkdirSync(out);
    writeFileSync(join(out, "deck.pptx"), "previous deck");
    const file = join(dir, "broken.yaml");
    writeFileSync(file, outline(`      - layout: bullets
        title: Broken
        notes: One. Two.
        bullets: "not a list"
`));
    const io = capture();
    expect(await main([file, "--out", out], io)).toBe(1);
    const err = io.stderr.join("\n");
    expect(err).toMatch(/broken\.yaml:\d+:\d+ error OUTLINE_TYPE: /);
    expect(err).toContain("hint:");
    expect(err).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
    expect(readFileSync(join(out, "deck.pptx"), "utf8")).toBe("previous deck");
    expect(readdirSync(out)).toEqual(["deck.pptx"]);
  });

  it("exits 1 when the outline does not exist", async () => {
    const io = capture();
    expect(await main(["no-such-outline.yaml", "--out", tempDir()], io)).toBe(1);
    expect(io.stderr.join("\n")).toContain("FILE_NOT_FOUND");
  });

  it("checks without writing under --check", async () => {
    const io = capture();
    const dir = tempDir();
    expect(await main(["--check", "--out", dir], io)).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
    expect(io.stdout.join("\n")).toMatch(/no problems/);
  });

  it("prints errors only under --quiet: no progress, result line or warnings", async () => {
    const dir = tempDir();
    const file = join(dir, "warned.yaml");
    // An audience that must cut a bullet: a warning, printed normally and not under --quiet.
    writeFileSync(file, outline(`      - layout: bullets
        title: Three points
        notes: One. Two.
        bullets: [First, Second, Third]
`) + "audiences:\n  all: { label: All, description: D, default: true, maxBullets: 2 }\n");
    const loud = capture();
    expect(await main([file, "--out", join(dir, "a")], loud)).toBe(0);
    expect(loud.stderr.join("\n")).toContain("CONTENT_CUT");
    const quiet = capture();
    expect(await main([file, "--out", join(dir, "b"), "--quiet"], quiet)).toBe(0);
    expect([...quiet.stdout, ...quiet.stderr]).toEqual([]);
    const broken = capture();
    expect(await main([file, "--out", join(dir, "c"), "--quiet", "--strict"], broken)).toBe(1);
    expect(broken.stderr.join("\n")).toContain("error CONTENT_CUT");
  });

  it("prints its version", async () => {
    const io = capture();
    expect(await main(["--version"], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^briefdeck \d+\.\d+\.\d+$/);
  });
});

describe("nothing is lost", () => {
  it("refuses an outline over the size limit before reading it", async () => {
    const dir = tempDir();
    const file = join(dir, "huge.yaml");
    writeFileSync(file, "# " + "x".repeat(5 * 1024 * 1024));
    const io = capture();
    expect(await main([file, "--out", join(dir, "out")], io)).toBe(1);
    expect(io.stderr.join("\n")).toMatch(/huge\.yaml:1:1 error FILE_TOO_LARGE/);
  });
});

describe("bin/briefdeck.js", () => {
  // A copy of the CLI whose build script only notes that it ran: what sends a run to rebuild.
  it("rebuilds the bundle when a file in src/ is written, added or removed, and only then", () => {
    const dir = tempDir();
    for (const d of ["bin", "dist", "src/util", "scripts"]) mkdirSync(join(dir, d), { recursive: true });
    for (const f of ["bin/briefdeck.js", "bin/package.json", "dist/briefdeck.cjs", "dist/briefdeck.cjs.map"]) writeFileSync(join(dir, f), readFileSync(f));
    writeFileSync(join(dir, "src", "util", "a.ts"), "export {};\n");
    const listing = ["src", "src/util", "src/util/a.ts"];
    writeFileSync(join(dir, "scripts", "build.mjs"), `import { utimesSync, writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(join(dir, "rebuilt"))}, "yes");\nconst t = new Date();\nutimesSync(${JSON.stringify(join(dir, "dist", "briefdeck.cjs"))}, t, t);\n`);
    const run = () => {
      rmSync(join(dir, "rebuilt"), { force: true });
      writeFileSync(join(dir, "dist", "sources.txt"), `${listing.join("\n")}\n`);
      const r = spawnSync(process.execPath, [join(dir, "bin", "briefdeck.js"), "--version"], { cwd: dir, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      return existsSync(join(dir, "rebuilt"));
    };
    const past = new Date(Date.now() - 60_000);
    const setBack = (p: string) => utimesSync(join(dir, p), past, past);
    listing.forEach(setBack);
    expect(run()).toBe(false);
    writeFileSync(join(dir, "src", "util", "a.ts"), "export const x = 1;\n"); // written
    expect(run()).toBe(true);
    expect(run()).toBe(false);
    writeFileSync(join(dir, "src", "util", "b.ts"), "export {};\n"); // added: its folder's time changes
    expect(run()).toBe(true);
    expect(run()).toBe(false);
    rmSync(join(dir, "src", "util", "a.ts")); // removed (and still listed)
    expect(run()).toBe(true);
    // An installed copy without its sources runs its bundle as it is.
    rmSync(join(dir, "src"), { recursive: true });
    expect(run()).toBe(false);
  });
});
