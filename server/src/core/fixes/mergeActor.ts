import { appendToNestedList, removeListItem, replaceScalar, yamlScalar } from '../edits/yamlEdits';
import type { TextEdit } from '../edits/textEdit';
import { similarity } from '../approximateQuote';
import { normalizeForMatch } from '../normalizeText';
import type { ActorDef, Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';

export type MergeResult = { edits: TextEdit[] } | { error: string };

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * Merges actor `fromId` into `intoId`: every reference to `from` is rewritten
 * to `into` (or dropped where it would duplicate one, or make a relation to
 * itself), `from`'s aliases and relations are folded into `into`, and
 * `from`'s definition is removed. All edits are minimal.
 */
export function mergeActor(index: WorkspaceView, fromId: string, intoId: string): MergeResult {
  if (fromId === intoId) return { error: `Cannot merge \`${fromId}\` into itself.` };
  const from = index.actor(fromId);
  const into = index.actor(intoId);
  if (!from) return { error: `No actor has the id \`${fromId}\`.` };
  if (!into) return { error: `No actor has the id \`${intoId}\`.` };
  if (index.actorDefinitions(fromId).length > 1) return { error: `\`${fromId}\` is defined more than once; resolve the duplicate id first.` };
  const contentOf = (uri: string) => index.content(uri) ?? '';
  const edits: TextEdit[] = [];

  for (const reference of index.actorReferences(fromId)) {
    if (reference.role === 'definition' || (reference.uri === from.uri && contains(from.range, reference.range))) continue;
    const content = contentOf(reference.uri);
    if (reference.role === 'about' && reference.claim?.about.some((a) => a.value === intoId)) {
      const edit = removeListItem(reference.uri, content, reference.range);
      if (edit) edits.push(edit);
      continue;
    }
    if (reference.role === 'relation-target' && reference.uri === into.uri && contains(into.range, reference.range)) {
      const relation = into.relations.find((r) => r.target?.range.start === reference.range.start);
      const edit = relation && removeListItem(reference.uri, content, relation.range);
      if (edit) edits.push(edit);
      continue;
    }
    edits.push(replaceScalar(reference.uri, content, { value: fromId, range: reference.range }, intoId));
  }

  const intoContent = contentOf(into.uri);
  const known = new Set(into.aliases.map((a) => normalizeForMatch(a.value).trim()));
  const newAliases = from.aliases.filter((alias) => {
    const key = normalizeForMatch(alias.value).trim();
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  const aliasEdit = appendToNestedList(into.uri, intoContent, into.range.start, 'aliases', newAliases.map((a) => [yamlScalar(a.value)]));
  if (aliasEdit) edits.push(aliasEdit);

  const has = (type: string, target: string) => into.relations.some((r) => r.type?.value === type && r.target?.value === target);
  const movedRelations = from.relations.filter((r) => r.type && r.target && r.target.value !== intoId && r.target.value !== fromId && !has(r.type.value, r.target.value));
  const relationEdit = appendToNestedList(into.uri, intoContent, into.range.start, 'relations', movedRelations.map((r) => [
    `type: ${yamlScalar(r.type!.value)}`,
    `target: ${yamlScalar(r.target!.value)}`,
    ...(r.note ? [`note: ${yamlScalar(r.note.value)}`] : []),
  ]));
  if (relationEdit) edits.push(relationEdit);

  const removal = removeListItem(from.uri, contentOf(from.uri), from.range);
  if (!removal) return { error: `Could not find the definition of \`${fromId}\` to remove it.` };
  edits.push(removal);
  return { edits };
}

/** The actors most like this one (by name and aliases), as likely merge targets. */
export function mergeCandidates(index: WorkspaceView, fromId: string, limit = 3): ActorDef[] {
  const from = index.actor(fromId);
  if (!from) return [];
  const names = (actor: ActorDef) => [actor.name?.value ?? '', ...actor.aliases.map((a) => a.value), actor.id?.value ?? ''].filter(Boolean).map((n) => n.toLowerCase());
  const fromNames = names(from);
  const scored = index.actorIds()
    .filter((id) => id !== fromId)
    .map((id) => index.actor(id)!)
    .map((actor) => ({ actor, score: Math.max(...names(actor).flatMap((a) => fromNames.map((b) => similarity(a, b)))) }));
  return scored.sort((a, b) => b.score - a.score).slice(0, limit).map((s) => s.actor);
}
