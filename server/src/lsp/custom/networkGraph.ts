import type { WorkspaceView } from '../../core';
import { buildRelationGraph, type NetworkEdge, type NetworkGraph, type NetworkNode } from '../../core/export';
import { canonicalUri } from '../../core/uris';
import {
  computeNetworkSteps,
  DEFAULT_NETWORK_OPTIONS,
  forEachCell,
  networkOptionsProblem,
  NETWORK_TYPES,
  NORMALIZATIONS,
  parseDatePeriod,
  QUALIFIER_AGGREGATIONS,
  runSteps,
  type ClaimFilter,
  type MatrixLabel,
  type NetworkMatrix,
  type NetworkOptions,
  type NetworkStatement,
  type Steps,
} from '../../core/network';
import type { NetworkChoices, NetworkGraphInfo, NetworkParams, NetworkRanking } from '../../protocol';

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

/**
 * The stops of the relation graph's date slider: the texts' `published`
 * dates and the dates on which a relation begins or stops to hold (`from`,
 * `until`), each in a form the slider can compare, sorted.
 */
export function relationDates(index: WorkspaceView, published: Iterable<string | undefined>): string[] {
  const dates = new Set<string>();
  for (const date of published) if (date) dates.add(date);
  for (const id of index.actorIds()) {
    for (const relation of index.actor(id)?.relations ?? []) {
      for (const bound of [relation.from, relation.until]) {
        const date = comparableDate(bound?.value);
        if (date && parseDatePeriod(date)) dates.add(date);
      }
    }
  }
  return [...dates].sort();
}

/** What the view's controls offer for each network type (DNA's own lists, core/network's): it resets a choice that does not apply when the type changes. */
export function networkChoices(): NetworkChoices {
  const choices = {} as NetworkChoices;
  for (const type of NETWORK_TYPES) choices[type] = { qualifierAggregation: [...QUALIFIER_AGGREGATIONS[type]], normalization: [...NORMALIZATIONS[type]], columns: type === 'twomode' };
  return choices;
}

/**
 * The date the relation graph is drawn for: the request's `at` (the view's
 * slider), else DNA's option of that name (the `network` command's); none
 * for every relation. A value that is no date is said in a note and drawn
 * as none.
 */
function relationDate(params: NetworkParams | undefined, options: NetworkOptions, notes: string[]): string | undefined {
  const given = typeof params?.at === 'string' ? params.at : options.at;
  if (given === undefined) return undefined;
  const date = comparableDate(given);
  if (date && parseDatePeriod(date)) return date;
  notes.push(`\`at\` ${given} is not a date (write it as YYYY-MM-DD, YYYY-MM or YYYY): showing the relations of every date.`);
  return undefined;
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
  for (const key of ['start', 'stop'] as const) {
    const date = typeof given[key] === 'string' ? comparableDate(given[key]) : undefined;
    if (date) options[key] = date;
  }
  // Checked where it is used (relationDate), so that a value that is no date is said, not dropped unsaid.
  if (typeof given.at === 'string') options.at = given.at;
  // Read so that the view can say it shows no series (see showableOptions), not drop them unsaid.
  if (typeof given.timeWindow === 'string') options.timeWindow = given.timeWindow as NetworkOptions['timeWindow'];
  if (typeof given.windowSize === 'number') options.windowSize = given.windowSize;
  return options;
}

/**
 * Options the view cannot show as they are, made showable: a time-window
 * series is many networks (the view shows one), and an aggregation or
 * normalisation of the other mode falls back to DNA's default. Each change
 * is said in a note for the view's status line.
 */
function showableOptions(options: NetworkOptions, notes: string[]): NetworkOptions {
  const shown = { ...options };
  if (shown.timeWindow !== undefined || shown.windowSize !== undefined) {
    notes.push('A time-window series is one network per window: the view shows the whole range (use the time slider, or `policy-annotator network --time-window` for the series).');
    delete shown.timeWindow;
    delete shown.windowSize;
  }
  const mode = shown.type === 'twomode' ? 'two-mode' : 'one-mode';
  if (!QUALIFIER_AGGREGATIONS[shown.type].includes(shown.qualifierAggregation)) {
    notes.push(`Qualifier aggregation “${shown.qualifierAggregation}” does not apply to ${mode} networks (${QUALIFIER_AGGREGATIONS[shown.type].join(', ')}): showing “ignore”.`);
    shown.qualifierAggregation = 'ignore';
  }
  if (!NORMALIZATIONS[shown.type].includes(shown.normalization)) {
    notes.push(`Normalization “${shown.normalization}” does not apply to ${mode} networks (${NORMALIZATIONS[shown.type].join(', ')}): showing “no”.`);
    shown.normalization = 'no';
  }
  const problem = networkOptionsProblem(shown);
  if (problem) {
    // What is left is a start or stop that is no date (say 2021-13): the range is dropped, not guessed.
    notes.push(`${problem.replace(/^--(start|stop)/, '$1')} Showing every date.`);
    delete shown.start;
    delete shown.stop;
  }
  return shown;
}

/** The view's own filters (a text, a concept, a stance), which DNA's options do not have; undefined when none is set. */
function viewFilter(index: WorkspaceView, params: NetworkParams): ClaimFilter | undefined {
  const texts = list(params.texts);
  const concepts = list(params.concepts);
  const stances = list(params.stances);
  if (!texts && !concepts && !stances) return undefined;
  const chosenTexts = texts && new Set(texts.map(canonicalUri));
  const chosenConcepts = concepts && new Set(concepts);
  const chosenStances = stances && new Set(stances);
  const inTexts = new Map<string, boolean>();
  const inText = (uri: string) => {
    let inside = inTexts.get(uri);
    if (inside === undefined) {
      const reference = index.textReferenceOf(uri);
      inTexts.set(uri, (inside = reference?.kind === 'ok' && chosenTexts!.has(canonicalUri(reference.uri))));
    }
    return inside;
  };
  return (file, claim) =>
    (!chosenTexts || inText(file.uri)) &&
    (!chosenConcepts || chosenConcepts.has(claim.concept?.value ?? '')) &&
    (!chosenStances || chosenStances.has(claim.stance?.value ?? ''));
}

/**
 * A node of the view for a matrix label: an actor, else a concept, else an
 * entity (`about` columns name any of them). In a two-mode network an actor
 * column is a node of its own (`actor-column:<id>`), apart from the same
 * actor's row, so that a claim about oneself is an edge between the two
 * modes, not a self-loop (as modeNodeId does in the `network` command's
 * graphs).
 */
function nodeOf(index: WorkspaceView, label: MatrixLabel, side: 'row' | 'column'): NetworkNode {
  const actor = index.actor(label.id);
  const kind = side === 'row' || actor ? 'actor' : index.concept(label.id) ? 'concept' : 'entity';
  const prefix = side === 'column' && kind === 'actor' ? 'actor-column' : kind;
  return { id: `${prefix}:${label.id}`, label: label.name, kind, ref: label.id, attributes: kind === 'actor' ? { actorKind: actor?.kind?.value ?? '' } : {} };
}

/** The edge type of a two-mode cell: the one stance of its statements, or `both` when they differ. */
function cellStances(statements: NetworkStatement[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const s of statements) {
    const key = `${s.row}\u0000${s.column}`;
    const known = types.get(key);
    types.set(key, known === undefined || known === s.stance ? s.stance : 'both');
  }
  return types;
}

/**
 * The engine's matrix (core/network, the `network` command's) as a graph:
 * one-mode, the rows linked by their non-zero cells (undirected, each pair
 * once); two-mode, rows and columns linked by theirs. Weights are the cells.
 */
export function matrixGraph(index: WorkspaceView, options: NetworkOptions, matrix: NetworkMatrix, statements: NetworkStatement[]): NetworkGraph {
  const rows = matrix.rows.map((label) => nodeOf(index, label, 'row'));
  const oneMode = options.type === 'onemode';
  const columns = oneMode ? rows : matrix.columns.map((label) => nodeOf(index, label, 'column'));
  const nodes = oneMode ? rows : [...rows, ...columns];
  const stances = oneMode ? undefined : cellStances(statements);
  const edges: NetworkEdge[] = [];
  forEachCell(matrix, (i, j, weight) => {
    if (oneMode && j <= i) return;
    const [source, target] = [rows[i], columns[j]];
    const type = stances ? (stances.get(`${source.ref}\u0000${target.ref}`) ?? options.qualifierAggregation) : options.qualifierAggregation;
    edges.push({ id: `${source.id}--${target.id}`, source: source.id, target: target.id, type, weight, directed: false, attributes: {} });
  });
  const described = [options.qualifierAggregation !== 'ignore' ? options.qualifierAggregation : '', options.normalization !== 'no' ? `normalized by ${options.normalization}` : ''].filter(Boolean).join(', ');
  const label = `${oneMode ? 'One-mode' : 'Two-mode'} network, ${options.rows} × ${oneMode ? options.rows : options.columns}${described ? ` (${described})` : ''}`;
  const id = oneMode ? (options.qualifierAggregation === 'conflict' ? 'conflict' : 'congruence') : 'affiliation';
  return { id, label, directed: false, nodes, edges };
}

/**
 * The graph the request asks for, and what of the request it could not
 * honour, in steps (see core/network/networkSteps): the handler runs it a
 * slice at a time. A discourse network is the network engine's
 * (core/network's `computeNetworkSteps`, the `network` command's) for the
 * request's DNA options, the time slider's start–stop among them; the
 * view's text, concept and stance filters drop claims first. The relation
 * graph keeps the relations in force on the request's `at` date (as
 * `export --format network --at` does), and says that date in its label.
 */
export function* selectGraphSteps(index: WorkspaceView, params: NetworkParams | undefined): Steps<{ graph: NetworkGraph; notes: string[] }> {
  const notes: string[] = [];
  const options = networkOptionsOf(params);
  if (params?.graph !== 'discourse') {
    const at = relationDate(params, options, notes);
    const graph = buildRelationGraph(index, at);
    return { graph: at ? { ...graph, label: `${graph.label}, in force on ${at}` } : graph, notes };
  }
  const shown = showableOptions(options, notes);
  const { result, statements } = yield* computeNetworkSteps(index, shown, viewFilter(index, params));
  return { graph: matrixGraph(index, shown, result.matrices[0]!, statements), notes };
}

export function selectGraph(index: WorkspaceView, params: NetworkParams | undefined): { graph: NetworkGraph; notes: string[] } {
  return runSteps(selectGraphSteps(index, params));
}

/**
 * Keeps the `cap` best-ranked nodes of `graph` and the edges between them.
 * Ranked by degree or weighted degree (the sum of the edges' absolute
 * weights: `subtract` gives negative ones) over the whole graph, ties by the
 * other score, then by id, so the same graph keeps the same nodes. Linear
 * in the graph plus a sort of its nodes.
 */
export function capGraph(graph: NetworkGraph, cap: number | undefined, ranking: NetworkRanking = 'weighted-degree'): NetworkGraphInfo {
  const degree = new Map<string, number>();
  const weighted = new Map<string, number>();
  for (const edge of graph.edges) {
    for (const end of edge.source === edge.target ? [edge.source] : [edge.source, edge.target]) {
      degree.set(end, (degree.get(end) ?? 0) + 1);
      weighted.set(end, (weighted.get(end) ?? 0) + Math.abs(edge.weight));
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
