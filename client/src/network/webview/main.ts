/// <reference lib="dom" />
/*
 * The script of the Actor network webview, bundled for the browser by
 * scripts/build.mjs into dist/networkView.js. It draws the graph the
 * extension sends (./graphView), keeps the controls (DNA's options, the
 * time range over `published`, the node cap, search) and posts back what
 * the user does: a new request, a click on a node. Every workspace string
 * (labels, cards, dates) goes into the page as text, never as markup.
 */
import type { NetworkResult } from '../../protocol';
import { unpackResult } from '../packedGraph';
import type { NetworkPanelMessage, NetworkViewMessage, NetworkViewRequest } from '../viewMessages';
import { ARROW_EDGE_LIMIT, CONCEPT_COLOUR, colourMap, EDGE_COLOURS, GraphView, relationColours } from './graphView';
import { applicableOptions, controlsFor, dateAt, INITIAL_CHOICES, positionOf } from './controlModel';
import { Metrics } from './metrics';

type VsCodeApi = { postMessage(message: NetworkViewMessage): void };
const vscode = (globalThis as unknown as { acquireVsCodeApi(): VsCodeApi }).acquireVsCodeApi();
const metrics = new Metrics(document.getElementById('metrics') as HTMLOutputElement);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const network = $<HTMLSelectElement>('network');
const search = $<HTMLInputElement>('search');
const cap = $<HTMLInputElement>('cap');
const ranking = $<HTMLSelectElement>('ranking');
const layoutButton = $<HTMLButtonElement>('layout');
const status = $<HTMLDivElement>('status');
const dna = $<HTMLFieldSetElement>('dna');
const start = $<HTMLInputElement>('start');
const stop = $<HTMLInputElement>('stop');
const range = $<HTMLOutputElement>('range');
const matches = $<HTMLUListElement>('matches');
const legend = $<HTMLDivElement>('legend');
const type = $<HTMLSelectElement>('type');
const qualifier = $<HTMLSelectElement>('qualifierAggregation');
const normalization = $<HTMLSelectElement>('normalization');
const columnsControl = $<HTMLSpanElement>('columns-control');
const when = $<HTMLSpanElement>('when');
const at = $<HTMLInputElement>('at');
const atDate = $<HTMLOutputElement>('at-date');
const notes = $<HTMLDivElement>('notes');
/** What a one-mode edge says, by qualifier aggregation (width: the matrix cell, normalised as chosen). */
const ONE_MODE_LEGEND: Record<string, string> = {
  ignore: 'speak on a same concept',
  congruence: 'agree on a concept',
  conflict: 'disagree on a concept',
  subtract: 'agree more than disagree',
};
const card = $<HTMLDivElement>('card');
const cardText = $<HTMLPreElement>('card-text');
const cardOpen = $<HTMLButtonElement>('card-open');
const OPTION_SELECTS = ['type', 'rows', 'columns', 'qualifierAggregation', 'normalization', 'duplicates'] as const;
const FILTER_SELECTS = { texts: $<HTMLSelectElement>('text'), concepts: $<HTMLSelectElement>('concept'), stances: $<HTMLSelectElement>('stance') };

let dates: string[] = [];
/** The stops of the relation graph's date slider, and what the DNA controls offer by type (the server's answer says both). */
let relationDates: string[] = [];
let choices = INITIAL_CHOICES;
let pinned: string | undefined;
/** What the drawing itself said (it runs on the page; it failed): kept in the notes across answers. */
const viewNotes: string[] = [];

const view = new GraphView($('graph'), {
  hover: (id, event) => (id ? showCard(id, event, false) : pinned ? undefined : hideCard()),
  click: (id) => vscode.postMessage({ type: 'open', id }),
  drawn: () => metrics.drawn(view.nodeCount, view.edgeWeight),
  settled: (figures) => metrics.settled(figures, view.fallback ? 'page' : 'worker'),
  layout: (running) => {
    layoutButton.textContent = running ? 'Stop layout' : 'Run layout';
    metrics.layout(running);
  },
  note: (message) => {
    viewNotes.push(message);
    notes.textContent = `${notes.textContent} ${message}`.trim();
  },
});

// ---- The hover card: plain text from the server (asked for when the user points at a node), put in with textContent.
/** Cards already here; null for a node the server does not know. Cleared with each new graph. */
const cards = new Map<string, string | null>();
/** The card the user waits for: the node, where to put it, pinned or not. */
let wanted: { id: string; anchor: { x: number; y: number } | undefined; pin: boolean } | undefined;

function showCard(id: string, event: MouseEvent | undefined, pin: boolean): void {
  wanted = { id, anchor: event ? { x: event.clientX, y: event.clientY } : undefined, pin };
  if (cards.has(id)) placeCard();
  else vscode.postMessage({ type: 'details', id });
}

function placeCard(): void {
  const text = wanted && cards.get(wanted.id);
  if (!wanted || !text) return;
  const { id, pin } = wanted;
  pinned = pin ? id : undefined;
  cardText.textContent = text;
  card.classList.toggle('pinned', pin);
  card.hidden = false;
  const anchor = wanted.anchor ?? view.screenPosition(id);
  if (!anchor) return;
  const margin = 14;
  const box = card.getBoundingClientRect();
  let left = anchor.x + margin;
  let top = anchor.y + margin;
  if (left + box.width > window.innerWidth) left = Math.max(0, anchor.x - box.width - margin);
  if (top + box.height > window.innerHeight) top = Math.max(0, window.innerHeight - box.height - margin);
  card.style.left = `${left}px`;
  card.style.top = `${top}px`;
}

function hideCard(): void {
  pinned = undefined;
  wanted = undefined;
  card.hidden = true;
}

cardOpen.addEventListener('click', () => pinned && vscode.postMessage({ type: 'open', id: pinned }));

// ---- Search: highlight every match, list the best; choosing one centres it and pins its card.
function showMatches(): void {
  const found = view.find(search.value, 30);
  view.highlight(found.map((match) => match.id));
  matches.textContent = '';
  for (const match of found) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.id = match.id;
    button.textContent = match.label;
    button.addEventListener('click', () => void focusNode(match.id));
    item.appendChild(button);
    matches.appendChild(item);
  }
  const box = search.getBoundingClientRect();
  matches.style.left = `${box.left}px`;
  matches.style.top = `${box.bottom + 2}px`;
  matches.hidden = found.length === 0;
}

async function focusNode(id: string): Promise<void> {
  matches.hidden = true;
  view.highlight([id]);
  await view.centre(id);
  showCard(id, undefined, true);
}

search.addEventListener('input', showMatches);
search.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    const first = matches.querySelector('button');
    if (first?.dataset.id) void focusNode(first.dataset.id);
  } else if (event.key === 'ArrowDown') {
    (matches.querySelector('button') as HTMLButtonElement | null)?.focus();
    event.preventDefault();
  } else if (event.key === 'Escape') {
    search.value = '';
    showMatches();
    hideCard();
  }
});

// ---- Controls -> request.
function splitIds(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

function currentRequest(): NetworkViewRequest {
  const request: NetworkViewRequest = { graph: network.value === 'discourse' ? 'discourse' : 'relations', cap: Math.max(0, Math.floor(Number(cap.value) || 0)), ranking: ranking.value === 'degree' ? 'degree' : 'weighted-degree' };
  if (request.graph !== 'discourse') {
    const date = dateAt(relationDates, Number(at.value));
    if (date) request.at = date;
    return request;
  }
  const options: Record<string, unknown> = {};
  for (const id of OPTION_SELECTS) if (id !== 'columns' || controlsFor(choices, type.value).columns) options[id] = $<HTMLSelectElement>(id).value;
  options.isolates = $<HTMLInputElement>('isolates').checked;
  options.excludeActors = splitIds($<HTMLInputElement>('excludeActors').value);
  options.excludeConcepts = splitIds($<HTMLInputElement>('excludeConcepts').value);
  const [first, last] = [Number(start.value), Number(stop.value)].sort((a, b) => a - b);
  if (dates.length > 0 && first! > 0) options.start = dates[first!];
  if (dates.length > 0 && last! < dates.length - 1) options.stop = dates[last!];
  request.options = options;
  for (const [key, select] of Object.entries(FILTER_SELECTS)) if (select.value) request[key as keyof typeof FILTER_SELECTS] = [select.value];
  return request;
}

function sendRequest(): void {
  metrics.requested();
  vscode.postMessage({ type: 'request', request: currentRequest() });
}

// A change of type first offers what applies to the new type (and resets a choice that does not).
type.addEventListener('change', () => offerChoices());
for (const control of [network, ranking, ...OPTION_SELECTS.map((id) => $(id)), $('isolates'), ...Object.values(FILTER_SELECTS), start, stop, at]) control.addEventListener('change', sendRequest);
for (const control of [cap, $('excludeActors'), $('excludeConcepts')]) control.addEventListener('change', sendRequest);
start.addEventListener('input', showRange);
stop.addEventListener('input', showRange);
network.addEventListener('change', showNetworkControls);
at.addEventListener('input', showAt);

/** The DNA options for the relation graph's date slider: one or the other, by the network shown. */
function showNetworkControls(): void {
  dna.hidden = network.value !== 'discourse';
  when.hidden = network.value === 'discourse';
}

function showAt(): void {
  atDate.textContent = dateAt(relationDates, Number(at.value)) ?? 'any date';
}

/** Fills a select with `values`, keeping its value when it is one of them. */
function offer(select: HTMLSelectElement, values: string[]): void {
  const chosen = select.value;
  select.textContent = '';
  for (const value of values) {
    const element = document.createElement('option');
    element.value = value;
    element.textContent = value;
    select.appendChild(element);
  }
  select.value = values.includes(chosen) ? chosen : (values[0] ?? '');
}

/** The qualifier aggregations, normalizations and columns the chosen type offers; a choice that does not apply is reset (controlModel). */
function offerChoices(): void {
  const shown = applicableOptions(choices, { type: type.value, qualifierAggregation: qualifier.value, normalization: normalization.value });
  const offered = controlsFor(choices, type.value);
  offer(qualifier, offered.qualifierAggregation);
  offer(normalization, offered.normalization);
  qualifier.value = shown.qualifierAggregation;
  normalization.value = shown.normalization;
  columnsControl.hidden = !offered.columns;
}
layoutButton.addEventListener('click', () => (view.layoutRunning ? view.stopLayout() : view.runLayout()));

function showRange(): void {
  const [first, last] = [Number(start.value), Number(stop.value)].sort((a, b) => a - b);
  range.textContent = dates.length === 0 ? 'no text has a published date' : `${dates[first!]} – ${dates[last!]}`;
}

// ---- Request -> controls (the answer says what it answers).
function fillSelect(select: HTMLSelectElement, all: string, options: { value: string; label: string }[], chosen: string | undefined): void {
  select.textContent = '';
  for (const option of [{ value: '', label: all }, ...options]) {
    const element = document.createElement('option');
    element.value = option.value;
    element.textContent = option.label;
    select.appendChild(element);
  }
  select.value = chosen && options.some((option) => option.value === chosen) ? chosen : '';
}

function showRequest(request: NetworkViewRequest, result: NetworkResult): void {
  network.value = request.graph ?? 'relations';
  showNetworkControls();
  choices = result.choices ?? choices;
  // No cap in the request: the server's default (the setting's default too).
  cap.value = String(request.cap ?? 500);
  ranking.value = request.ranking ?? 'weighted-degree';
  const options = request.options ?? {};
  // The choices of the request's type first, then the request's values among them (one that does not apply is reset).
  if (typeof options.type === 'string') type.value = options.type;
  offerChoices();
  for (const id of OPTION_SELECTS) if (typeof options[id] === 'string') $<HTMLSelectElement>(id).value = options[id]!;
  offerChoices();
  fillSelect(FILTER_SELECTS.texts, 'All texts', result.texts.map((text) => ({ value: text.uri, label: text.label })), request.texts?.[0]);
  fillSelect(FILTER_SELECTS.concepts, 'All concepts', result.concepts.map((concept) => ({ value: concept.id, label: concept.label })), request.concepts?.[0]);
  fillSelect(FILTER_SELECTS.stances, 'All stances', result.stances.map((stance) => ({ value: stance, label: stance })), request.stances?.[0]);
  dates = result.published;
  const last = String(Math.max(dates.length - 1, 0));
  for (const slider of [start, stop]) {
    slider.max = last;
    slider.disabled = dates.length < 2;
  }
  relationDates = result.relationDates ?? [];
  at.max = String(relationDates.length);
  at.disabled = relationDates.length === 0;
  at.value = String(positionOf(relationDates, request.at));
  showAt();
  start.value = String(options.start ? Math.max(dates.indexOf(options.start), 0) : 0);
  stop.value = options.stop && dates.includes(options.stop) ? String(dates.indexOf(options.stop)) : last;
  showRange();
}

function legendItem(colour: string, label: string, shape: 'dot' | 'square' | 'line'): void {
  const item = document.createElement('span');
  item.className = 'item';
  const swatch = document.createElement('span');
  swatch.className = `swatch ${shape}`;
  swatch.style.setProperty('--swatch', colour);
  item.append(swatch, label);
  legend.appendChild(item);
}

function draw(result: NetworkResult): void {
  legend.textContent = '';
  notes.textContent = [...result.notes, ...viewNotes].join(' ');
  hideCard();
  const graph = result.graph;
  if (!graph) {
    status.textContent = result.ready ? 'No annotations in this workspace.' : 'Indexing the annotations…';
    return;
  }
  const kinds = colourMap(graph.nodes.filter((node) => node.kind === 'actor').map((node) => node.actorKind || 'unknown'));
  void view.show(graph, kinds).then((shown) => {
    if (!shown) return;
    metrics.kept(shown.kept);
    if (!shown.arrows && graph.edges.some((edge) => edge.directed)) notes.textContent = `${notes.textContent} Over ${ARROW_EDGE_LIMIT.toLocaleString('en')} edges, directed ones are drawn without arrow heads (an export keeps their direction).`.trim();
    // The matches of the new graph (the search looks at the graph the view has).
    if (search.value) showMatches();
  });
  const number = (n: number) => n.toLocaleString('en');
  const nodes = graph.nodes.length < graph.totalNodes ? `showing ${number(graph.nodes.length)} of ${number(graph.totalNodes)} nodes` : `${number(graph.nodes.length)} nodes`;
  const edges = graph.edges.length < graph.totalEdges ? `${number(graph.edges.length)} of ${number(graph.totalEdges)} edges` : `${number(graph.edges.length)} edges`;
  status.textContent = `${graph.label}: ${nodes}, ${edges}${result.ready ? '' : ' (still indexing)'}`;
  if (graph.nodes.length === 0) notes.textContent = `${notes.textContent} Nothing to draw: no claims match these options.`.trim();
  for (const [kind, colour] of kinds) legendItem(colour, kind.replace(/-/g, ' '), 'dot');
  if (graph.nodes.some((node) => node.kind === 'concept')) legendItem(CONCEPT_COLOUR, 'concept', 'square');
  if (graph.id === 'relations') for (const [type, colour] of relationColours(graph)) legendItem(colour, type.replace(/-/g, ' '), 'line');
  else if (graph.id === 'affiliation') for (const stance of ['supports', 'rejects', 'both']) legendItem(EDGE_COLOURS[stance]!, stance, 'line');
  else {
    // One-mode: the edge type is the qualifier aggregation (core/network's matrix, as the network command computes it).
    const aggregation = graph.edges[0]?.type ?? 'ignore';
    legendItem(EDGE_COLOURS[graph.id]!, ONE_MODE_LEGEND[aggregation] ?? aggregation, 'line');
    if (aggregation === 'subtract') legendItem(EDGE_COLOURS.conflict!, 'disagree more than agree', 'line');
  }
}

window.addEventListener('message', (event: MessageEvent<NetworkPanelMessage>) => {
  const message = event.data;
  if (message?.type === 'details') {
    cards.set(message.id, message.details?.card ?? null);
    if (wanted?.id === message.id) placeCard();
    return;
  }
  if (message?.type !== 'data') return;
  metrics.received();
  cards.clear();
  const data = unpackResult(message.data);
  showRequest(message.request, data);
  draw(data);
});
status.textContent = 'Waiting for the language server…';
vscode.postMessage({ type: 'ready' });
