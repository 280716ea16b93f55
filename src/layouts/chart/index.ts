// Chart: a native, editable chart of figures, its kind chosen from the data unless the outline names
// one, with an optional takeaway panel beside it.
import { chartContext } from "../../render/chart-context.js";
import { ChartSpecSchema, Text } from "../../validate/schema-parts.js";
import { defineLayout, onePage } from "../layout-module.js";
import { placeChart } from "./place.js";

export default defineLayout({
  id: "chart",
  masterName: "Chart",
  summary: "A native, editable chart of figures, with an optional takeaway beside it.",
  keysDoc: "`chart: { title, figures: [ids] }` or `{ title, categories, series: [{ name, figures }] }`, optional `kind`; optional `takeaway`",
  schema: { chart: ChartSpecSchema, takeaway: Text.optional() },
  frame: "content",
  fields: { required: ["chart-title", "alt"], optional: ["axis", "takeaway"] },
  charts: (slide, path) => [{ spec: slide.chart, at: [...path, "chart"] }],
  context: ({ charts, figures }) => {
    const chart = chartContext(charts[0]!, figures);
    return { context: { chart }, shows: chart.figureIds };
  },
  place: (ctx, slide) => onePage(placeChart(ctx, slide)),
});
