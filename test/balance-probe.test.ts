import { it } from "vitest";
import { buildDeck } from "../src/build-deck.js";
import { bodyBalance } from "./_helpers/balance.js";
it("probe", async () => {
  for (const outline of ["deck.yaml", "test/fixtures/energy/deck.yaml", process.env["PROBE"] ?? "deck.yaml"]) {
    const { placed } = await buildDeck({ outline, outDir: "unused", checkOnly: true });
    console.log(outline, placed.slides.map((s, i) => `${i + 1}:${s.master}:${Math.round(bodyBalance(s).empty * 100)}`).join("  "));
  }
});
