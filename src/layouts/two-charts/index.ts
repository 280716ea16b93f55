// Two charts side by side (before and after, one measure and another), each with its own title; one
// legend beneath both when they draw the same series.
import { chartContext } from "../../render/chart-context.js";
import { ChartSpecSchema, z } from "../../validate/schema-parts.js";
import { defineLayout, onePage } from "../layout-module.js";
import { placeTwoCharts } from "./place.js";

export default defineLayout({
  id: "two-charts",
  masterName: "Two Charts",
  summary: "Two charts side by side, each with its title; one legend beneath both when their series match.",
  keysDoc: "`charts:` two charts, each as `chart:` of the `chart` layout",
  schema: { charts: z.array(ChartSpecSchema).length(2) },
  frame: "content",
  fields: { required: ["chart-title", "alt"], optional: ["axis"] },
  charts: (slide, path) => slide.charts.map((spec, i) => ({ spec, at: [...path, "charts", i] })),
  context: ({ rendered, charts, figures }) => {
    const titles = (rendered["charts"] as Array<{ title: string }>).map((c) => c.title);
    const pair = charts.map((c, i) => ({ ...chartContext(c, figures), title: titles[i]! }));
    return { context: { pair }, shows: pair.flatMap((c) => c.figureIds) };
  },
  place: (ctx, slide) => onePage(placeTwoCharts(ctx, slide)),
});
