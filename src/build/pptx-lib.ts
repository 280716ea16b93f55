// Build stage: the one place pptxgenjs is imported.
import pptxModule from "pptxgenjs";

// pptxgenjs 4.0.1 ships CJS-shaped types; at run time its ESM build's default export is the class
// (upstream #1536: "This expression is not constructable" under NodeNext).
export const PptxGenJS = pptxModule as unknown as typeof pptxModule.default;
export type Pptx = InstanceType<typeof PptxGenJS>;
export type PptxSlide = ReturnType<Pptx["addSlide"]>;
export type TextProps = pptxModule.default.TextProps;
export type TextPropsOptions = pptxModule.default.TextPropsOptions;
export type ChartOpts = pptxModule.default.IChartOpts;
export type ChartData = pptxModule.default.OptsChartData;
export type TableRow = pptxModule.default.TableRow;
export type ShapeProps = pptxModule.default.ShapeProps;
/** pptxgenjs 4.0.1 draws custom geometry (`points`) but its ShapeType types leave the name out. */
export const CUSTOM_GEOMETRY = "custGeom" as unknown as pptxModule.default.SHAPE_NAME;
