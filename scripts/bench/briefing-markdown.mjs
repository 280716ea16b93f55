// The shipped briefing as pandoc's Markdown, for the pandoc comparison in npm run bench: the same
// slides with the same text as briefdeck puts on them (titles, every text box, tables as text,
// speaker notes as ::: notes), read from the deck briefdeck lays out. Charts and maps have no
// Markdown form: pandoc gets their titles and alt text, so it writes no less text than briefdeck.
// Usage: node scripts/bench/briefing-markdown.mjs OUTLINE.yaml OUT.md
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { buildDeck } = await import(join(root, "dist", "src", "build-deck.js"));
const [outline = join(root, "deck.yaml"), out = "briefing.md"] = process.argv.slice(2);
const built = await buildDeck({ outline, outDir: join(root, "out"), checkOnly: true });

const text = (t) => t.paragraphs.map((p) => p.runs.map((r) => r.text).join("")).join("\n");
const lines = [`---\ntitle: "${built.placed.title.replace(/"/g, '\\"')}"\nauthor: "${built.placed.author}"\n---\n`];
for (const slide of built.placed.slides) {
  lines.push(`## ${slide.title}\n`);
  for (const item of slide.items) {
    if (item.kind === "text" && item.placeholder !== "title" && !["footer", "marking"].includes(item.role)) lines.push(...text(item).split("\n").map((l) => `- ${l}`));
    else if (item.kind === "table") lines.push("", `| ${item.header.join(" | ")} |`, `| ${item.header.map(() => "---").join(" | ")} |`, ...item.rows.map((r) => `| ${r.join(" | ")} |`), "");
    else if (item.kind === "chart") lines.push(`- ${item.data.title}: ${item.alt}`);
    else if (item.kind === "shape" && item.alt) lines.push(`- ${item.alt}`);
  }
  lines.push("", "::: notes", slide.notes, ":::", "");
}
writeFileSync(out, lines.join("\n"));
