// Every layout, one line each. To add one: make its folder (index.ts with defineLayout, <id>.hbs,
// place.ts) and export it here; then `npm run docs` updates deck.schema.json and README's table.
export { default as agenda } from "./agenda/index.js";
export { default as bigNumberChart } from "./big-number-chart/index.js";
export { default as bullets } from "./bullets/index.js";
export { default as chartCommentary } from "./chart-commentary/index.js";
export { default as chart } from "./chart/index.js";
export { default as comparison } from "./comparison/index.js";
export { default as keyFigures } from "./key-figures/index.js";
export { default as map } from "./map/index.js";
export { default as picture } from "./picture/index.js";
export { default as quote } from "./quote/index.js";
export { default as section } from "./section/index.js";
export { default as sources } from "./sources/index.js";
export { default as table } from "./table/index.js";
export { default as takeaways } from "./takeaways/index.js";
export { default as timeline } from "./timeline/index.js";
export { default as title } from "./title/index.js";
export { default as twoCharts } from "./two-charts/index.js";
export { default as twoColumns } from "./two-columns/index.js";
