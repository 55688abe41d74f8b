import { makeDiagnostic } from '../diagnosticCodes';
import type { ActorDef, AnnotationFile, CoreDiagnostic, RelatedLocation, RelationDef } from '../model';
import { beginsAfterEnd, isPartialDate } from '../syntax/readDates';
import { ANTISYMMETRIC_RELATIONS, CONTRADICTORY_RELATIONS, relationAllowsKind, relationType } from '../vocabulary';
import type { WorkspaceView } from '../workspace/workspaceView';
import type { StatedRelation } from '../workspace/workspaceView';

/** For every relation on a part-of/member-of cycle, the cycle it lies on. */
function hierarchyCycles(index: WorkspaceView): Map<RelationDef, StatedRelation[]> {
  return index.memo('hierarchy-cycles', ['registry'], () => {
    const edges = new Map<string, StatedRelation[]>();
    for (const [subject, stated] of index.hierarchyEdges()) {
      const list = stated.filter((edge) => edge.subject !== edge.target);
      if (list.length > 0) edges.set(subject, list);
    }
    const onCycle = new Map<RelationDef, StatedRelation[]>();
    // Depth-first search keeping the current path; a back edge closes a cycle.
    const state = new Map<string, 'active' | 'done'>();
    const path: StatedRelation[] = [];
    const visit = (node: string) => {
      state.set(node, 'active');
      for (const edge of edges.get(node) ?? []) {
        const next = state.get(edge.target);
        if (next === 'active') {
          const start = path.findIndex((e) => e.subject === edge.target);
          const cycle = [...path.slice(start === -1 ? path.length : start), edge];
          for (const member of cycle) if (!onCycle.has(member.relation)) onCycle.set(member.relation, cycle);
        } else if (next === undefined) {
          path.push(edge);
          visit(edge.target);
          path.pop();
        }
      }
      state.set(node, 'done');
    };
    for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
    return onCycle;
  });
}

/**
 * Whether two relations can hold at the same time: true unless their
 * `from`/`until` periods are disjoint (an alliance that ended before the
 * opposition began). A missing or invalid date leaves its end open.
 */
function periodsOverlap(a: RelationDef, b: RelationDef): boolean {
  const date = (located: RelationDef['from']) => (located && isPartialDate(located.value) ? located.value : undefined);
  const endsBefore = (first: RelationDef, second: RelationDef) => {
    const until = date(first.until);
    const from = date(second.from);
    return until !== undefined && from !== undefined && beginsAfterEnd(from, until);
  };
  return !endsBefore(a, b) && !endsBefore(b, a);
}

function contradicts(a: StatedRelation, b: StatedRelation): boolean {
  if (!periodsOverlap(a.relation, b.relation)) return false;
  if (CONTRADICTORY_RELATIONS.some(([x, y]) => (a.type === x && b.type === y) || (a.type === y && b.type === x))) return true;
  return a.type === b.type && ANTISYMMETRIC_RELATIONS.includes(a.type) && a.subject === b.target && a.target === b.subject;
}

/** Whether two statements say the same: the same relation twice, or a symmetric one from both sides. */
function sameRelation(a: StatedRelation, b: StatedRelation, symmetric: boolean): boolean {
  if (a.type !== b.type || !periodsOverlap(a.relation, b.relation)) return false;
  if (a.subject === b.subject && a.target === b.target) return true;
  return symmetric && a.subject === b.target && a.target === b.subject;
}

/** Statement order across the workspace: by file, then by place in it. */
function statedBefore(a: StatedRelation, b: StatedRelation): boolean {
  return a.uri < b.uri || (a.uri === b.uri && a.relation.range.start < b.relation.range.start);
}

/** `relation-self`, `relation-cycle`, `relation-contradiction`, `relation-duplicate` and `relation-kind` for one file's actors. */
export function checkRelations(index: WorkspaceView, file: AnnotationFile): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  for (const actor of file.actors) {
    if (!actor.id) continue;
    for (const relation of actor.relations) {
      if (!relation.type || !relation.target) continue;
      checkRelation(index, file, actor as ActorDef & { id: NonNullable<ActorDef['id']> }, relation, diagnostics);
    }
  }
  return diagnostics;
}

function describe(stated: StatedRelation): string {
  return `${stated.subject} ${stated.type} ${stated.target}`;
}

function checkRelation(index: WorkspaceView, file: AnnotationFile, actor: ActorDef & { id: NonNullable<ActorDef['id']> }, relation: RelationDef, out: CoreDiagnostic[]): void {
  const subject = actor.id.value;
  const type = relation.type!.value;
  const target = relation.target!;
  if (target.value === subject) {
    out.push(makeDiagnostic(file.uri, target.range, 'relation-self', `\`${subject}\` has a \`${type}\` relation to itself. Point the relation at another actor, or remove it.`));
    return;
  }

  const cycle = hierarchyCycles(index).get(relation);
  if (cycle) {
    const chain = [cycle[0].subject, ...cycle.map((e) => e.target)].join(' → ');
    out.push(makeDiagnostic(file.uri, target.range, 'relation-cycle', `part-of/member-of relations form a cycle: ${chain}. An actor cannot be part of itself: remove or reverse one of these relations.`, {
      related: cycle.map((e): RelatedLocation => ({ uri: e.uri, range: e.relation.range, message: describe(e) })),
    }));
  }

  const self: StatedRelation = { subject, type, target: target.value, uri: file.uri, relation };
  const pair = index.relationsBetween(subject, target.value);
  const contradicting = pair.filter((other) => other.relation !== relation && contradicts(self, other));
  if (contradicting.length > 0) {
    out.push(makeDiagnostic(file.uri, relation.type!.range, 'relation-contradiction', `\`${describe(self)}\` contradicts ${contradicting.map((c) => `\`${describe(c)}\``).join(' and ')}. Keep the relation that holds, or, if it changed over time, give each relation its period with \`from:\` and \`until:\`.`, {
      related: contradicting.map((c) => ({ uri: c.uri, range: c.relation.range, message: describe(c) })),
    }));
  }

  const info = relationType(index.config.vocabulary, type);
  // The second statement of the same relation is the one reported (the network export would count two edges).
  const first = pair.filter((other) => other.relation !== relation && sameRelation(self, other, info?.symmetric === true) && statedBefore(other, self))
    .reduce<StatedRelation | undefined>((earliest, other) => (!earliest || statedBefore(other, earliest) ? other : earliest), undefined);
  if (first) {
    const how = first.subject === subject ? 'again' : `from the other side (\`${describe(first)}\`)`;
    out.push(makeDiagnostic(file.uri, relation.type!.range, 'relation-duplicate', `\`${describe(self)}\` is stated ${how}${info?.symmetric && first.subject !== subject ? `; \`${type}\` is symmetric, so one statement says both` : ''}. Remove this one: the network export would otherwise count two edges.`, {
      related: [{ uri: first.uri, range: first.relation.range, message: `first stated here: ${describe(first)}` }],
      data: { relationRange: relation.range },
    }));
  }

  const targetKind = index.actor(target.value)?.kind?.value;
  const subjectKind = actor.kind?.value;
  if (info && subjectKind && !relationAllowsKind(info, 'subject', subjectKind)) {
    out.push(makeDiagnostic(file.uri, relation.type!.range, 'relation-kind', `A ${subjectKind} (\`${subject}\`) cannot be the subject of \`${type}\`${type === 'part-of' && subjectKind === 'person' ? ': a person is `member-of` a group' : ''}. Use another relation type or fix the kind.`));
  }
  if (info && targetKind && !relationAllowsKind(info, 'target', targetKind)) {
    const definition = index.actor(target.value)!;
    out.push(makeDiagnostic(file.uri, target.range, 'relation-kind', `\`${type}\` cannot point at a ${targetKind} (\`${target.value}\`). Use another relation type or fix the kind.`, {
      related: definition.kind ? [{ uri: definition.uri, range: definition.kind.range, message: `\`${target.value}\` is a ${targetKind}` }] : [],
    }));
  }
}
