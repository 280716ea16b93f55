// Key figures: one to four big numbers from `figures:`, each with its qualifier, unit, caption and date.
import { cardParts, formatFigure } from "../../util/format.js";
import { Id, Text, z } from "../../validate/schema-parts.js";
import { defineLayout, onePage } from "../layout-module.js";
import { placeKeyFigures } from "./place.js";

export default defineLayout({
  id: "key-figures",
  masterName: "Key Figures",
  summary: "One to four big numbers, each with its unit, date and a caption; optionally what they mean, beneath.",
  keysDoc: "`figures:` one to four `{ figure: id, caption }`; optional `takeaway`",
  schema: { figures: z.array(z.strictObject({ figure: Id, caption: Text })).min(1).max(4), takeaway: Text.optional() },
  frame: "content",
  fillHint: "add a `takeaway:` (what the numbers mean) beneath the cards, or another figure",
  fields: { required: ["value", "caption", "period"], optional: ["qualifier", "takeaway"] },
  figures: (slide, path) => slide.figures.map((f, j) => ({ id: f.figure, at: [...path, "figures", j, "figure"] })),
  context: ({ slide, rendered, figures }) => {
    const resolved = slide.figures.map((f) => figures[f.figure]!);
    const captions = (rendered["figures"] as Array<{ caption: string }>).map((f) => f.caption);
    return {
      context: { keyFigures: resolved.map((f, i) => ({ ...cardParts(f, captions[i] ?? ""), text: formatFigure(f), period: f.period, label: f.label, caption: captions[i] })) },
      shows: resolved.map((f) => f.id),
    };
  },
  place: (ctx, slide) => onePage(placeKeyFigures(ctx, slide)),
});
