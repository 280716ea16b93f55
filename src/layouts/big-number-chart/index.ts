// Big number with its chart: one key figure in a card beside the chart it comes from (one of the
// chart's figures, or derived from them), so the reader sees the number and where it stands.
import { DeckError } from "../../errors.js";
import { chartContext } from "../../render/chart-context.js";
import { cardParts, formatFigure } from "../../util/format.js";
import { ChartSpecSchema, Id, Text, z } from "../../validate/schema-parts.js";
import { defineLayout, onePage } from "../layout-module.js";
import { placeBigNumberChart } from "./place.js";

export default defineLayout({
  id: "big-number-chart",
  masterName: "Key Figure and Chart",
  summary: "One key figure in a card beside the chart it comes from.",
  keysDoc: "`figure: { figure: id, caption }` (one of the chart's figures, or derived from them); `chart:` as for `chart`",
  schema: { figure: z.strictObject({ figure: Id, caption: Text }), chart: ChartSpecSchema },
  frame: "content",
  fields: { required: ["value", "caption", "period", "chart-title", "alt"], optional: ["qualifier", "axis"] },
  figures: (slide, path) => [{ id: slide.figure.figure, at: [...path, "figure", "figure"] }],
  // The figure's own bar is drawn in the accent colour (the rest muted), unless the chart says otherwise.
  charts: (slide, path, figures) => {
    const f = figures?.[slide.figure.figure];
    const own = f && !slide.chart.highlight && !slide.chart.series && slide.chart.figures?.includes(f.id);
    return [{ spec: own ? { ...slide.chart, highlight: f.label } : slide.chart, at: [...path, "chart"] }];
  },
  check: (slide, path, posOf, figures) => {
    const f = figures[slide.figure.figure];
    if (!f) return [];
    const inChart = new Set([...(slide.chart.figures ?? []), ...(slide.chart.series ?? []).flatMap((s) => s.figures)]);
    const derivedFromChart = f.derivation !== undefined && f.derivation.inputs.every((id) => inChart.has(id));
    if (inChart.has(f.id) || derivedFromChart) return [];
    return [new DeckError({
      code: "CHART_DATA_MISMATCH", pos: posOf([...path, "figure", "figure"]),
      message: `the key figure "${f.id}" is not in the chart beside it, nor derived from its figures`,
      hint: "show a figure the chart draws (or one derived from them), or use the key-figures layout",
    })];
  },
  context: ({ slide, rendered, figures, charts }) => {
    const f = figures[slide.figure.figure]!;
    const caption = (rendered["figure"] as { caption: string }).caption;
    const chart = chartContext(charts[0]!, figures);
    return {
      context: { keyFigure: { ...cardParts(f, caption), text: formatFigure(f), period: f.period, label: f.label, caption }, chart },
      shows: [f.id, ...chart.figureIds],
    };
  },
  place: (ctx, slide) => onePage(placeBigNumberChart(ctx, slide)),
});
