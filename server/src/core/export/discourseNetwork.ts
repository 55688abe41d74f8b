import { canonicalUri } from '../uris';
import type { RelationDef } from '../model';
import { cell, forEachCell, oneModeMatrix, qualifierLevels, twoModeMatrix } from '../network/networkMatrix';
import { parseDatePeriod, type DatePeriod } from '../network/networkDates';
import { DEFAULT_NETWORK_OPTIONS } from '../network/networkOptions';
import { networkStatements, type NetworkStatement } from '../network/networkStatements';
import { relationType, stanceScore } from '../vocabulary';
import type { WorkspaceView } from '../workspace/workspaceView';
import { compareStrings } from './exportTexts';

/*
 * Discourse networks as in Discourse Network Analyzer (DNA), and the actor
 * relation graph, as plain graph data: the network export serialises it and
 * the editor's actor network view draws the same data.
 *
 * Every claim whose claimant is a defined actor, with a concept and a
 * stance, is one statement "claimant supports/rejects concept" (the network
 * engine's statements, core/network). Weights are DNA's, every duplicate
 * included:
 *
 * - affiliation (two-mode, actor × concept, undirected): one edge per actor
 *   and concept the actor took a stance on; `stance` is supports, rejects or
 *   both; `supports` and `rejects` count the claims; weight = all claims
 *   (DNA's two-mode `ignore`).
 * - congruence (one-mode, actor × actor, undirected): weight = DNA's
 *   `congruence`: over concepts, the pairs of the two actors' statements
 *   weighted by the proximity of their stance scores (with supports and
 *   rejects: the pairs with the same stance); `concepts` lists the concepts
 *   on which they took a same stance.
 * - conflict (one-mode, actor × actor, undirected): weight = DNA's `conflict`
 *   (the distance instead of the proximity); `concepts` lists the concepts on
 *   which they took different stances.
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
  /** Only the relations in force on this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  at?: string;
}

/**
 * The statements of the workspace (the network engine's, DNA's definition:
 * claimant rows, concept columns, every duplicate included), filtered.
 */
function statements(index: WorkspaceView, filter: NetworkFilter): NetworkStatement[] {
  const texts = filter.texts ? new Set(filter.texts.map(canonicalUri)) : undefined;
  const inTexts = new Map<string, boolean>();
  const fromText = (document: string) => {
    let inside = inTexts.get(document);
    if (inside === undefined) {
      const reference = index.textReferenceOf(document);
      inTexts.set(document, (inside = reference?.kind === 'ok' && texts!.has(reference.uri)));
    }
    return inside;
  };
  return networkStatements(index, DEFAULT_NETWORK_OPTIONS).filter(
    (s) => (!texts || fromText(s.document)) && (!filter.concepts || filter.concepts.includes(s.column)) && (!filter.stances || filter.stances.includes(s.stance)),
  );
}

/** The entities claims are about, by claimant (entity id → the claims' ids), for the affiliation network; none when concepts or stances are filtered. */
function aboutEntityClaims(index: WorkspaceView, filter: NetworkFilter): Map<string, Map<string, string[]>> {
  const texts = filter.texts ? new Set(filter.texts.map(canonicalUri)) : undefined;
  const aboutEntities = new Map<string, Map<string, string[]>>();
  if (filter.concepts || filter.stances) return aboutEntities;
  for (const file of index.annotationFiles()) {
    const annotation = file.textAnnotation;
    if (!annotation) continue;
    if (texts) {
      const reference = index.textReferenceOf(file.uri);
      if (reference?.kind !== 'ok' || !texts.has(reference.uri)) continue;
    }
    for (const claim of annotation.claims) {
      const actor = claim.claimant?.value;
      // Entities are never claimants (the checks report it): such a claim makes no actor node.
      if (!actor || !index.actor(actor)) continue;
      for (const about of claim.about) {
        if (index.actor(about.value) || !index.entity(about.value)) continue;
        const byEntity = aboutEntities.get(actor) ?? new Map<string, string[]>();
        byEntity.set(about.value, [...(byEntity.get(about.value) ?? []), claim.id?.value ?? '']);
        aboutEntities.set(actor, byEntity);
      }
    }
  }
  return aboutEntities;
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

/**
 * Builds the affiliation, congruence, conflict and relation networks of the
 * workspace. Weights are the network engine's (core/network, DNA's
 * definitions): affiliation = the two-mode `ignore` count, congruence and
 * conflict = the one-mode `congruence` and `conflict` sums; the attributes
 * say which stances, claims and concepts make each edge.
 */
export function buildDiscourseNetworks(index: WorkspaceView, filter: NetworkFilter = {}): DiscourseNetworks {
  const found = statements(index, filter);
  const aboutEntities = aboutEntityClaims(index, filter);

  // actor -> concept -> stance -> claim ids
  const positions = new Map<string, Map<string, Map<string, string[]>>>();
  for (const s of found) {
    const byConcept = positions.get(s.row) ?? new Map<string, Map<string, string[]>>();
    const byStance = byConcept.get(s.column) ?? new Map<string, string[]>();
    const claims = byStance.get(s.stance) ?? [];
    claims.push(s.claim);
    byStance.set(s.stance, claims);
    byConcept.set(s.column, byStance);
    positions.set(s.row, byConcept);
  }
  const actors = [...positions.keys()].sort();
  const concepts = [...new Set(found.map((s) => s.column))].sort();
  const conceptIndex = new Map(concepts.map((id, j) => [id, j]));
  const rowLabels = actors.map((id) => ({ id, name: id }));
  const columnLabels = concepts.map((id) => ({ id, name: id }));
  const vocabulary = index.config.vocabulary;
  const levels = qualifierLevels([...vocabulary.stances.map((s) => stanceScore(vocabulary, s)), ...found.map((s) => s.score)]);
  const input = { statements: found, rows: rowLabels, columns: columnLabels, levels };
  const counts = twoModeMatrix(input, 'ignore', 'no');
  const agreement = oneModeMatrix(input, 'congruence', 'no');
  const disagreement = oneModeMatrix(input, 'conflict', 'no');

  const affiliationEdges: NetworkEdge[] = [];
  actors.forEach((actor, i) => {
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
        weight: cell(counts, i, conceptIndex.get(concept)!),
        directed: false,
        attributes: { stance, supports: supports.length, rejects: rejects.length, claims },
      });
    }
  });

  const congruenceEdges: NetworkEdge[] = [];
  const conflictEdges: NetworkEdge[] = [];
  const pairs = new Set<number>();
  for (const matrix of [agreement, disagreement]) forEachCell(matrix, (i, j) => j > i && pairs.add(i * actors.length + j));
  for (const key of [...pairs].sort((x, y) => x - y)) {
    const i = Math.floor(key / actors.length);
    const j = key - i * actors.length;
    if (j <= i) continue;
    const a = positions.get(actors[i])!;
    const b = positions.get(actors[j])!;
    const agree: string[] = [];
    const disagree: string[] = [];
    for (const [concept, stancesOfA] of a) {
      const stancesOfB = b.get(concept);
      if (!stancesOfB) continue;
      const sa = [...stancesOfA.keys()].map((s) => stanceScore(vocabulary, s));
      const sb = [...stancesOfB.keys()].map((s) => stanceScore(vocabulary, s));
      if (sa.some((s) => sb.includes(s))) agree.push(concept);
      if (sa.some((s) => sb.some((t) => t !== s))) disagree.push(concept);
    }
    const edge = (network: 'congruence' | 'conflict', weight: number, list: string[]): NetworkEdge => ({
      id: `${network}:${actors[i]}|${actors[j]}`,
      source: `actor:${actors[i]}`,
      target: `actor:${actors[j]}`,
      type: network,
      weight,
      directed: false,
      attributes: { concepts: list.sort() },
    });
    if (cell(agreement, i, j) !== 0) congruenceEdges.push(edge('congruence', cell(agreement, i, j), agree));
    if (cell(disagreement, i, j) !== 0) conflictEdges.push(edge('conflict', cell(disagreement, i, j), disagree));
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
  return { affiliation, congruence, conflict, relations: buildRelationGraph(index, filter.at) };
}

/** Whether a relation holds on a date: it began on or before it (`from`) and ended on or after it (`until`); partial dates are periods. */
export function relationInForce(relation: RelationDef, at: DatePeriod): boolean {
  const from = relation.from ? parseDatePeriod(relation.from.value) : undefined;
  const until = relation.until ? parseDatePeriod(relation.until.value) : undefined;
  return (!from || from.first <= at.last) && (!until || until.last >= at.first);
}

/** The actor relation graph: every registry actor, and an edge per stated relation between defined actors. */
export function buildRelationGraph(index: WorkspaceView, at?: string): NetworkGraph {
  const day = at === undefined ? undefined : parseDatePeriod(at);
  if (at !== undefined && !day) throw new RangeError(`\`${at}\` is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY.`);
  const ids = index.actorIds();
  const defined = new Set(ids);
  const edges: NetworkEdge[] = [];
  const seen = new Map<string, number>();
  for (const id of ids) {
    for (const relation of index.actor(id)?.relations ?? []) {
      const type = relation.type?.value;
      const target = relation.target?.value;
      if (!type || !target || !defined.has(target)) continue;
      if (day && !relationInForce(relation, day)) continue;
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
