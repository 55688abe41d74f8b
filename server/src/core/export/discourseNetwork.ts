import { canonicalUri } from '../uris';
import { relationType } from '../vocabulary';
import type { WorkspaceView } from '../workspace/workspaceView';
import { compareStrings } from './exportTexts';

/*
 * Discourse networks as in Discourse Network Analyzer (DNA), and the actor
 * relation graph, as plain graph data: the network export serialises it and
 * the editor's actor network view draws the same data.
 *
 * Every claim with a claimant, a concept and a stance is one statement
 * "claimant supports/rejects concept". Repeated statements count once for
 * the one-mode networks (they are about whether two actors agree, not how
 * often) and are counted in the affiliation network's edge attributes.
 *
 * - affiliation (two-mode, actor × concept, undirected): one edge per actor
 *   and concept the actor took a stance on; `stance` is supports, rejects or
 *   both; `supports` and `rejects` count the claims; weight = all claims.
 * - congruence (one-mode, actor × actor, undirected): an edge between two
 *   actors who took the same stance on at least one concept; weight = the
 *   number of distinct concepts they agree on (both support or both reject).
 * - conflict (one-mode, actor × actor, undirected): an edge between two actors
 *   who took opposite stances on at least one concept; weight = the number of
 *   distinct concepts on which one supports and the other rejects.
 *   An actor who both supports and rejects a concept agrees and disagrees
 *   with everyone else who took a stance on it, so that concept counts in
 *   both networks.
 * - relations (actor × actor): the registry's `relations`, one directed edge
 *   from the actor that states the relation to its target; symmetric
 *   relation types are undirected edges.
 *
 * Entities (format v1.1: named things that are not actors) are never actor
 * nodes: a claim whose claimant is an entity is left out. In the affiliation
 * network a claim's `about:` entities are targets too: one `about` edge per
 * claimant and entity (node id `entity:<id>`), weight = the claims; a filter
 * by concept or stance leaves them out (they are not stances).
 *
 * Nodes are actors (id `actor:<id>`) and concepts (id `concept:<id>`); the
 * one-mode networks hold every actor that took a stance, the relation graph
 * every actor in the registry, so that isolates show too.
 */

export type NetworkId = 'affiliation' | 'congruence' | 'conflict' | 'relations';
export const NETWORK_IDS: readonly NetworkId[] = ['affiliation', 'congruence', 'conflict', 'relations'];

export type AttributeValue = string | number | boolean | string[];

export interface NetworkNode {
  /** Unique in the graph: `actor:<id>`, `concept:<id>` or `entity:<id>`. */
  id: string;
  label: string;
  kind: 'actor' | 'concept' | 'entity';
  /** The actor or concept id, for opening its definition. */
  ref: string;
  attributes: Record<string, AttributeValue>;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  /** supports/rejects/both for affiliation, congruence, conflict, or the relation type. */
  type: string;
  weight: number;
  directed: boolean;
  attributes: Record<string, AttributeValue>;
}

export interface NetworkGraph {
  id: NetworkId;
  label: string;
  /** Whether edges are directed unless an edge says otherwise. */
  directed: boolean;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export interface DiscourseNetworks {
  affiliation: NetworkGraph;
  congruence: NetworkGraph;
  conflict: NetworkGraph;
  relations: NetworkGraph;
}

export interface NetworkFilter {
  /** Only claims in annotation files of these texts (URIs). */
  texts?: string[];
  /** Only claims on these concepts. */
  concepts?: string[];
  /** Only claims with these stances. */
  stances?: string[];
}

/** One "actor takes a stance on a concept" statement. */
interface Statement {
  actor: string;
  concept: string;
  stance: string;
  claim: string;
}

/** The statements of the workspace, in annotation file order, filtered; and the entities claims are about, by claimant. */
function statements(index: WorkspaceView, filter: NetworkFilter): { found: Statement[]; aboutEntities: Map<string, Map<string, string[]>> } {
  const texts = filter.texts ? new Set(filter.texts.map(canonicalUri)) : undefined;
  const found: Statement[] = [];
  const aboutEntities = new Map<string, Map<string, string[]>>();
  for (const file of index.annotationFiles()) {
    const annotation = file.textAnnotation;
    if (!annotation) continue;
    if (texts) {
      const reference = index.textReferenceOf(file.uri);
      if (reference?.kind !== 'ok' || !texts.has(reference.uri)) continue;
    }
    for (const claim of annotation.claims) {
      const actor = claim.claimant?.value;
      const concept = claim.concept?.value;
      const stance = claim.stance?.value;
      // Entities are never claimants (the checks report it): such a claim makes no actor node.
      if (!actor || (!index.actor(actor) && index.entity(actor))) continue;
      for (const about of filter.concepts || filter.stances ? [] : claim.about) {
        if (index.actor(about.value) || !index.entity(about.value)) continue;
        const byEntity = aboutEntities.get(actor) ?? new Map<string, string[]>();
        byEntity.set(about.value, [...(byEntity.get(about.value) ?? []), claim.id?.value ?? '']);
        aboutEntities.set(actor, byEntity);
      }
      if (!concept || !stance) continue;
      if (filter.concepts && !filter.concepts.includes(concept)) continue;
      if (filter.stances && !filter.stances.includes(stance)) continue;
      found.push({ actor, concept, stance, claim: claim.id?.value ?? '' });
    }
  }
  return { found, aboutEntities };
}

function entityNode(index: WorkspaceView, id: string): NetworkNode {
  const entity = index.entity(id);
  const attributes: Record<string, AttributeValue> = { entityKind: entity?.kind?.value ?? '' };
  if (entity?.wikidata) attributes.wikidata = entity.wikidata.value;
  return { id: `entity:${id}`, label: entity?.name?.value ?? id, kind: 'entity', ref: id, attributes };
}

function actorNode(index: WorkspaceView, id: string): NetworkNode {
  const actor = index.actor(id);
  const attributes: Record<string, AttributeValue> = { actorKind: actor?.kind?.value ?? '' };
  if (actor?.wikidata) attributes.wikidata = actor.wikidata.value;
  return { id: `actor:${id}`, label: actor?.name?.value ?? id, kind: 'actor', ref: id, attributes };
}

function conceptNode(index: WorkspaceView, id: string): NetworkNode {
  return { id: `concept:${id}`, label: index.concept(id)?.label?.value ?? id, kind: 'concept', ref: id, attributes: {} };
}

const byId = <T extends { id: string }>(a: T, b: T) => compareStrings(a.id, b.id);
const byEndpoints = (a: NetworkEdge, b: NetworkEdge) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target) || compareStrings(a.type, b.type) || compareStrings(a.id, b.id);

/** Builds the affiliation, congruence, conflict and relation networks of the workspace. */
export function buildDiscourseNetworks(index: WorkspaceView, filter: NetworkFilter = {}): DiscourseNetworks {
  const { found, aboutEntities } = statements(index, filter);

  // actor -> concept -> stance -> claim ids
  const positions = new Map<string, Map<string, Map<string, string[]>>>();
  for (const s of found) {
    const byConcept = positions.get(s.actor) ?? new Map<string, Map<string, string[]>>();
    const byStance = byConcept.get(s.concept) ?? new Map<string, string[]>();
    const claims = byStance.get(s.stance) ?? [];
    claims.push(s.claim);
    byStance.set(s.stance, claims);
    byConcept.set(s.concept, byStance);
    positions.set(s.actor, byConcept);
  }
  const actors = [...positions.keys()].sort();
  const concepts = [...new Set(found.map((s) => s.concept))].sort();

  const affiliationEdges: NetworkEdge[] = [];
  for (const actor of actors) {
    for (const [concept, byStance] of positions.get(actor)!) {
      const supports = byStance.get('supports') ?? [];
      const rejects = byStance.get('rejects') ?? [];
      const stances = [...byStance.keys()].sort();
      const claims = [...byStance.values()].flat().filter((c) => c).sort();
      const stance = stances.length === 1 ? stances[0] : 'both';
      affiliationEdges.push({
        id: `affiliation:${actor}|${concept}`,
        source: `actor:${actor}`,
        target: `concept:${concept}`,
        type: stance,
        weight: [...byStance.values()].reduce((n, list) => n + list.length, 0),
        directed: false,
        attributes: { stance, supports: supports.length, rejects: rejects.length, claims },
      });
    }
  }

  const congruenceEdges: NetworkEdge[] = [];
  const conflictEdges: NetworkEdge[] = [];
  for (let i = 0; i < actors.length; i++) {
    for (let j = i + 1; j < actors.length; j++) {
      const a = positions.get(actors[i])!;
      const b = positions.get(actors[j])!;
      const agree: string[] = [];
      const disagree: string[] = [];
      for (const [concept, stancesOfA] of a) {
        const stancesOfB = b.get(concept);
        if (!stancesOfB) continue;
        const sa = [...stancesOfA.keys()];
        const sb = [...stancesOfB.keys()];
        if (sa.some((s) => sb.includes(s))) agree.push(concept);
        if (sa.some((s) => sb.some((t) => t !== s))) disagree.push(concept);
      }
      const edge = (network: 'congruence' | 'conflict', list: string[]): NetworkEdge => ({
        id: `${network}:${actors[i]}|${actors[j]}`,
        source: `actor:${actors[i]}`,
        target: `actor:${actors[j]}`,
        type: network,
        weight: list.length,
        directed: false,
        attributes: { concepts: list.sort() },
      });
      if (agree.length) congruenceEdges.push(edge('congruence', agree));
      if (disagree.length) conflictEdges.push(edge('conflict', disagree));
    }
  }

  const aboutEdges: NetworkEdge[] = [];
  for (const [actor, byEntity] of aboutEntities) {
    for (const [entity, claims] of byEntity) {
      aboutEdges.push({ id: `about:${actor}|${entity}`, source: `actor:${actor}`, target: `entity:${entity}`, type: 'about', weight: claims.length, directed: false, attributes: { claims: claims.filter((c) => c).sort() } });
    }
  }
  const aboutActors = [...aboutEntities.keys()].filter((id) => !positions.has(id));
  const entities = [...new Set([...aboutEntities.values()].flatMap((byEntity) => [...byEntity.keys()]))];

  const stanceActors = actors.map((id) => actorNode(index, id));
  const affiliation: NetworkGraph = {
    id: 'affiliation',
    label: 'Actor × concept affiliation network (stances)',
    directed: false,
    nodes: [...stanceActors, ...aboutActors.map((id) => actorNode(index, id)), ...concepts.map((id) => conceptNode(index, id)), ...entities.map((id) => entityNode(index, id))].sort(byId),
    edges: [...affiliationEdges, ...aboutEdges].sort(byEndpoints),
  };
  const congruence: NetworkGraph = { id: 'congruence', label: 'Actor congruence network (same stance on a concept)', directed: false, nodes: stanceActors, edges: congruenceEdges.sort(byEndpoints) };
  const conflict: NetworkGraph = { id: 'conflict', label: 'Actor conflict network (opposite stances on a concept)', directed: false, nodes: stanceActors, edges: conflictEdges.sort(byEndpoints) };
  return { affiliation, congruence, conflict, relations: buildRelationGraph(index) };
}

/** The actor relation graph: every registry actor, and an edge per stated relation between defined actors. */
export function buildRelationGraph(index: WorkspaceView): NetworkGraph {
  const ids = index.actorIds();
  const defined = new Set(ids);
  const edges: NetworkEdge[] = [];
  const seen = new Map<string, number>();
  for (const id of ids) {
    for (const relation of index.actor(id)?.relations ?? []) {
      const type = relation.type?.value;
      const target = relation.target?.value;
      if (!type || !target || !defined.has(target)) continue;
      const symmetric = relationType(index.config.vocabulary, type)?.symmetric === true;
      const base = `relation:${id}|${type}|${target}`;
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      const attributes: Record<string, AttributeValue> = { relation: type, symmetric };
      if (relation.note) attributes.note = relation.note.value.replace(/\s+/g, ' ').trim();
      edges.push({ id: count === 1 ? base : `${base}|${count}`, source: `actor:${id}`, target: `actor:${target}`, type, weight: 1, directed: !symmetric, attributes });
    }
  }
  return { id: 'relations', label: 'Actor relation graph', directed: true, nodes: ids.map((id) => actorNode(index, id)), edges: edges.sort(byEndpoints) };
}
