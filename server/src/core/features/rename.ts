import { displayLocation } from '../describe';
import type { Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import { ID_PATTERN, kebabCase } from '../syntax/yamlFields';
import { locate } from './locate';
import type { TextEdit } from '../edits/textEdit';

/** What a rename changes: the id's kind, its current value, and where it stands under the cursor. */
export interface RenameSubject {
  kind: 'actor' | 'entity' | 'concept' | 'claim';
  id: string;
  /** The file the cursor is in. */
  uri: string;
  /** The id's characters under the cursor (inside quotes, if the scalar is quoted). */
  range: Span;
}


export type RenameCheck = { ok: true; subject: RenameSubject } | { ok: false; reason: string };
export type RenameResult = { ok: true; edits: TextEdit[] } | { ok: false; reason: string };

const NOTHING_TO_RENAME = 'Nothing to rename here: place the cursor on an actor, concept or claim id in an annotation file.';

/** `prepareRename`: the id under the cursor, or why there is nothing to rename. */
export function prepareRename(index: WorkspaceView, uri: string, offset: number): RenameCheck {
  const located = locate(index, uri, offset);
  if (!located) return { ok: false, reason: NOTHING_TO_RENAME };
  if (located.in === 'text') {
    return { ok: false, reason: 'The words of a text are not ids: to rename this actor, rename its id in the actors file (or where it is used in an annotation file).' };
  }
  const target = located.target;
  const kind = target.kind === 'actor-id' ? (!index.actor(target.id) && index.entity(target.id) ? 'entity' : 'actor') : target.kind === 'concept-id' ? 'concept' : target.kind === 'claim-id' ? 'claim' : undefined;
  if (!kind || !('id' in target)) return { ok: false, reason: NOTHING_TO_RENAME };
  const range = idCharacters(index.content(located.uri) ?? '', target.range, target.id);
  if (!range) return { ok: false, reason: `The id \`${target.id}\` is written in a form that cannot be renamed in place (such as a block scalar): write it as a plain value first.` };
  return { ok: true, subject: { kind, id: target.id, uri: located.uri, range } };
}

/**
 * Renames an actor, concept or claim id in every file. The edits replace
 * only the id's characters, so comments and formatting elsewhere survive
 * byte for byte. Claim ids are named nowhere else, so a claim rename edits
 * its definition only.
 */
export function rename(index: WorkspaceView, uri: string, offset: number, newName: string): RenameResult {
  const check = prepareRename(index, uri, offset);
  if (!check.ok) return check;
  const { kind, id } = check.subject;
  if (!ID_PATTERN.test(newName)) {
    const suggestion = kebabCase(newName);
    return { ok: false, reason: `\`${newName}\` is not a valid id: ids are lower-case kebab-case (letters, digits and single hyphens)${suggestion ? `, for example \`${suggestion}\`` : ''}.` };
  }
  if (newName === id) return { ok: true, edits: [] };
  const taken = takenBy(index, kind, newName);
  if (taken.length > 0) {
    return { ok: false, reason: `The ${taken[0].what} id \`${newName}\` is already used (${displayLocation(index, taken[0].uri, taken[0].range.start)}): choose another id, as ids must be unique across the workspace.` };
  }
  if (kind === 'claim') return { ok: true, edits: [{ uri: check.subject.uri, range: check.subject.range, newText: newName }] };
  // Entities share the actors' references: renaming either renames every place that names it.
  const places = kind === 'concept' ? index.conceptReferences(id) : index.actorReferences(id);
  const edits: TextEdit[] = [];
  for (const place of places) {
    const range = idCharacters(index.content(place.uri) ?? '', place.range, id);
    if (range) edits.push({ uri: place.uri, range, newText: newName });
  }
  return { ok: true, edits };
}

/**
 * The definitions that already hold an id, where a rename to it would
 * collide: actors, entities and concepts share one namespace for entities
 * (format v1.1), while an actor and a concept of one id stay allowed as in v1.
 */
function takenBy(index: WorkspaceView, kind: RenameSubject['kind'], id: string): { uri: string; range: Span; what: string }[] {
  const of = (what: RenameSubject['kind'], defs: readonly { uri: string; range: Span }[]) => defs.map((d) => ({ uri: d.uri, range: d.range, what }));
  if (kind === 'claim') return of('claim', index.claimDefinitions(id).map((c) => ({ uri: c.uri, range: c.claim.range })));
  const entities = of('entity', index.entityDefinitions(id));
  if (kind === 'entity') return [...entities, ...of('actor', index.actorDefinitions(id)), ...of('concept', index.conceptDefinitions(id))];
  return kind === 'actor' ? [...of('actor', index.actorDefinitions(id)), ...entities] : [...of('concept', index.conceptDefinitions(id)), ...entities];
}

/**
 * The characters of an id inside its scalar's range: the whole range for a
 * plain scalar, the inside of the quotes for a quoted one. Undefined when the
 * source does not hold the id as written (block scalars, escapes).
 */
export function idCharacters(content: string, range: Span, id: string): Span | undefined {
  const source = content.slice(range.start, range.end);
  if (source === id) return range;
  const quote = source[0];
  if ((quote === '"' || quote === "'") && source.endsWith(quote) && source.slice(1, -1) === id) {
    return { start: range.start + 1, end: range.end - 1 };
  }
  return undefined;
}
