// Picture: an image from the outline's folder (a map, a photograph, a scanned page), cropped to its
// box by sharp around what draws the eye, with its alt text, an optional caption and its source.
import { Text, z } from "../../validate/schema-parts.js";
import { defineLayout, onePage } from "../layout-module.js";
import { placePicture } from "./place.js";

export default defineLayout({
  id: "picture",
  masterName: "Picture with Caption",
  summary: "An image from the outline's folder, cropped to fit, with its alt text, an optional caption beside it and its source.",
  keysDoc: "`image:` a path relative to the outline (PNG, JPEG, WebP or SVG); `alt:` what it shows, for screen readers; optional `caption`",
  schema: {
    image: z.string().min(1).describe("The image, relative to the outline's folder"),
    alt: Text.describe("What the image shows, in words (read out by screen readers)"),
    caption: Text.optional(),
  },
  frame: "content",
  fields: { required: ["alt"], optional: ["caption"] },
  image: (slide, path) => ({ path: slide.image, at: [...path, "image"] }),
  place: (ctx, slide) => onePage(placePicture(ctx, slide)),
});
