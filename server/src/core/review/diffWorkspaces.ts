import { annotationFileDiagnostics, workspaceDiagnostics } from '../checks/index';
import { describePeriod, displayPath } from '../describe';
import type { ActorDef, AnnotationFile, ClaimDef, ConceptDef, EntityDef, Severity, TextAnnotationDef } from '../model';
import type { AnchorStatus } from '../resolveQuote';
import type { Anchored, WorkspaceView } from '../workspace/workspaceView';
import { diffMentions, type MentionChange } from './diffMentions';

export type { MentionChange } from './diffMentions';

export type ChangeStatus = 'added' | 'removed' | 'changed';

export interface ActorChange {
  id: string;
  status: ChangeStatus;
  name?: string;
  kind?: string;
  file: string;
  /** Fields whose value changed (for `changed`). */
  fields: string[];
  aliasesAdded: string[];
  aliasesRemoved: string[];
  relationsAdded: string[];
  relationsRemoved: string[];
}

/** An entity (format v1.1) added, removed or changed: as an actor's change, without relations (entities have none: both lists stay empty). */
export type EntityChange = ActorChange;

export interface ConceptChange {
  id: string;
  status: ChangeStatus;
  label?: string;
  file: string;
  fields: string[];
}

/** A claim as a reviewer needs to see it: who, which stance, and the words it points at. */
export interface ClaimView {
  id: string;
  file: string;
  claimant?: string;
  stance?: string;
  concept?: string;
  type?: string;
  quote?: string;
  text?: string;
  /** The article's words at the anchor, when it resolves (or where a stale quote would go). */
  quotedText?: string;
  anchor: AnchorStatus | 'no-text';
  /** 1-based line of the anchor in the text. */
  line?: number;
}

export interface ClaimChange {
  id: string;
  status: ChangeStatus;
  before?: ClaimView;
  after?: ClaimView;
  fields: string[];
}

/** A text annotation file whose metadata (title, authors, contributors, date, address, note) changed. */
export interface TextMetadataChange {
  file: string;
  status: ChangeStatus;
  title?: string;
  fields: string[];
}

export interface AnchorChange {
  id: string;
  kind: 'moved' | 'broke' | 'fixed';
  before: ClaimView;
  after: ClaimView;
}

export interface DiagnosticView {
  file: string;
  line: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface WorkspaceDiff {
  actors: ActorChange[];
  /** Format v1.1: entities added, removed or changed. */
  entities: EntityChange[];
  concepts: ConceptChange[];
  claims: ClaimChange[];
  /** Changes to the texts' own metadata (format v1.1: several authors, contributors, a note). */
  texts: TextMetadataChange[];
  anchors: AnchorChange[];
  /** Mentions in the texts gained or lost (by alias, suppression or explicit mention edits). */
  mentions: MentionChange[];
  newDiagnostics: DiagnosticView[];
  /** Diagnostics of the base that are gone in the head. */
  fixedDiagnostics: number;
}

const RESOLVED: readonly string[] = ['exact', 'normalized'];

/** Every id defined on either side, sorted, with its definition before and after. */
function pairedById<T>(base: WorkspaceView, head: WorkspaceView, ids: (index: WorkspaceView) => string[], get: (index: WorkspaceView, id: string) => T | undefined): { id: string; a?: T; b?: T }[] {
  const side = (index: WorkspaceView) => {
    const map = new Map<string, T>();
    for (const id of ids(index)) {
      const value = get(index, id);
      if (value) map.set(id, value);
    }
    return map;
  };
  const before = side(base);
  const after = side(head);
  return [...new Set([...before.keys(), ...after.keys()])].sort().map((id) => ({ id, a: before.get(id), b: after.get(id) }));
}

function changedFields<T>(before: T, after: T, fields: [string, (value: T) => unknown][]): string[] {
  return fields.filter(([, get]) => JSON.stringify(get(before)) !== JSON.stringify(get(after))).map(([name]) => name);
}

function relationStrings(actor: ActorDef | EntityDef): string[] {
  // With its period: a relation that ended or began is a change to review.
  return 'relations' in actor ? actor.relations.filter((r) => r.type && r.target).map((r) => `${r.type!.value} ${r.target!.value}${describePeriod(r.from?.value, r.until?.value)}`) : [];
}

function minus(a: string[], b: string[]): string[] {
  const set = new Set(b);
  return a.filter((x) => !set.has(x));
}

/** The actors (or, with `entities`, the entities) added, removed or changed. */
function diffActors(base: WorkspaceView, head: WorkspaceView, entities = false): ActorChange[] {
  const changes: ActorChange[] = [];
  const ids = (index: WorkspaceView) => (entities ? index.entityIds() : index.actorIds());
  const get = (index: WorkspaceView, id: string): ActorDef | EntityDef | undefined => (entities ? index.entity(id) : index.actor(id));
  for (const { id, a, b } of pairedById(base, head, ids, get)) {
    const actor = (b ?? a)!;
    const aliasesBefore = a?.aliases.map((x) => x.value) ?? [];
    const aliasesAfter = b?.aliases.map((x) => x.value) ?? [];
    const relationsBefore = a ? relationStrings(a) : [];
    const relationsAfter = b ? relationStrings(b) : [];
    const fields = a && b ? changedFields(a, b, [['name', (x) => x.name?.value], ['kind', (x) => x.kind?.value], ['description', (x) => x.description?.value], ['wikidata', (x) => x.wikidata?.value]]) : [];
    const change: ActorChange = {
      id,
      status: !a ? 'added' : !b ? 'removed' : 'changed',
      name: actor.name?.value,
      kind: actor.kind?.value,
      file: displayPath(b ? head : base, actor.uri),
      fields,
      aliasesAdded: minus(aliasesAfter, aliasesBefore),
      aliasesRemoved: minus(aliasesBefore, aliasesAfter),
      relationsAdded: minus(relationsAfter, relationsBefore),
      relationsRemoved: minus(relationsBefore, relationsAfter),
    };
    const touched = change.status !== 'changed' || fields.length || change.aliasesAdded.length || change.aliasesRemoved.length || change.relationsAdded.length || change.relationsRemoved.length;
    if (touched) changes.push(change);
  }
  return changes;
}

function diffConcepts(base: WorkspaceView, head: WorkspaceView): ConceptChange[] {
  const changes: ConceptChange[] = [];
  for (const { id, a, b } of pairedById(base, head, (index) => index.conceptIds(), (index, id) => index.concept(id))) {
    const concept: ConceptDef = (b ?? a)!;
    const fields = a && b ? changedFields(a, b, [['label', (x) => x.label?.value], ['description', (x) => x.description?.value]]) : [];
    if (a && b && fields.length === 0) continue;
    changes.push({ id, status: !a ? 'added' : !b ? 'removed' : 'changed', label: concept.label?.value, file: displayPath(b ? head : base, concept.uri), fields });
  }
  return changes;
}

/**
 * Which parts of two workspaces a diff compares: everything (no scope), or
 * only what a set of changed files can reach (see diffChangedFiles); the rest
 * is then known to be the same on both sides.
 */
export interface DiffScope {
  /** Annotation files whose metadata and diagnostics are compared. */
  files: ReadonlySet<string>;
  /** Texts whose mentions are compared. */
  texts: ReadonlySet<string>;
  /** Claim ids whose claims and anchors are compared. */
  claimIds: ReadonlySet<string>;
}

/** Every claim of a workspace (or those with the scope's ids) with its anchor, by id (the first definition of an id wins). */
function claimViews(index: WorkspaceView, scope?: DiffScope): Map<string, { view: ClaimView; def: ClaimDef }> {
  const first = new Map<string, { def: ClaimDef; uri: string }>();
  for (const file of index.annotationFiles()) {
    for (const def of file.textAnnotation?.claims ?? []) {
      const id = def.id?.value;
      if (id && !first.has(id) && (!scope || scope.claimIds.has(id))) first.set(id, { def, uri: file.uri });
    }
  }
  // A claim is anchored in the text its own file points at: with a scope, only those texts are analysed.
  const texts = scope ? new Set([...first.values()].flatMap(({ uri }) => textOfAnnotationFile(index, uri) ?? [])) : index.referencedTexts();
  const anchors = new Map<ClaimDef, { anchored: Anchored<ClaimDef>; textUri: string }>();
  for (const textUri of texts) {
    for (const anchored of index.analysis(textUri)?.claims ?? []) anchors.set(anchored.def, { anchored, textUri });
  }
  const views = new Map<string, { view: ClaimView; def: ClaimDef }>();
  for (const [id, { def, uri }] of first) {
    const found = anchors.get(def);
    const span = found?.anchored.result.span ?? found?.anchored.result.proposal?.span;
    const text = found && index.content(found.textUri);
    views.set(id, {
      def,
      view: {
        id,
        file: displayPath(index, uri),
        claimant: def.claimant?.value,
        stance: def.stance?.value,
        concept: def.concept?.value,
        type: def.type?.value,
        quote: def.quote?.value,
        text: found ? displayPath(index, found.textUri) : undefined,
        quotedText: span && text !== undefined ? text.slice(span.start, span.end) : undefined,
        anchor: found ? found.anchored.result.status : 'no-text',
        line: span && found ? index.lineIndex(found.textUri)!.positionAt(span.start).line + 1 : undefined,
      },
    });
  }
  return views;
}

/** The text an annotation file's `text:` leads to, if any. */
export function textOfAnnotationFile(index: WorkspaceView, annotationUri: string): string | undefined {
  const reference = index.textReferenceOf(annotationUri);
  return reference?.kind === 'ok' ? reference.uri : undefined;
}

const CLAIM_FIELDS: [string, (c: ClaimDef) => unknown][] = [
  ['claimant', (c) => c.claimant?.value],
  ['quote', (c) => c.quote?.value],
  ['prefix', (c) => c.prefix?.value],
  ['suffix', (c) => c.suffix?.value],
  ['about', (c) => c.about.map((a) => a.value).sort()],
  ['concept', (c) => c.concept?.value],
  ['stance', (c) => c.stance?.value],
  ['type', (c) => c.type?.value],
  ['evidence', (c) => c.evidence?.value],
  ['note', (c) => c.note?.value],
  ['on-behalf-of', (c) => c.onBehalfOf?.value],
  ['reported-by', (c) => c.reportedBy.map((r) => r.value).sort()],
];

const TEXT_METADATA_FIELDS: [string, (t: TextAnnotationDef) => unknown][] = [
  ['text', (t) => t.text?.value],
  ['title', (t) => t.title?.value],
  ['author', (t) => t.authors.map((a) => a.value)],
  ['contributors', (t) => t.contributors.map((c) => [c.actor?.value, c.role?.value])],
  ['published', (t) => t.published?.value],
  ['url', (t) => t.url?.value],
  ['note', (t) => t.note?.value],
];

/** Text annotation files by path whose metadata was added, removed or changed. */
function diffTextMetadata(base: WorkspaceView, head: WorkspaceView, scope?: DiffScope): TextMetadataChange[] {
  const side = (index: WorkspaceView) => new Map(filesIn(index, scope).flatMap((file) => (file.textAnnotation ? [[displayPath(index, file.uri), file.textAnnotation] as const] : [])));
  const before = side(base);
  const after = side(head);
  const changes: TextMetadataChange[] = [];
  for (const file of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(file);
    const b = after.get(file);
    if (!a || !b) {
      changes.push({ file, status: a ? 'removed' : 'added', title: (b ?? a)!.title?.value, fields: [] });
      continue;
    }
    const fields = changedFields(a, b, TEXT_METADATA_FIELDS);
    if (fields.length) changes.push({ file, status: 'changed', title: b.title?.value, fields });
  }
  return changes;
}

function diffClaims(base: WorkspaceView, head: WorkspaceView, scope?: DiffScope): { claims: ClaimChange[]; anchors: AnchorChange[] } {
  const before = claimViews(base, scope);
  const after = claimViews(head, scope);
  const claims: ClaimChange[] = [];
  const anchors: AnchorChange[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(id);
    const b = after.get(id);
    if (!a || !b) {
      claims.push({ id, status: a ? 'removed' : 'added', ...(a ? { before: a.view } : {}), ...(b ? { after: b.view } : {}), fields: [] });
      continue;
    }
    const fields = changedFields(a.def, b.def, CLAIM_FIELDS);
    if (a.view.file !== b.view.file) fields.push('file');
    if (fields.length) claims.push({ id, status: 'changed', before: a.view, after: b.view, fields });
    const wasResolved = RESOLVED.includes(a.view.anchor);
    const isResolved = RESOLVED.includes(b.view.anchor);
    if (wasResolved && !isResolved) anchors.push({ id, kind: 'broke', before: a.view, after: b.view });
    else if (!wasResolved && isResolved && a.view.anchor !== 'no-text') anchors.push({ id, kind: 'fixed', before: a.view, after: b.view });
    else if (wasResolved && isResolved && (a.view.line !== b.view.line || a.view.text !== b.view.text)) anchors.push({ id, kind: 'moved', before: a.view, after: b.view });
  }
  return { claims, anchors };
}

/** The annotation files of a workspace, or those in the scope, in the workspace's order. */
function filesIn(index: WorkspaceView, scope: DiffScope | undefined): AnnotationFile[] {
  const files = index.annotationFiles();
  return scope ? files.filter((file) => scope.files.has(file.uri)) : files;
}

function diagnosticKeys(index: WorkspaceView, scope?: DiffScope): Map<string, DiagnosticView[]> {
  const keyed = new Map<string, DiagnosticView[]>();
  const diagnosed = scope ? filesIn(index, scope).map((file) => [file.uri, annotationFileDiagnostics(index, file.uri)] as const) : workspaceDiagnostics(index);
  for (const [uri, diagnostics] of diagnosed) {
    const content = index.content(uri) ?? '';
    const lines = index.lineIndex(uri);
    for (const d of diagnostics) {
      const file = displayPath(index, uri);
      const key = `${file}\u0000${d.code}\u0000${content.slice(d.range.start, d.range.end)}`;
      const list = keyed.get(key) ?? [];
      list.push({ file, line: (lines?.positionAt(d.range.start).line ?? 0) + 1, severity: d.severity, code: d.code, message: d.message });
      keyed.set(key, list);
    }
  }
  return keyed;
}

/**
 * What changed between two states of a workspace, for review: actors,
 * entities, concepts and claims added, removed or changed; anchors that moved, broke
 * or were fixed; mentions gained or lost; and diagnostics the head has that the base did not.
 * With a scope, only its files, texts and claims are compared (diffChangedFiles
 * gives one when everything outside it is the same on both sides).
 */
export function diffWorkspaces(base: WorkspaceView, head: WorkspaceView, scope?: DiffScope): WorkspaceDiff {
  const { claims, anchors } = diffClaims(base, head, scope);
  const before = diagnosticKeys(base, scope);
  const after = diagnosticKeys(head, scope);
  const newDiagnostics: DiagnosticView[] = [];
  let fixedDiagnostics = 0;
  for (const [key, views] of after) newDiagnostics.push(...views.slice(before.get(key)?.length ?? 0));
  for (const [key, views] of before) fixedDiagnostics += Math.max(0, views.length - (after.get(key)?.length ?? 0));
  newDiagnostics.sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line);
  return { actors: diffActors(base, head), entities: diffActors(base, head, true), concepts: diffConcepts(base, head), claims, texts: diffTextMetadata(base, head, scope), anchors, mentions: diffMentions(base, head, scope?.texts), newDiagnostics, fixedDiagnostics };
}
