// Bullets: an action title over three to five claims, each with optional sub-points; a list too long
// for one slide continues on "(cont.)" slides.
import { Bullets } from "../../validate/schema-parts.js";
import { defineLayout } from "../layout-module.js";
import { placeBullets } from "./place.js";

export default defineLayout({
  id: "bullets",
  masterName: "Title and Content",
  summary: "An action title over three to five claims, each with optional sub-points.",
  keysDoc: "`bullets:` up to 8, each text or `{ text, sub: [...], tags: [...] }`",
  schema: { bullets: Bullets },
  frame: "content",
  fillHint: "three to five points fill a slide: add the evidence as points or sub-points, or show a single claim as a quote or a key figure",
  fields: { required: ["bullet"] },
  bulletLists: (slide, path) => [{ bullets: slide.bullets, at: [...path, "bullets"] }],
  withBulletLists: (slide, [bullets]) => ({ ...slide, bullets: [...bullets!] }),
  place: placeBullets,
});
