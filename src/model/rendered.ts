// Contract between render/ and layout/: every slide's text, already rendered from the templates.
import type { SourcePos } from "../errors.js";
import type { ChartData, Layout } from "./deck.js";

/** Attributes given to a {{#field}} block, e.g. `group=@index level=2`. */
export type FieldAttrs = Readonly<Record<string, string | number | boolean>>;

/** One piece of rendered text, named by the template: a title, a bullet, a caption… */
export interface TextField {
  readonly text: string;
  readonly attrs: FieldAttrs;
  /** Position among all the slide's fields, in the order the template wrote them. */
  readonly seq: number;
  /** Where the template wrote it (file, 1-based line and column), for errors. */
  readonly at?: { readonly file: string; readonly line: number; readonly col: number };
}

/** A layout module's id (src/layouts/): what outlines write as `layout:`, or "section" for dividers. */
export type SlideLayout = Layout | "section";

export interface RenderedSlide {
  readonly layout: SlideLayout;
  /** Stable id for links (agenda entries jump to section dividers). */
  readonly id: string;
  readonly sectionId: string;
  /** PowerPoint section this slide belongs to. */
  readonly sectionTitle: string;
  /** Named text pieces in template order: fields["bullet"] holds every bullet. */
  readonly fields: Readonly<Record<string, readonly TextField[]>>;
  readonly notes: string;
  /** The charts it draws, in its layout's order. */
  readonly charts?: readonly ChartData[];
  /** What its layout module carries past rendering for placing it (a map's countries and points). */
  readonly data?: unknown;
  /** Image for the slide (the title slide's cover, a picture), as written in the outline. */
  readonly image?: { readonly path: string; readonly pos: SourcePos };
  /** Where the slide is written in the outline, for warnings. */
  readonly pos: SourcePos;
}

export interface RenderedDeck {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  readonly company: string;
  /** ISO date of the briefing, YYYY-MM-DD. */
  readonly date: string;
  /** The slide size the outline asks for (`deck.size`). */
  readonly size: "16:9" | "4:3";
  readonly slides: readonly RenderedSlide[];
}
