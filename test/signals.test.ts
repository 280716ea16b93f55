// Signals stop a build at once, whatever it is doing, and lose nothing. Before its write stage a run
// has written nothing, and a signal ends it outright, even in the middle of a long computation (held
// there by BRIEFDECK_TEST_PAUSE_AT=build, a wait that blocks the thread). In the write stage the run
// is held between staging its files and renaming them into place (BRIEFDECK_TEST_PAUSE_MS), so the
// signal arrives while temporary files exist, and the run must undo them.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./_helpers/build.js";
import { openPptx } from "./_helpers/pptx.js";

function setUp() {
  const dir = tempDir();
  const out = join(dir, "out");
  mkdirSync(out);
  writeFileSync(join(out, "deck.pptx"), "previous deck");
  writeFileSync(join(out, "notes.txt"), "a file of the user's");
  return { dir, out };
}

function start(out: string, pauseMs: number, extra: string[] = [], pauseAt = "staged") {
  const child = spawn(process.execPath, ["bin/briefdeck.js", "deck.yaml", "--out", out, ...extra], {
    stdio: "pipe", env: { ...process.env, BRIEFDECK_TEST_PAUSE_MS: String(pauseMs), BRIEFDECK_TEST_PAUSE_AT: pauseAt },
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => { stderr += d.toString(); });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on("exit", (code, signal) => r({ code, signal })));
  return { child, exit, stderr: () => stderr };
}

/** Waits until the build has staged its temporary deck (or set the previous one aside) in `out`. */
async function staged(child: ChildProcess, out: string, kind: "tmp" | "old" = "tmp"): Promise<string> {
  const name = `.deck.pptx.${child.pid}.${kind}`;
  for (let waited = 0; waited < 30_000; waited += 25) {
    if (existsSync(join(out, name))) return name;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${name} never appeared`);
}

describe("signals during the build", () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`${signal} in the middle of a long computation ends the run at once, with out/ as it was`, async () => {
      const { out } = setUp();
      const before = readdirSync(out).sort();
      const run = start(out, 20_000, [], "build");
      for (let waited = 0; !run.stderr().includes("held for a test (build)"); waited += 25) {
        if (waited > 30_000) throw new Error("the build never reached its hold");
        await new Promise((r) => setTimeout(r, 25));
      }
      const sentAt = performance.now();
      run.child.kill(signal);
      const { signal: ended } = await run.exit;
      expect(performance.now() - sentAt).toBeLessThan(2_000); // the 20 s computation did not finish first
      expect(ended).toBe(signal); // the default action: nothing on disk to undo
      expect(readdirSync(out).sort()).toEqual(before);
      expect(readFileSync(join(out, "deck.pptx"), "utf8")).toBe("previous deck");
    });
  }
});

describe("signals during the write", () => {
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    it(`${signal} exits ${code} with out/ exactly as it was and no temporary file`, async () => {
      const { out } = setUp();
      const run = start(out, 20_000);
      await staged(run.child, out);
      const sentAt = performance.now();
      run.child.kill(signal);
      const { code: exitCode } = await run.exit;
      expect(performance.now() - sentAt).toBeLessThan(5_000); // well before the 20 s pause ends
      expect(exitCode).toBe(code);
      expect(run.stderr()).toContain("interrupted");
      expect(readdirSync(out).sort()).toEqual(["deck.pptx", "notes.txt"]);
      expect(readFileSync(join(out, "deck.pptx"), "utf8")).toBe("previous deck");
    });
  }

  it("after SIGKILL, the next build removes the temporary file it left and writes the deck", async () => {
    const { out } = setUp();
    const run = start(out, 20_000);
    const tmp = await staged(run.child, out);
    run.child.kill("SIGKILL");
    expect((await run.exit).signal).toBe("SIGKILL");
    expect(readdirSync(out)).toContain(tmp); // nothing can clean up after SIGKILL...
    expect(readFileSync(join(out, "deck.pptx"), "utf8")).toBe("previous deck");
    const again = start(out, 0);
    expect((await again.exit).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["deck.pptx", "notes.txt"]); // ...but the next build does
    expect(openPptx(join(out, "deck.pptx")).slideCount()).toBeGreaterThan(10);
  });

  for (const pauseAt of ["staged", "replaced"]) {
    it(`with --all, Ctrl-C ${pauseAt === "staged" ? "before the commit" : "after the first deck was replaced"} leaves every deck as it was`, async () => {
      const { out } = setUp();
      const first = start(out, 0, ["--all"]);
      expect((await first.exit).code).toBe(0);
      writeFileSync(join(out, "deck.pptx"), "previous deck"); // so a deck put back is told from a new one
      const snapshot = () => Object.fromEntries(readdirSync(out).sort().map((n) => [n, readFileSync(join(out, n)).toString("base64")]));
      const before = snapshot();
      expect(Object.keys(before).filter((n) => n.endsWith(".pptx")).length).toBeGreaterThan(1);
      const run = start(out, 20_000, ["--all"], pauseAt);
      await staged(run.child, out, pauseAt === "staged" ? "tmp" : "old");
      if (pauseAt === "replaced") expect(readFileSync(join(out, "deck.pptx"), "utf8")).not.toBe("previous deck");
      run.child.kill("SIGINT");
      expect((await run.exit).code).toBe(130);
      expect(snapshot()).toEqual(before);
    });
  }
});

describe("a reader that stops reading", () => {
  it("(`npm run deck | head -1`) neither crashes the build nor stops the deck being written", async () => {
    const { out } = setUp();
    const child = spawn(process.execPath, ["bin/briefdeck.js", "deck.yaml", "--out", out, "--verbose"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => { stderr += d.toString(); });
    // Closed before the first line arrives: every write to stdout then fails with EPIPE.
    child.stdout!.destroy();
    const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|internal error/);
    expect(code).toBe(0);
    expect(openPptx(join(out, "deck.pptx")).slideCount()).toBeGreaterThan(20);
  });
});
