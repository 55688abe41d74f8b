import type { ActorDef, AttributeDef, ClaimDef, TextAnnotationDef } from '../model';
import { collectTexts, resolvedSpan, unresolvedWarning } from '../export/exportTexts';
import type { ExportWarning } from '../export/exportTypes';
import type { WorkspaceView } from '../workspace/workspaceView';
import { ALIAS_SEPARATOR } from './dnaEntities';
import type { DnaDatabase, DnaDocument, DnaEntity } from './dnaRows';
import { DNA_VERSION, DNA_VERSION_DATE, STANDARD_ATTRIBUTES, STANDARD_TYPE, STANDARD_VARIABLES, type StandardVariable } from './dnaSchema';

export interface DnaExportResult {
  database: DnaDatabase;
  counts: { documents: number; statements: number; entities: number };
  /** Claims that could not be exported (quote not resolved, claimant unknown). */
  warnings: ExportWarning[];
  /** What DNA has no place for and was left out, one sentence each. */
  notes: string[];
}

/** The coder the export writes when no text or claim names one. */
export const DEFAULT_CODER = 'Policy Annotator';

/**
 * The password of every coder the export writes (DNA asks for it when it
 * opens the database, rDNA's `dna_openDatabase` takes it as `coderPassword`;
 * change it in DNA's coder manager). Not empty, because rDNA asks again for
 * an empty one. Stored as DNA stores passwords: see node/dnaFiles.ts.
 */
export const DNA_CODER_PASSWORD = 'policy-annotator';

const attribute = (attributes: readonly AttributeDef[], key: string) => attributes.find((a) => a.key.value === key)?.value.value;

/**
 * The rows of a DNA 3 database holding the workspace: one document per
 * annotated text, one statement of the standard type per claim whose quote
 * resolves, entities for the actors and concepts with their attributes, and
 * the coders the texts and claims name. The inverse of `importDna` for
 * everything DNA can hold (docs/dna.md).
 */
export function exportDna(index: WorkspaceView, options: { workspaceFolder: string }): DnaExportResult {
  const { texts, warnings } = collectTexts(index, options);
  const db: DnaDatabase = {
    settings: [{ property: 'version', value: DNA_VERSION }, { property: 'date', value: DNA_VERSION_DATE }],
    coders: [],
    documents: [],
    statementTypes: [{ ...STANDARD_TYPE }],
    variables: Object.entries(STANDARD_VARIABLES).map(([variable, v]) => ({ id: v.id, variable, dataType: v.dataType, statementTypeId: STANDARD_TYPE.id })),
    statements: [],
    entities: [],
    shortText: [],
    longText: [],
    integers: [],
    booleans: [],
    attributeVariables: [],
    attributeValues: [],
  };
  const shortTextVariables: StandardVariable[] = ['person', 'organization', 'concept'];
  for (const variable of shortTextVariables) {
    for (const name of STANDARD_ATTRIBUTES) db.attributeVariables.push({ id: db.attributeVariables.length + 1, variableId: STANDARD_VARIABLES[variable].id, attributeVariable: name });
  }
  const coders = new CoderIds(db);
  const entities = new EntityRows(index, db);
  // In file order, as the import wrote them, so that importing the export gives the same ids.
  const files = index.annotationFiles();
  for (const actor of files.flatMap((file) => file.actors)) {
    const defined = actor.id ? index.actor(actor.id.value) : undefined;
    if (defined) entities.actorEntity(defined, defined.kind?.value === 'person' ? 'person' : 'organization');
  }
  for (const concept of files.flatMap((file) => file.concepts)) if (concept.id && index.concept(concept.id.value)) entities.conceptEntity(concept.id.value);
  entities.linkParents();

  const lost = { texts: new Set<string>(), claims: new Set<string>(), stanceless: 0 };
  for (const text of texts) {
    const annotations = index.annotationsOf(text.uri).map((uri) => index.annotationFile(uri)?.textAnnotation).filter((a): a is TextAnnotationDef => a !== undefined);
    const head = annotations[0];
    const document = documentRow(db.documents.length + 1, text.content, text.path, head, coders);
    db.documents.push(document);
    for (const annotation of annotations) noteLostTextFields(annotation, lost.texts);
    for (const anchored of text.analysis.claims) {
      const span = resolvedSpan(anchored);
      if (!span) {
        warnings.push(unresolvedWarning(anchored, text.path));
        continue;
      }
      const claim = anchored.def;
      const claimant = claim.claimant ? index.actor(claim.claimant.value) : undefined;
      if (!claimant) {
        warnings.push({ uri: anchored.annotationUri, range: claim.claimant?.range ?? claim.range, message: `Claim \`${claim.id?.value ?? 'without id'}\` has no known claimant, so it was not exported: DNA needs a person or an organization.` });
        continue;
      }
      noteLostClaimFields(claim, lost.claims);
      const statementId = db.statements.length + 1;
      const coder = attribute(claim.attributes, 'coder');
      db.statements.push({ id: statementId, statementTypeId: STANDARD_TYPE.id, documentId: document.id, start: span.start, stop: span.end, coder: coder === undefined ? document.coder : coders.id(coder) });
      const onBehalfOfId = claim.onBehalfOf?.value ?? attribute(claim.attributes, 'organization');
      const onBehalfOf = onBehalfOfId === undefined ? undefined : index.actor(onBehalfOfId);
      const personActor = onBehalfOf || claimant.kind?.value === 'person' ? claimant : undefined;
      const organizationActor = onBehalfOf ?? (personActor ? undefined : claimant);
      const put = (variable: StandardVariable, entity: number) => db.shortText.push({ statementId, variableId: STANDARD_VARIABLES[variable].id, value: entity });
      put('person', personActor ? entities.actorEntity(personActor, 'person') : entities.empty('person'));
      put('organization', organizationActor ? entities.actorEntity(organizationActor, 'organization') : entities.empty('organization'));
      const concept = claim.concept && index.concept(claim.concept.value) ? claim.concept.value : undefined;
      put('concept', concept ? entities.conceptEntity(concept) : entities.empty('concept'));
      const stance = claim.stance?.value;
      if (concept && stance === undefined) lost.stanceless++;
      const agreement = concept ? (stance === 'rejects' ? 0 : 1) : attribute(claim.attributes, 'agreement') === '0' ? 0 : 1;
      db.booleans.push({ statementId, variableId: STANDARD_VARIABLES.agreement.id, value: agreement });
    }
  }
  if (db.coders.length === 0) coders.id(DEFAULT_CODER);
  const notes = entities.notes();
  if (lost.texts.size) notes.push(`Text fields DNA has no place for were left out: ${[...lost.texts].sort().join(', ')}.`);
  if (lost.claims.size) notes.push(`Claim fields DNA has no place for were left out: ${[...lost.claims].sort().join(', ')}.`);
  if (lost.stanceless) notes.push(`${lost.stanceless} claim${lost.stanceless === 1 ? ' has' : 's have'} a concept but no stance: DNA's agreement cannot be empty, so ${lost.stanceless === 1 ? 'it was' : 'they were'} written as agreeing (1).`);
  return { database: db, counts: { documents: db.documents.length, statements: db.statements.length, entities: db.entities.filter((e) => e.value !== '').length }, warnings, notes };
}

function documentRow(id: number, text: string, path: string, head: TextAnnotationDef | undefined, coders: CoderIds): DnaDocument {
  const attributes = head?.attributes ?? [];
  // DNA's short fields hold fewer than 191 characters.
  const of = (key: string) => (attribute(attributes, key) ?? '').slice(0, key === 'notes' ? undefined : 190);
  const dateTime = attribute(attributes, 'date-time');
  const published = head?.published?.value;
  const millis = Date.parse(dateTime ?? (published ? `${published}${published.length === 4 ? '-01-01' : published.length === 7 ? '-01' : ''}T00:00:00Z` : ''));
  const coder = attribute(attributes, 'coder');
  return {
    id,
    title: (head?.title?.value ?? path.replace(/^.*\//, '')).slice(0, 190),
    text,
    coder: coders.id(coder ?? DEFAULT_CODER),
    author: of('author'),
    source: of('source'),
    section: of('section'),
    notes: head?.note?.value ?? of('notes'),
    type: of('type'),
    date: Number.isFinite(millis) ? Math.floor(millis / 1000) : 0,
  };
}

const TEXT_ATTRIBUTES_KEPT = new Set(['author', 'source', 'section', 'type', 'notes', 'date-time', 'coder']);
function noteLostTextFields(annotation: TextAnnotationDef, lost: Set<string>): void {
  if (annotation.author) lost.add('author (an actor id; DNA keeps the author attribute)');
  if (annotation.url) lost.add('url');
  if (annotation.mentions.length) lost.add('mentions');
  for (const a of annotation.attributes) if (!TEXT_ATTRIBUTES_KEPT.has(a.key.value)) lost.add(`attribute ${a.key.value}`);
}

const CLAIM_ATTRIBUTES_KEPT = new Set(['coder', 'organization', 'agreement']);
function noteLostClaimFields(claim: ClaimDef, lost: Set<string>): void {
  if (claim.about.length) lost.add('about');
  if (claim.type) lost.add('type');
  if (claim.evidence) lost.add('evidence');
  if (claim.note) lost.add('note');
  if (claim.reportedBy.length) lost.add('reported-by');
  if (claim.id) lost.add('id (the import makes ids from claimant and concept)');
  for (const a of claim.attributes) if (!CLAIM_ATTRIBUTES_KEPT.has(a.key.value)) lost.add(`attribute ${a.key.value}`);
}

/** Coders by name, numbered in order of first use; every coder may do everything. */
class CoderIds {
  private readonly byName = new Map<string, number>();
  constructor(private readonly db: DnaDatabase) {}
  id(name: string): number {
    const clipped = name.slice(0, 190);
    const found = this.byName.get(clipped);
    if (found !== undefined) return found;
    const id = this.db.coders.length + 1;
    this.db.coders.push({ id, name: clipped, red: 255, green: 255, blue: 0 });
    this.byName.set(clipped, id);
    return id;
  }
}

/** Entities by variable and actor or concept id, with their attribute values; one empty entity per variable for statements without a value. */
class EntityRows {
  private readonly byKey = new Map<string, number>();
  private readonly values = new Set<string>();
  private readonly parents: { entity: DnaEntity; actor: ActorDef; variable: StandardVariable }[] = [];
  private otherRelations = 0;
  private renamed = 0;

  constructor(private readonly index: WorkspaceView, private readonly db: DnaDatabase) {}

  actorEntity(actor: ActorDef, variable: StandardVariable): number {
    const id = actor.id?.value ?? '';
    const known = this.byKey.get(`${variable}:${id}`);
    if (known !== undefined) return known;
    const kind = actor.kind?.value ?? '';
    const entity = this.add(variable, id, actor.name?.value ?? id, {
      Type: kind === (variable === 'person' ? 'person' : 'organization') ? '' : kind,
      Alias: actor.aliases.map((a) => a.value).filter((alias) => alias !== actor.name?.value).join(ALIAS_SEPARATOR),
      Notes: actor.description?.value ?? '',
    });
    this.parents.push({ entity, actor, variable });
    return entity.id;
  }

  conceptEntity(id: string): number {
    const known = this.byKey.get(`concept:${id}`);
    if (known !== undefined) return known;
    const concept = this.index.concept(id);
    return this.add('concept', id, concept?.label?.value ?? id, { Type: '', Alias: '', Notes: concept?.description?.value ?? '' }).id;
  }

  empty(variable: StandardVariable): number {
    return this.byKey.get(`${variable}:`) ?? this.add(variable, '', '', {}).id;
  }

  /** `part-of` relations between entities of one variable become ChildOf (DNA holds one parent per entity). */
  linkParents(): void {
    for (const { entity, actor, variable } of this.parents) {
      for (const relation of actor.relations) {
        const target = relation.target?.value;
        const parent = target === undefined ? undefined : this.byKey.get(`${variable}:${target}`);
        if (relation.type?.value === 'part-of' && parent !== undefined && entity.childOf === null) entity.childOf = parent;
        else this.otherRelations++;
      }
    }
  }

  notes(): string[] {
    const notes: string[] = [];
    if (this.otherRelations) notes.push(`${this.otherRelations} relation${this.otherRelations === 1 ? '' : 's'} other than one part-of within persons or organizations ${this.otherRelations === 1 ? 'was' : 'were'} left out: DNA holds one parent per entity.`);
    if (this.renamed) notes.push(`${this.renamed} actor or concept name${this.renamed === 1 ? ' was' : 's were'} not unique in its variable and got its id appended, as DNA requires unique values.`);
    return notes;
  }

  private add(variable: StandardVariable, key: string, name: string, attributes: Record<string, string>): DnaEntity {
    const variableId = STANDARD_VARIABLES[variable].id;
    let value = name.slice(0, 190);
    if (this.values.has(`${variableId}:${value}`)) {
      value = `${name.slice(0, 150)} (${key})`.slice(0, 190);
      this.renamed++;
    }
    this.values.add(`${variableId}:${value}`);
    const entity: DnaEntity = { id: this.db.entities.length + 1, variableId, value, red: 0, green: 0, blue: 0, childOf: null };
    this.db.entities.push(entity);
    this.byKey.set(`${variable}:${key}`, entity.id);
    for (const [name, attributeValue] of Object.entries(attributes)) {
      const attributeVariable = this.db.attributeVariables.find((a) => a.variableId === variableId && a.attributeVariable === name);
      if (attributeVariable && attributeValue !== '') this.db.attributeValues.push({ entityId: entity.id, attributeVariableId: attributeVariable.id, attributeValue: attributeValue.slice(0, 190) });
    }
    return entity;
  }
}
