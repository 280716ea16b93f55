// Quote or callout: one statement in large type, who said it, and why it matters.
import { Text } from "../../validate/schema-parts.js";
import { defineLayout, onePage } from "../layout-module.js";
import { placeQuote } from "./place.js";

export default defineLayout({
  id: "quote",
  masterName: "Quote",
  summary: "One statement in large type, who said it, and why it matters.",
  keysDoc: "`quote`, optional `attribution` and `context`",
  schema: { quote: Text, attribution: Text.optional(), context: Text.optional() },
  frame: "content",
  fields: { required: ["quote"], optional: ["attribution", "context"] },
  sparse: true,
  place: (ctx, slide) => onePage(placeQuote(ctx, slide)),
});
