// The command line, in-process: exit codes, messages, and nothing lost on failure.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
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
