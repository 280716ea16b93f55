// A section's divider: its number, name and one-line gist on the dark background. Made from the
// outline's sections (not written as a slide); the agenda links to it.
import { defineLayout } from "../layout-module.js";
import { placeSection } from "./place.js";

export default defineLayout({
  id: "section",
  masterName: "Section Header",
  summary: "A section's divider: its number, name and gist (made from each section; `divider: false` leaves it out).",
  keysDoc: "made from the section: `title`, `gist`, `notes`",
  frame: "divider",
  fields: { required: ["number"], optional: ["gist"] },
  sparse: true,
  place: (ctx, slide) => [{ items: placeSection(ctx, slide) }],
});
