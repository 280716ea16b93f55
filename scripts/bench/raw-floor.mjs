// The floor: a bare script that calls pptxgenjs directly to write N slides like the generated
// outline's (title, four lines of text, notes, a native chart on every fifth slide) and saves them
// with DEFLATE. Usage: node scripts/bench/raw-floor.mjs N OUT.pptx
import { writeFileSync } from "node:fs";
import pptxgen from "pptxgenjs";

const n = Number(process.argv[2] ?? 21);
const out = process.argv[3] ?? "floor.pptx";
const pptx = new pptxgen();
pptx.layout = "LAYOUT_WIDE";
for (let i = 1; i <= n; i++) {
  const slide = pptx.addSlide();
  slide.addText(`Slide ${i} states its point in one clear sentence`, { x: 0.6, y: 0.75, w: 12.1, h: 0.95, fontSize: 28, bold: true });
  if (i % 5 === 0) {
    slide.addChart(pptx.ChartType.bar, [{ name: "Amounts", labels: ["A", "B", "C"], values: [i, i + 2, i + 4] }],
      { x: 0.6, y: 1.85, w: 12.1, h: 4.3, showValue: true, chartColors: ["14365D"] });
  } else {
    slide.addText([1, 2, 3, 4].map((b) => ({ text: `Claim ${b} on slide ${i}, with the evidence that supports it in a few words`, options: { bullet: true, breakLine: true } })),
      { x: 0.6, y: 1.85, w: 11.1, h: 4.8, fontSize: 20, valign: "top" });
  }
  slide.addText("Generated annex", { x: 0.6, y: 6.95, w: 9, h: 0.3, fontSize: 12 });
  slide.addNotes(`This is what the presenter says about slide ${i}. It adds context and a transition.`);
}
writeFileSync(out, await pptx.stream({ compression: true }));
