// Writes what is generated from the code: deck.schema.json (from the outline schema) and README's
// table of layouts (from the layout modules). Run after adding or changing a layout: npm run docs.
import { readFileSync, writeFileSync } from "node:fs";
import { withLayoutTable } from "../src/layouts/docs.js";
import { outlineJsonSchema } from "../src/validate/outline-schema.js";

writeFileSync("deck.schema.json", JSON.stringify(outlineJsonSchema(), null, 2) + "\n");
writeFileSync("README.md", withLayoutTable(readFileSync("README.md", "utf8")));
console.log("wrote deck.schema.json and README.md's layout table");
