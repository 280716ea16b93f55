// Test helper: the shared deck checks (../shared/tools), run on decks the tests build.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

const TOOLS = resolve("..", "shared", "tools");

/** Runs pptx-check; returns its summary and problem lines. */
export function pptxCheck(...files: string[]): { problems: number; output: string } {
  let output: string;
  try {
    output = execFileSync(resolve(TOOLS, "pptx-check"), ["--quiet", ...files], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    output = String((err as { stdout?: string }).stdout ?? "") + String((err as { stderr?: string }).stderr ?? "");
  }
  const problems = [...output.matchAll(/: (\d+) problems?$/gm)].reduce((a, m) => a + Number(m[1]), 0);
  if (!/problems?$/m.test(output)) throw new Error(`pptx-check did not run:\n${output}`);
  return { problems, output };
}
