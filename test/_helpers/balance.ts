// Test helper: how much of a slide's body is empty, from the layout model (the layout stage's own
// measure, which also notes sparse slides in a build).
export { bodyBalance, textHeightIn, type Balance } from "../../src/layout/balance.js";
