// The agenda: the audience's sections, numbered, each linked to its divider (or first slide).
import { defineLayout } from "../layout-module.js";
import { placeAgenda } from "./place.js";

export default defineLayout({
  id: "agenda",
  masterName: "Agenda",
  summary: "The sections this audience sees, numbered, each linked to its divider.",
  keysDoc: "none of its own: built from the sections (their `title` and `gist`)",
  schema: {},
  leadsSection: true,
  frame: "content",
  fillHint: "add a `gist:` to each section: the agenda shows it beside the section",
  fields: { required: [], optional: ["item", "gist"] },
  place: placeAgenda,
});
