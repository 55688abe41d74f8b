import { displayPath } from '../describe';
import type { ActorDef, ClaimDef, EntityDef, Span } from '../model';
import { isUnder } from '../uris';
import { mentionIds, type Anchored, type WorkspaceView } from '../workspace/workspaceView';

/**
 * What the workspace holds after anchoring and matching, as rows for
 * `policy-annotator list`: so that annotators can see what their aliases
 * caught. Paths are relative to the workspace; lines and columns are
 * 1-based, and an end is exclusive, as in `check --format json` (columns
 * count UTF-16 code units, as editors do).
 */

/** One mention in a text: an alias match or an explicit mention. */
export interface MentionRow {
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The words of the text at the mention. */
  quote: string;
  /** The actor or entity ids the span mentions (every owner of an ambiguous alias; every id of a list-valued mention). */
  ids: string[];
  /** Written under `mentions:` in an annotation file, rather than found by an alias. */
  explicit: boolean;
  note?: string;
}

/** One claim, where it is written and where its quote landed. */
export interface ClaimRow {
  id: string | null;
  /** The annotation file, and the claim's line in it. */
  file: string;
  line: number;
  /** The annotated text, or null when the file's `text:` leads to no readable text. */
  text: string | null;
  /** The line of the anchored quote in the text, or null when the quote does not resolve. */
  textLine: number | null;
  quote: string | null;
  claimant: string | null;
  onBehalfOf?: string;
  reportedBy?: string[];
  about: string[];
  concept?: string;
  stance?: string;
  type?: string;
  evidence?: string;
}

/** One actor or entity definition, with how many mentions the texts hold of it. */
export interface DefinitionRow {
  id: string | null;
  file: string;
  line: number;
  name: string | null;
  kind: string | null;
  aliases: string[];
  /** Mentions of the id in the referenced texts, by alias or explicitly. */
  mentions: number;
  description?: string;
  wikidata?: string;
}

/**
 * Which files a listing covers: all, or those under one of `only` (canonical
 * URIs of files or folders). A text is covered when it, or an annotation
 * file pointing at it, lies under one of them.
 */
export class ListingScope {
  constructor(
    private readonly index: WorkspaceView,
    private readonly only: readonly string[],
  ) {}

  coversFile(uri: string): boolean {
    return this.only.length === 0 || this.only.some((path) => isUnder(uri, path));
  }

  coversText(textUri: string): boolean {
    return this.coversFile(textUri) || this.index.annotationsOf(textUri).some((uri) => this.coversFile(uri));
  }
}

function positionOf(index: WorkspaceView, uri: string, span: Span): { line: number; column: number; endLine: number; endColumn: number } {
  const lines = index.lineIndex(uri)!;
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(span.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function lineOf(index: WorkspaceView, uri: string, offset: number): number {
  return (index.lineIndex(uri)?.positionAt(offset).line ?? 0) + 1;
}

/** Every mention in the covered texts, texts by path, mentions in text order. */
export function listMentions(index: WorkspaceView, scope: ListingScope): MentionRow[] {
  const rows: MentionRow[] = [];
  for (const textUri of index.referencedTexts()) {
    if (!scope.coversText(textUri)) continue;
    const analysis = index.analysis(textUri);
    if (!analysis) continue;
    const text = displayPath(index, textUri);
    for (const mention of analysis.mentions) {
      const note = mention.explicit?.def.note?.value;
      rows.push({
        text,
        ...positionOf(index, textUri, mention.span),
        quote: analysis.text.text.slice(mention.span.start, mention.span.end),
        ids: mentionIds(mention),
        explicit: mention.source === 'explicit',
        ...(note !== undefined && { note }),
      });
    }
  }
  return rows;
}

/** Every claim of the covered annotation files and texts, files by path, claims in file order. */
export function listClaims(index: WorkspaceView, scope: ListingScope): ClaimRow[] {
  const anchors = new Map<ClaimDef, { anchored: Anchored<ClaimDef>; textUri: string }>();
  const rows: ClaimRow[] = [];
  for (const file of index.annotationFiles()) {
    const claims = file.textAnnotation?.claims ?? [];
    if (claims.length === 0) continue;
    const reference = index.textReferenceOf(file.uri);
    const textUri = reference?.kind === 'ok' && index.textStatus(reference.uri) === 'loaded' ? reference.uri : undefined;
    if (!scope.coversFile(file.uri) && !(textUri && scope.coversFile(textUri))) continue;
    for (const anchored of (textUri && index.analysis(textUri)?.claims) || []) anchors.set(anchored.def, { anchored, textUri: textUri! });
    for (const claim of claims) {
      const span = anchors.get(claim)?.anchored.result.span;
      rows.push({
        id: claim.id?.value ?? null,
        file: displayPath(index, file.uri),
        line: lineOf(index, file.uri, claim.range.start),
        text: textUri ? displayPath(index, textUri) : null,
        textLine: span && textUri ? lineOf(index, textUri, span.start) : null,
        quote: claim.quote?.value ?? null,
        claimant: claim.claimant?.value ?? null,
        ...(claim.onBehalfOf && { onBehalfOf: claim.onBehalfOf.value }),
        ...(claim.reportedBy.length > 0 && { reportedBy: claim.reportedBy.map((id) => id.value) }),
        about: claim.about.map((id) => id.value),
        ...(claim.concept && { concept: claim.concept.value }),
        ...(claim.stance && { stance: claim.stance.value }),
        ...(claim.type && { type: claim.type.value }),
        ...(claim.evidence && { evidence: claim.evidence.value }),
      });
    }
  }
  return rows;
}

/** Every actor defined in the covered files, files by path, actors in file order. */
export function listActors(index: WorkspaceView, scope: ListingScope): DefinitionRow[] {
  return listDefinitions(index, scope, (file) => file.actors);
}

/** Every entity (format v1.1) defined in the covered files, files by path, entities in file order. */
export function listEntities(index: WorkspaceView, scope: ListingScope): DefinitionRow[] {
  return listDefinitions(index, scope, (file) => file.entities);
}

function listDefinitions(index: WorkspaceView, scope: ListingScope, definitions: (file: { actors: ActorDef[]; entities: EntityDef[] }) => (ActorDef | EntityDef)[]): DefinitionRow[] {
  const counts = mentionCounts(index);
  const rows: DefinitionRow[] = [];
  for (const file of index.annotationFiles()) {
    if (!scope.coversFile(file.uri)) continue;
    for (const definition of definitions(file)) {
      const id = definition.id?.value;
      rows.push({
        id: id ?? null,
        file: displayPath(index, file.uri),
        line: lineOf(index, file.uri, definition.range.start),
        name: definition.name?.value ?? null,
        kind: definition.kind?.value ?? null,
        aliases: definition.aliases.map((alias) => alias.value),
        mentions: (id !== undefined && counts.get(id)) || 0,
        ...(definition.description && { description: definition.description.value }),
        ...(definition.wikidata && { wikidata: definition.wikidata.value }),
      });
    }
  }
  return rows;
}

/** How many mentions of each id the referenced texts hold. */
function mentionCounts(index: WorkspaceView): Map<string, number> {
  const counts = new Map<string, number>();
  for (const textUri of index.referencedTexts()) {
    for (const mention of index.analysis(textUri)?.mentions ?? []) {
      for (const id of mentionIds(mention)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}
