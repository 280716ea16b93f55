// Two columns: two headed lists side by side (one view and the other, before and after).
import { Bullets, Text, z } from "../../validate/schema-parts.js";
import { defineLayout, onePage } from "../layout-module.js";
import { placeTwoColumns } from "./place.js";

const Column = z.strictObject({ heading: Text, bullets: Bullets });

export default defineLayout({
  id: "two-columns",
  masterName: "Two Content",
  summary: "Two headed lists side by side: one view and the other, before and after.",
  keysDoc: "`left:` and `right:`, each `{ heading, bullets }`",
  schema: { left: Column, right: Column },
  frame: "content",
  fillHint: "add points to the columns (three or four each read well), or merge the two into one list",
  fields: { required: ["heading", "bullet"] },
  bulletLists: (slide, path) => [
    { bullets: slide.left.bullets, at: [...path, "left", "bullets"] },
    { bullets: slide.right.bullets, at: [...path, "right", "bullets"] },
  ],
  withBulletLists: (slide, [left, right]) => ({ ...slide, left: { ...slide.left, bullets: [...left!] }, right: { ...slide.right, bullets: [...right!] } }),
  place: (ctx, slide) => onePage(placeTwoColumns(ctx, slide)),
});
