// Timeline: two to six dated milestones along a line, each with a short label.
import { Text, z } from "../../validate/schema-parts.js";
import { defineLayout, onePage } from "../layout-module.js";
import { placeTimeline } from "./place.js";

export default defineLayout({
  id: "timeline",
  masterName: "Timeline",
  summary: "Two to six dated milestones along a line, each with a short label.",
  keysDoc: '`milestones:` two to six `{ date, label }` (`"2024-09"` shows as September 2024)',
  schema: { milestones: z.array(z.strictObject({ date: Text, label: Text })).min(2).max(6) },
  frame: "content",
  fillHint: "add milestones (three to six), or give each a fuller label",
  fields: { required: ["date", "label"] },
  place: (ctx, slide) => onePage(placeTimeline(ctx, slide)),
});
