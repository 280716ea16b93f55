// Writes deck.schema.json from the outline schema (the single source of truth for the outline's shape).
import { writeFileSync } from "node:fs";
import { outlineJsonSchema } from "../src/validate/outline-schema.js";

writeFileSync("deck.schema.json", JSON.stringify(outlineJsonSchema(), null, 2) + "\n");
console.log("wrote deck.schema.json");
