// Layout modules: everything about one layout in one folder (src/layouts/<id>/): the outline keys it
// adds, its template (<id>.hbs), the text fields that template must write, what it shows (figures,
// charts, an image, bullets audiences select), and the function that places it on the slide.
// src/layouts/registry.ts lists them, one line each; the pipeline stages read them from there.
import type { DeckError, SourcePos } from "../errors.js";
import type { LayoutContext } from "../layout/frame.js";
import type { ChartData, DeckMeta, Figure } from "../model/deck.js";
import type { PlacedItem } from "../model/layout.js";
import type { RenderedSlide } from "../model/rendered.js";
import type { DataPath } from "../model/source-map.js";
import type { BulletSpec, ChartSpec, SchemaShape, SlideOf } from "../validate/schema-parts.js";

/** One slide of output; a layout whose content continues gives several, each with its own title. */
export interface Page {
  /** The title as shown, "(cont.)" included; default: the slide's title field. */
  readonly title?: string;
  readonly items: PlacedItem[];
}

/**
 * What frames the slide: `content` (kicker, action title, source line, footer), `cover` (the title
 * slide) or `divider` (a section's opening slide, on the dark background).
 */
export type Frame = "content" | "cover" | "divider";

export interface LayoutDef<Id extends string, Sh extends SchemaShape | undefined, S = SlideOf<NonNullable<Sh>>> {
  /** What outlines write as `layout:` (and the template's file name, <id>.hbs). */
  readonly id: Id;
  /** The name of its slide layout in the .pptx; PowerPoint's own where one fits ("Title and Content"). */
  readonly masterName: string;
  /** What the slide is for, in a sentence (README's layout table, deck.schema.json). */
  readonly summary: string;
  /** Its outline keys, for README's layout table (the keys every slide has are not repeated). */
  readonly keysDoc: string;
  /** Its outline keys beyond those every slide has; none for a layout outlines cannot name (the divider). */
  readonly schema?: Sh;
  readonly frame: Frame;
  /** Text fields its template writes (the frame's own are added): the ones it needs, and the others it places. */
  readonly fields: { readonly required: readonly string[]; readonly optional?: readonly string[] };
  /** The body may stay mostly empty by design (a quote, a divider): the balance check leaves it out. */
  readonly sparse?: boolean;
  /** What an author can add when the slide's body is left mostly empty (the note a build gives then). */
  readonly fillHint?: string;
  /** Opens the deck (the title slide, the agenda): a section starting with it should have no divider. */
  readonly leadsSection?: boolean;
  /** Rendered after every other slide, with `citedSources` (every document the deck cites) in scope. */
  readonly rendersLast?: boolean;

  /** Figures the slide shows by id, with where each is named: checked to exist, counted as used, cited. */
  figures?(slide: S, path: DataPath): ReadonlyArray<{ readonly id: string; readonly at: DataPath }>;
  /** Charts drawn from figures, in the order `RenderedSlide.charts` holds them (`figures` once they are resolved). */
  charts?(slide: S, path: DataPath, figures?: Readonly<Record<string, Figure>>): ReadonlyArray<{ readonly spec: ChartSpec; readonly at: DataPath }>;
  /** Lists of bullets that audiences select by tag (and `maxBullets` cuts, with a warning). */
  bulletLists?(slide: S, path: DataPath): ReadonlyArray<{ readonly bullets: readonly BulletSpec[]; readonly at: DataPath }>;
  /** The slide with those lists replaced (same order). */
  withBulletLists?(slide: S, lists: ReadonlyArray<readonly BulletSpec[]>): S;
  /** Checks the schema cannot express, as located errors. */
  check?(slide: S, path: DataPath, posOf: (at: DataPath) => SourcePos, figures: Readonly<Record<string, Figure>>): DeckError[];
  /** An image the slide shows, relative to the outline, and where it is named. */
  image?(slide: S, path: DataPath, deck: DeckMeta): { readonly path: string; readonly at: DataPath } | undefined;
  /** Data its placement needs beyond text (a map's countries and coordinates), carried past rendering. */
  carry?(slide: S): unknown;
  /** What its template needs beyond the slide's own text; `shows` adds figures to the source line. */
  context?(input: ContextInput<S>): { readonly context: object; readonly shows?: readonly string[] };
  /** Places the rendered slide: one page, or several when its content continues. */
  place(ctx: LayoutContext, slide: RenderedSlide): Page[];
}

export interface ContextInput<S> {
  readonly slide: S;
  /** The slide's own keys with their text rendered. */
  readonly rendered: Readonly<Record<string, unknown>>;
  readonly figures: Readonly<Record<string, Figure>>;
  readonly charts: readonly ChartData[];
}

/** A layout module as the pipeline sees it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module types its own slide; stages pass any.
export type LayoutModule<Id extends string = string> = LayoutDef<Id, SchemaShape | undefined, any>;

/** Declares a layout module; the slide type of its hooks is inferred from its schema. */
export function defineLayout<const Id extends string, Sh extends SchemaShape | undefined = undefined>(def: LayoutDef<Id, Sh>): LayoutModule<Id> {
  return def as unknown as LayoutModule<Id>;
}

/** One page of items (layouts that never continue). */
export function onePage(items: PlacedItem[]): Page[] {
  return [{ items }];
}
