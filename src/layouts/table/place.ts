// The table layout, placed: the cells the template wrote, as a table across the body.
import type { RenderedSlide } from "../../model/rendered.js";
import { fieldList, type LayoutContext } from "../../layout/frame.js";
import { tablePages } from "../../layout/table-block.js";
import type { Page } from "../layout-module.js";

export function placeTable(ctx: LayoutContext, slide: RenderedSlide): Page[] {
  const header = fieldList(slide, "header").map((f) => f.text);
  const cells = fieldList(slide, "cell");
  const rowCount = Math.max(0, ...cells.map((c) => Number(c.attrs["row"]) + 1));
  const rows = Array.from({ length: rowCount }, (_, r) => header.map((_, c) => cells.find((x) => x.attrs["row"] === r && x.attrs["col"] === c)?.text ?? ""));
  return tablePages(ctx, slide, { header, rows });
}
