// The title slide: the deck's title, subtitle, date and author, and the cover image beside them.
import { defineLayout } from "../layout-module.js";
import { placeTitle } from "./place.js";

export default defineLayout({
  id: "title",
  masterName: "Title Slide",
  summary: "The title slide: the deck's title, subtitle, date and author, and the cover image.",
  keysDoc: "none of its own: it shows `deck:` (title, subtitle, date, author, `cover`)",
  schema: {},
  leadsSection: true,
  frame: "cover",
  fields: { required: ["byline"], optional: ["kicker", "subtitle", "marking", "cover-alt"] },
  sparse: true,
  image: (_slide, _path, deck) => (deck.cover ? { path: deck.cover, at: ["deck", "cover"] } : undefined),
  place: (ctx, slide) => [{ items: placeTitle(ctx, slide) }],
});
