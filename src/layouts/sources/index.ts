// Sources: every document this audience's deck cites, in full and in order of first citation, and
// a line on how the deck was made. Rendered last, when every citation is known.
import { Text } from "../../validate/schema-parts.js";
import { defineLayout, onePage } from "../layout-module.js";
import { placeSources } from "./place.js";

export default defineLayout({
  id: "sources",
  masterName: "Sources",
  summary: "Every document the deck cites, in full, with the parts of it the deck cites, and an optional line on method.",
  keysDoc: "optional `method`",
  schema: { method: Text.optional() },
  frame: "content",
  fillHint: "add a `method:` line on how the briefing was made",
  fields: { required: [], optional: ["entry", "link", "cited", "method"] },
  rendersLast: true,
  place: (ctx, slide) => onePage(placeSources(ctx, slide)),
});
