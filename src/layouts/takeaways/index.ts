// Takeaways: three to four numbered conclusions, each a bold point with a line of support.
import { Text, z } from "../../validate/schema-parts.js";
import { defineLayout, onePage } from "../layout-module.js";
import { placeTakeaways } from "./place.js";

export default defineLayout({
  id: "takeaways",
  masterName: "Takeaways",
  summary: "Three to four numbered conclusions, each a bold point with a line of support.",
  keysDoc: "`takeaways:` one to four `{ point, support }`",
  schema: { takeaways: z.array(z.strictObject({ point: Text, support: Text })).min(1).max(4) },
  frame: "content",
  fillHint: "three or four conclusions fill the slide: add one, or give each a longer line of support",
  fields: { required: ["point"], optional: ["number", "support"] },
  place: (ctx, slide) => onePage(placeTakeaways(ctx, slide)),
});
