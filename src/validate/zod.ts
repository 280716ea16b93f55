// Validate stage: the part of zod the outline and theme schemas use, as one namespace (schema-parts
// gives it to layouts as `z`). Named here one by one rather than taken as zod's own `z`: that object
// holds all of zod (every message locale, JSON Schema conversion both ways, …), and a bundle that
// uses it as a value builds all of that at start-up.
export { array, boolean, config, discriminatedUnion, enum, literal, number, preprocess, record, strictObject, string, toJSONSchema, tuple, union, unknown } from "zod";
export type { core, infer, output, ZodLiteral, ZodObject, ZodType } from "zod";
