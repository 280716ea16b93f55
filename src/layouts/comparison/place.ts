// The comparison layout, placed: a table across the body, labels left-aligned and numbers right-aligned,
// the highlighted row on the panel colour and the total row in bold under a rule.
import type { RenderedSlide } from "../../model/rendered.js";
import { fieldList, fieldText, type LayoutContext } from "../../layout/frame.js";
import { tablePages } from "../../layout/table-block.js";
import type { Page } from "../layout-module.js";

export function placeComparison(ctx: LayoutContext, slide: RenderedSlide): Page[] {
  const header = fieldList(slide, "header").map((f) => f.text);
  const labels = fieldList(slide, "label");
  const cells = fieldList(slide, "cell");
  const rows = labels.map((l, r) => [l.text, ...header.slice(1).map((_, c) => cells.find((x) => x.attrs["row"] === r && x.attrs["col"] === c)?.text ?? "")]);
  const styles: Array<"normal" | "highlight" | "total"> = labels.map((l) => (l.attrs["highlight"] === true ? "highlight" : "normal"));
  const totalLabel = fieldText(slide, "total-label");
  if (totalLabel) {
    rows.push([totalLabel, ...header.slice(1).map((_, c) => fieldList(slide, "total-cell", (f) => f.attrs["col"] === c)[0]?.text ?? "")]);
    styles.push("total");
  }
  return tablePages(ctx, slide, { header, rows, align: header.map((_, c) => (c === 0 ? "left" : "right")), rowStyles: styles });
}
