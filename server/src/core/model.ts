/**
 * The annotation model: plain data parsed from annotation YAML files. Every
 * value keeps the source range it came from (UTF-16 offsets into its file),
 * so that checks, hovers and edits can point at it. The model holds no YAML
 * nodes, so it can be cached or passed between threads as it is. Models are
 * never changed in place: lists that are empty (a claim's `about`,
 * `reportedBy`, `attributes`, …) are usually one shared, frozen empty list
 * (`emptyList`).
 */

/** A half-open range [start, end) of UTF-16 code unit offsets in one file. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A value together with where it stands in its file. Its key's range is not
 * kept: nothing read it, and a workspace of 70,000 claims held 210,000 of them.
 */
export interface Located<T> {
  value: T;
  /** The value node's range (for quoted scalars, including the quotes). */
  range: Span;
}

export interface RelationDef {
  range: Span;
  type?: Located<string>;
  target?: Located<string>;
  note?: Located<string>;
  /** Format v1.1: when the relation began to hold (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  from?: Located<string>;
  /** Format v1.1: when it stopped holding, same forms. */
  until?: Located<string>;
}

/** What actors and entities have in common: a named thing in the actors' id namespace, found in texts by its aliases. */
export interface NamedThingDef {
  uri: string;
  /** The whole list item. */
  range: Span;
  id?: Located<string>;
  name?: Located<string>;
  kind?: Located<string>;
  aliases: Located<string>[];
  description?: Located<string>;
  wikidata?: Located<string>;
}

export interface ActorDef extends NamedThingDef {
  relations: RelationDef[];
}

/**
 * Format v1.1: a named thing that is not an actor (a place, a project, a
 * law, …). Entities share one id namespace with actors and concepts, are
 * matched by the same alias matcher as actors, and are never claimants.
 */
export type EntityDef = NamedThingDef;

export interface ConceptDef {
  uri: string;
  range: Span;
  id?: Located<string>;
  label?: Located<string>;
  description?: Located<string>;
}

/** Fields shared by everything that anchors to a quote in a text. */
export interface QuoteSelectorDef {
  quote?: Located<string>;
  prefix?: Located<string>;
  suffix?: Located<string>;
}

export interface MentionDef extends QuoteSelectorDef {
  range: Span;
  /**
   * The ids the span mentions (format v1: one `actor:` id; v1.1: a list,
   * for "both sides"); empty when not written. Ids are looked up in the
   * registry, so they may name entities as well as actors.
   */
  actors: Located<string>[];
  /** Format v1.1: free text about the mention. */
  note?: Located<string>;
}

export interface ClaimDef extends QuoteSelectorDef {
  range: Span;
  id?: Located<string>;
  claimant?: Located<string>;
  about: Located<string>[];
  concept?: Located<string>;
  stance?: Located<string>;
  type?: Located<string>;
  evidence?: Located<string>;
  note?: Located<string>;
  /** Format v1.1: the organization the claimant speaks for (an actor id). */
  onBehalfOf?: Located<string>;
  /** Format v1.1: who relays the claim (actor ids); empty when not written. */
  reportedBy: Located<string>[];
  /** Free key/value data the format has no field for (kept by DNA import); empty when not written. */
  attributes: AttributeDef[];
}

/** One entry of an `attributes:` mapping: a free key and a scalar value. */
export interface AttributeDef {
  key: Located<string>;
  value: Located<string>;
}

/**
 * Format v1.1: a span of the text in which alias matches are not mentions.
 * It anchors like a quote.
 */
export interface SuppressionDef extends QuoteSelectorDef {
  range: Span;
  note?: Located<string>;
}

/** Format v1.1: one entry of a text's `contributors:` list, such as a moderator or a translator. */
export interface ContributorDef {
  /** The whole list item. */
  range: Span;
  /** The contributor (an actor id). */
  actor?: Located<string>;
  /** What they did (from the vocabulary's contributor roles). */
  role?: Located<string>;
}

export interface TextAnnotationDef {
  /** The `text:` field as written. */
  text?: Located<string>;
  title?: Located<string>;
  /** The first of `authors`, for code that wants one author. */
  author?: Located<string>;
  /** Format v1.1: the authors (actor ids); `author:` may be one id or a list. Empty when not written. */
  authors: Located<string>[];
  /** Format v1.1: who else took part (moderator, interviewer, translator, …); empty when not written. */
  contributors: ContributorDef[];
  published?: Located<string>;
  url?: Located<string>;
  mentions: MentionDef[];
  claims: ClaimDef[];
  /** Format v1.1: spans where alias matches are not mentions; empty when not written. */
  suppress: SuppressionDef[];
  /** Format v1.1: free text about the file, e.g. "opening excerpt only". */
  note?: Located<string>;
  /** Free key/value data the format has no field for (kept by DNA import); empty when not written. */
  attributes: AttributeDef[];
}

/** Severity of a diagnostic, from most to least severe. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface RelatedLocation {
  uri: string;
  range: Span;
  message: string;
}

/** A problem found in a file. Domain value first; adapters convert it at the edge. */
export interface CoreDiagnostic {
  uri: string;
  range: Span;
  severity: Severity;
  code: string;
  message: string;
  related?: RelatedLocation[];
  /** Machine-readable details for quick fixes (suggestions, candidates). */
  data?: Record<string, unknown>;
}

/** One parsed annotation file. */
export interface AnnotationFile {
  uri: string;
  actors: ActorDef[];
  /** Format v1.1: named things that are not actors; empty when not written. */
  entities: EntityDef[];
  concepts: ConceptDef[];
  /** Present when the file has any of the text annotation keys. */
  textAnnotation?: TextAnnotationDef;
  /** Problems found while parsing: syntax, unknown or missing fields, invalid values. */
  diagnostics: CoreDiagnostic[];
}
