// Chart with commentary: a chart, and beside it two to four points on what it means.
import { chartContext } from "../../render/chart-context.js";
import { Bullet, ChartSpecSchema, z } from "../../validate/schema-parts.js";
import { defineLayout, onePage } from "../layout-module.js";
import { placeChartCommentary } from "./place.js";

export default defineLayout({
  id: "chart-commentary",
  masterName: "Chart and Commentary",
  summary: "A chart, and beside it two to four points on what it means.",
  keysDoc: "`chart:` as for `chart`; `commentary:` two to four bullets, each text or `{ text, sub, tags }`",
  schema: { chart: ChartSpecSchema, commentary: z.array(Bullet).min(2).max(4) },
  frame: "content",
  fields: { required: ["chart-title", "alt", "bullet"], optional: ["axis"] },
  charts: (slide, path) => [{ spec: slide.chart, at: [...path, "chart"] }],
  bulletLists: (slide, path) => [{ bullets: slide.commentary, at: [...path, "commentary"] }],
  withBulletLists: (slide, [commentary]) => ({ ...slide, commentary: [...commentary!] }),
  context: ({ charts, figures }) => {
    const chart = chartContext(charts[0]!, figures);
    return { context: { chart }, shows: chart.figureIds };
  },
  place: (ctx, slide) => onePage(placeChartCommentary(ctx, slide)),
});
