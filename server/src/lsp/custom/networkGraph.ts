import type { WorkspaceView } from '../../core';
import { buildDiscourseNetworks, buildRelationGraph, type NetworkFilter, type NetworkGraph } from '../../core/export';
import { canonicalUri } from '../../core/uris';
import { DEFAULT_NETWORK_OPTIONS, type NetworkOptions } from '../../core/network/networkOptions';
import type { NetworkGraphInfo, NetworkParams, NetworkRanking } from '../../protocol';

/*
 * The graph of the Actor network view, chosen, filtered and capped. Pure
 * functions of the workspace view and the request, so that the handler
 * (./network.ts) stays an adapter and these can be tested on their own.
 */

/** The node cap when the request names none: what a view draws at once without crowding (the client's setting has the same default). */
export const DEFAULT_NETWORK_NODE_CAP = 500;

/** A `published` value the time range can compare: YYYY, YYYY-MM or YYYY-MM-DD (a longer ISO date-time keeps its date). */
const DATE = /^(\d{4})(-\d{2}(-\d{2})?)?/;

export function comparableDate(value: string | undefined): string | undefined {
  return value?.trim().match(DATE)?.[0];
}

/** Whether `date` lies within the inclusive bounds, each compared at its own precision (`2021` holds every day of 2021). */
export function dateInRange(date: string, start: string | undefined, stop: string | undefined): boolean {
  if (start && date.slice(0, start.length) < start.slice(0, date.length)) return false;
  if (stop && date.slice(0, stop.length) > stop.slice(0, date.length)) return false;
  return true;
}

/** The annotated texts (their URIs) and the date each was published, when the annotation says so in a form the range can compare. */
export function publishedTexts(index: WorkspaceView): Map<string, string | undefined> {
  const texts = new Map<string, string | undefined>();
  for (const file of index.annotationFiles()) {
    const reference = index.textReferenceOf(file.uri);
    if (reference?.kind !== 'ok') continue;
    const date = comparableDate(file.textAnnotation?.published?.value);
    if (!texts.has(reference.uri) || date) texts.set(reference.uri, date ?? texts.get(reference.uri));
  }
  return texts;
}

/** Keeps only the strings of a filter list, and drops an empty list (no filter). */
function list(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const strings = value.filter((item): item is string => typeof item === 'string');
  return strings.length > 0 ? strings : undefined;
}

/** The request's options over DNA's defaults, with every field of the wrong type left at its default. */
export function networkOptionsOf(params: NetworkParams | undefined): NetworkOptions {
  const given = (params?.options ?? {}) as Record<string, unknown>;
  const options: NetworkOptions = { ...DEFAULT_NETWORK_OPTIONS, excludeActors: [], excludeConcepts: [], excludeTypes: [], excludeAuthors: [], excludeSources: [] };
  const target = options as unknown as Record<string, unknown>;
  for (const [key, fallback] of Object.entries(DEFAULT_NETWORK_OPTIONS)) {
    const value = given[key];
    if (Array.isArray(fallback)) target[key] = list(value) ?? [];
    else if (typeof value === typeof fallback) target[key] = value;
  }
  for (const key of ['start', 'stop', 'at'] as const) {
    const date = typeof given[key] === 'string' ? comparableDate(given[key]) : undefined;
    if (date) options[key] = date;
  }
  return options;
}

/** The discourse networks this server can draw, named by the DNA options that describe them. */
function discourseNetworkOf(options: NetworkOptions): 'congruence' | 'conflict' | 'affiliation' | undefined {
  if (options.type === 'twomode') return options.qualifierAggregation === 'ignore' || options.qualifierAggregation === 'combine' ? 'affiliation' : undefined;
  if (options.qualifierAggregation === 'congruence' || options.qualifierAggregation === 'conflict') return options.qualifierAggregation;
  return undefined;
}

/**
 * The graph the request asks for, and what of the request it could not
 * honour. The discourse networks are the export's (core/export): a one-mode
 * network by congruence or conflict, or the two-mode actor × concept
 * network; the time range keeps the claims of texts published within it
 * (texts without a date drop out once a bound is set); excluded actors and
 * concepts drop out with their edges.
 */
export function selectGraph(index: WorkspaceView, params: NetworkParams | undefined): { graph: NetworkGraph; notes: string[] } {
  const notes: string[] = [];
  if (params?.graph !== 'discourse') return { graph: buildRelationGraph(index), notes };
  const options = networkOptionsOf(params);
  const filter: NetworkFilter = {};
  const texts = list(params.texts);
  const concepts = list(params.concepts);
  const stances = list(params.stances);
  if (concepts) filter.concepts = concepts;
  if (stances) filter.stances = stances;
  if (texts || options.start || options.stop) {
    const chosen = texts ? new Set(texts.map(canonicalUri)) : undefined;
    const ranged = Boolean(options.start || options.stop);
    filter.texts = [...publishedTexts(index)]
      .filter(([uri, date]) => (!chosen || chosen.has(canonicalUri(uri))) && (!ranged || (date !== undefined && dateInRange(date, options.start, options.stop))))
      .map(([uri]) => uri);
  }
  const id = discourseNetworkOf(options);
  if (!id) notes.push(`A ${options.type === 'twomode' ? 'two-mode' : 'one-mode'} network with qualifier aggregation “${options.qualifierAggregation}” needs the network engine, which this build does not have yet: showing the ${options.type === 'twomode' ? 'two-mode (ignore)' : 'congruence'} network.`);
  const defaults = DEFAULT_NETWORK_OPTIONS;
  const unapplied = (['rows', 'columns', 'normalization', 'duplicates', 'isolates'] as const).filter((key) => options[key] !== defaults[key]);
  if (options.excludeTypes.length + options.excludeAuthors.length + options.excludeSources.length > 0) unapplied.push('excludes of types, authors or sources' as never);
  if (unapplied.length > 0) notes.push(`Not applied yet (needs the network engine): ${unapplied.join(', ')}.`);
  const graph = buildDiscourseNetworks(index, filter)[id ?? (options.type === 'twomode' ? 'affiliation' : 'congruence')];
  const excluded = new Set([...options.excludeActors.map((ref) => `actor:${ref}`), ...options.excludeConcepts.map((ref) => `concept:${ref}`)]);
  if (excluded.size === 0) return { graph, notes };
  return {
    graph: { ...graph, nodes: graph.nodes.filter((node) => !excluded.has(node.id)), edges: graph.edges.filter((edge) => !excluded.has(edge.source) && !excluded.has(edge.target)) },
    notes,
  };
}

/**
 * Keeps the `cap` best-ranked nodes of `graph` and the edges between them.
 * Ranked by degree or weighted degree over the whole graph, ties by the
 * other score, then by id, so the same graph keeps the same nodes. Linear
 * in the graph plus a sort of its nodes.
 */
export function capGraph(graph: NetworkGraph, cap: number | undefined, ranking: NetworkRanking = 'weighted-degree'): NetworkGraphInfo {
  const degree = new Map<string, number>();
  const weighted = new Map<string, number>();
  for (const edge of graph.edges) {
    for (const end of edge.source === edge.target ? [edge.source] : [edge.source, edge.target]) {
      degree.set(end, (degree.get(end) ?? 0) + 1);
      weighted.set(end, (weighted.get(end) ?? 0) + edge.weight);
    }
  }
  const limit = cap === undefined || !Number.isFinite(cap) ? DEFAULT_NETWORK_NODE_CAP : Math.floor(cap);
  let nodes = graph.nodes;
  if (limit > 0 && nodes.length > limit) {
    const [first, second] = ranking === 'degree' ? [degree, weighted] : [weighted, degree];
    const score = (id: string, scores: Map<string, number>) => scores.get(id) ?? 0;
    const kept = new Set(
      [...nodes]
        .sort((a, b) => score(b.id, first) - score(a.id, first) || score(b.id, second) - score(a.id, second) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, limit)
        .map((node) => node.id),
    );
    nodes = nodes.filter((node) => kept.has(node.id));
  }
  const shown = new Set(nodes.map((node) => node.id));
  return {
    id: graph.id,
    label: graph.label,
    nodes: nodes.map((node) => ({
      id: node.id,
      label: node.label,
      kind: node.kind,
      ref: node.ref,
      actorKind: typeof node.attributes.actorKind === 'string' ? node.attributes.actorKind : '',
      degree: degree.get(node.id) ?? 0,
      weightedDegree: weighted.get(node.id) ?? 0,
    })),
    edges: graph.edges.filter((edge) => shown.has(edge.source) && shown.has(edge.target)).map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, type: edge.type, weight: edge.weight, directed: edge.directed })),
    totalNodes: graph.nodes.length,
    totalEdges: graph.edges.length,
  };
}
