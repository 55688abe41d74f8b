import type { Span } from '../model';
import { CodePointIndex } from './codePoints';
import { BRAT_ACTOR_ATTRIBUTE, BRAT_CLAIM_ATTRIBUTES, BRAT_CLAIM_TYPE, BRAT_ENTITY_ATTRIBUTE } from './exportBrat';

/*
 * Reads brat standoff `.ann` files: the entity (T), relation (R), attribute
 * (A/M), normalization (N) and note (#) lines, enough to bring brat entities
 * back as actor mentions and claims. Events and equivalences are skipped.
 */

export interface BratEntity {
  id: string;
  type: string;
  /** Fragments in code point offsets, as written. */
  fragments: Span[];
  text: string;
  line: number;
}

export interface BratRelation {
  id: string;
  type: string;
  arg1: string;
  arg2: string;
}

export interface BratAttribute {
  id: string;
  name: string;
  target: string;
  /** Absent for binary attributes. */
  value?: string;
}

export interface BratNormalization {
  id: string;
  target: string;
  database: string;
  entry: string;
  text: string;
}

export interface BratNote {
  id: string;
  type: string;
  target: string;
  text: string;
}

export interface BratProblem {
  /** 1-based line number in the `.ann` file. */
  line: number;
  message: string;
}

export interface BratDocument {
  entities: BratEntity[];
  relations: BratRelation[];
  attributes: BratAttribute[];
  normalizations: BratNormalization[];
  notes: BratNote[];
  problems: BratProblem[];
}

/** Parses a brat `.ann` file. Lines it cannot read are reported in `problems`, never thrown. */
export function parseBratAnn(content: string): BratDocument {
  const doc: BratDocument = { entities: [], relations: [], attributes: [], normalizations: [], notes: [], problems: [] };
  const lines = content.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const problem = (message: string) => doc.problems.push({ line, message });
    const firstTab = raw.indexOf('\t');
    if (firstTab < 0) return problem('no tab after the annotation id');
    const id = raw.slice(0, firstTab);
    const rest = raw.slice(firstTab + 1);
    const secondTab = rest.indexOf('\t');
    const head = secondTab < 0 ? rest : rest.slice(0, secondTab);
    const tail = secondTab < 0 ? undefined : rest.slice(secondTab + 1);
    const fields = head.split(' ').filter((f) => f !== '');
    switch (id[0]) {
      case 'T': {
        const [type, ...offsets] = fields;
        const fragments = offsets.join(' ').split(';').map((pair) => pair.trim().split(/\s+/).map(Number));
        if (!type || tail === undefined || fragments.some((f) => f.length !== 2 || !f.every((n) => Number.isInteger(n) && n >= 0) || f[0] > f[1])) {
          return problem(`entity ${id}: expected "type start end[;start end…]" and the text`);
        }
        doc.entities.push({ id, type, fragments: fragments.map(([start, end]) => ({ start, end })), text: tail, line });
        return;
      }
      case 'R': {
        const [type, a1, a2] = fields;
        if (!type || !a1?.startsWith('Arg1:') || !a2?.startsWith('Arg2:')) return problem(`relation ${id}: expected "type Arg1:<id> Arg2:<id>"`);
        doc.relations.push({ id, type, arg1: a1.slice(5), arg2: a2.slice(5) });
        return;
      }
      case 'A':
      case 'M': {
        const [name, target, value] = fields;
        if (!name || !target) return problem(`attribute ${id}: expected "name target [value]"`);
        doc.attributes.push({ id, name, target, ...(value !== undefined ? { value } : {}) });
        return;
      }
      case 'N': {
        const [, target, reference] = fields;
        const colon = reference?.indexOf(':') ?? -1;
        if (!target || !reference || colon <= 0) return problem(`normalization ${id}: expected "Reference target database:entry"`);
        doc.normalizations.push({ id, target, database: reference.slice(0, colon), entry: reference.slice(colon + 1), text: tail ?? '' });
        return;
      }
      case '#': {
        const [type, target] = fields;
        if (!type || !target) return problem(`note ${id}: expected "type target" and the text`);
        doc.notes.push({ id, type, target, text: tail ?? '' });
        return;
      }
      default:
        return; // events (E), equivalences (*) and others carry nothing we import
    }
  });
  return doc;
}

/** An actor mention brought back from brat, in the core's UTF-16 offsets. */
export interface ImportedMention {
  span: Span;
  /** The actor's id, or an entity's (its `Entity` attribute; its kind is then `Entity-<kind>`). */
  actorId: string;
  kind: string;
}

/** A claim brought back from brat, in the core's UTF-16 offsets. */
export interface ImportedClaim {
  span: Span;
  id?: string;
  stance?: string;
  type?: string;
  evidence?: string;
  concept?: string;
}

/**
 * The actor mentions and claims of a parsed `.ann` file, with offsets
 * converted from brat's code points to UTF-16 over the `.txt` text. A
 * discontinuous entity spans from its first fragment's start to its last
 * fragment's end. An entity counts as an actor mention when it has an
 * `Actor` attribute, and as a claim when its type is `Claim`.
 */
export function importBratEntities(doc: BratDocument, text: string): { mentions: ImportedMention[]; claims: ImportedClaim[] } {
  const codePoints = new CodePointIndex(text);
  const attributes = new Map<string, Map<string, string>>();
  for (const attribute of doc.attributes) {
    const map = attributes.get(attribute.target) ?? new Map<string, string>();
    map.set(attribute.name, attribute.value ?? 'true');
    attributes.set(attribute.target, map);
  }
  const noteOf = new Map(doc.notes.filter((n) => n.type === 'AnnotatorNotes').map((n) => [n.target, n.text.trim()]));
  const mentions: ImportedMention[] = [];
  const claims: ImportedClaim[] = [];
  for (const entity of doc.entities) {
    if (entity.fragments.length === 0) continue;
    const span = codePoints.spanToUtf16({ start: entity.fragments[0].start, end: entity.fragments[entity.fragments.length - 1].end });
    const own = attributes.get(entity.id);
    if (entity.type === BRAT_CLAIM_TYPE) {
      const id = noteOf.get(entity.id);
      const claim: ImportedClaim = { span, ...(id ? { id } : {}) };
      for (const [field, name] of Object.entries(BRAT_CLAIM_ATTRIBUTES) as [keyof typeof BRAT_CLAIM_ATTRIBUTES, string][]) {
        const value = own?.get(name);
        if (value !== undefined) claim[field] = value;
      }
      claims.push(claim);
      continue;
    }
    const actorId = own?.get(BRAT_ACTOR_ATTRIBUTE) ?? own?.get(BRAT_ENTITY_ATTRIBUTE);
    if (actorId) mentions.push({ span, actorId, kind: entity.type });
  }
  return { mentions, claims };
}
