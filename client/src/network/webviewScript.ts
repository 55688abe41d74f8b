/// <reference lib="dom" />
/*
 * The script of the Actor network webview. It runs in the webview, not in
 * the extension host: the panel inlines `networkWebviewMain.toString()` in a
 * <script> with the page's nonce. So this function must be self-contained:
 * it may use only what it declares inside itself and the DOM, never an
 * import or anything else of this module. Types are the exception: they
 * are erased, so the data it draws is typed by the shared protocol.
 *
 * It draws one graph of the data the server sent (policyAnnotator/network)
 * as SVG with its own force-directed layout, and posts back what the user
 * does: a change of filter (the extension asks the server again), a click
 * on a node (the extension opens its definition).
 */

import type { NetworkEdgeInfo, NetworkGraphInfo, NetworkResult } from '../protocol';

/** The messages the webview posts to the extension. */
export type NetworkViewMessage =
  | { type: 'ready' }
  | { type: 'filter'; texts: string[]; concepts: string[]; stances: string[] }
  | { type: 'open'; id: string };

export function networkWebviewMain(): void {
  type Edge = NetworkEdgeInfo;
  type Graph = NetworkGraphInfo;
  type Data = NetworkResult;
  interface Point {
    x: number;
    y: number;
  }
  type VsCodeApi = { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };

  const vscode = (globalThis as unknown as { acquireVsCodeApi(): VsCodeApi }).acquireVsCodeApi();
  const SVG = 'http://www.w3.org/2000/svg';
  const KIND_COLOURS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bcbd22', '#d37295', '#a0cbe8'];
  const RELATION_COLOURS = ['#4e79a7', '#b07aa1', '#f28e2b', '#76b7b2', '#9c755f', '#edc948', '#e15759', '#59a14f'];
  const EDGE_COLOURS: Record<string, string> = { congruence: '#2e9d4f', conflict: '#d73a3a', supports: '#2e9d4f', rejects: '#d73a3a', both: '#e0a030' };
  const CONCEPT_COLOUR = '#8a8a8a';

  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const graphSelect = $<HTMLSelectElement>('network');
  const textSelect = $<HTMLSelectElement>('text');
  const conceptSelect = $<HTMLSelectElement>('concept');
  const stanceSelect = $<HTMLSelectElement>('stance');
  const canvas = $<HTMLDivElement>('canvas');
  const legend = $<HTMLDivElement>('legend');
  const status = $<HTMLDivElement>('status');
  const card = $<HTMLDivElement>('card');

  let data: Data | undefined;
  const saved = (vscode.getState() ?? {}) as { graph?: string };
  let graphId = saved.graph ?? 'relations';
  graphSelect.value = graphId;

  // ---- Markdown of the hover cards: escaped first, then a few inline forms, paragraphs and lists.
  function escapeHtml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  function inline(text: string): string {
    const kept: string[] = [];
    const keep = (html: string) => `\uE000${kept.push(html) - 1}\uE001`;
    let html = escapeHtml(text);
    html = html.replace(/\\([!-/:-@[-`{-~])/g, (_m, ch: string) => keep(ch));
    // A code span's fence is as long as the card needs (longer than any backtick run inside), with a padding space around backticks.
    html = html.replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (_m, _fence: string, code: string) => keep(`<code>${code.replace(/^ ([\s\S]*) $/, '$1')}</code>`));
    html = html.replace(/\[([^\]]+)\]\([^)]*\)/g, (_m, label: string) => `<span class="link">${label}</span>`);
    html = html.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
    html = html.replace(/\*([^*]+)\*/g, '<em>$1</em>');
    html = html.replace(/(^|\W)_([^_]+)_(?=\W|$)/g, '$1<em>$2</em>');
    return html.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => kept[Number(i)]);
  }
  function markdownToHtml(markdown: string): string {
    return markdown
      .split(/\n\s*\n/)
      .map((block) => {
        const lines = block.split('\n');
        const items = lines.filter((line) => /^\s*[-*] /.test(line));
        if (items.length === 0) return `<p>${lines.map(inline).join('<br>')}</p>`;
        const head = lines.filter((line) => !/^\s*[-*] /.test(line));
        return `${head.length > 0 ? `<p>${head.map(inline).join('<br>')}</p>` : ''}<ul>${items.map((line) => `<li>${inline(line.replace(/^\s*[-*] /, ''))}</li>`).join('')}</ul>`;
      })
      .join('');
  }

  // ---- Colours: stable per kind and relation type, in the order of their names.
  function colourMap(names: string[], palette: string[]): Map<string, string> {
    return new Map([...new Set(names)].sort().map((name, i) => [name, palette[i % palette.length]]));
  }

  // ---- Layout: Fruchterman–Reingold from a circle, the same every time for the same graph.
  function layout(graph: Graph, width: number, height: number): Map<string, Point> {
    const nodes = graph.nodes;
    const positions = new Map<string, Point>();
    const n = nodes.length;
    const radius = Math.min(width, height) * 0.4;
    nodes.forEach((node, i) => positions.set(node.id, { x: width / 2 + radius * Math.cos((2 * Math.PI * i) / Math.max(n, 1)), y: height / 2 + radius * Math.sin((2 * Math.PI * i) / Math.max(n, 1)) }));
    if (n < 2) return positions;
    const k = Math.sqrt((width * height) / n) * 0.6;
    const points = nodes.map((node) => positions.get(node.id)!);
    const indexOf = new Map(nodes.map((node, i) => [node.id, i]));
    const links = graph.edges.map((edge) => [indexOf.get(edge.source), indexOf.get(edge.target)]).filter((link): link is [number, number] => link[0] !== undefined && link[1] !== undefined && link[0] !== link[1]);
    let temperature = Math.min(width, height) / 8;
    const GRAVITY = 1;
    const margin = 30;
    const iterations = 300;
    for (let step = 0; step < iterations; step++) {
      const dx = new Float64Array(n);
      const dy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let x = points[i].x - points[j].x;
          let y = points[i].y - points[j].y;
          let d2 = x * x + y * y;
          if (d2 < 0.01) {
            x = ((i * 7 + j * 13) % 10) - 5 || 1;
            y = ((i * 11 + j * 3) % 10) - 5 || 1;
            d2 = x * x + y * y;
          }
          const force = (k * k) / d2;
          dx[i] += x * force;
          dy[i] += y * force;
          dx[j] -= x * force;
          dy[j] -= y * force;
        }
      }
      for (const [a, b] of links) {
        const x = points[a].x - points[b].x;
        const y = points[a].y - points[b].y;
        const d = Math.sqrt(x * x + y * y) || 0.01;
        const force = d / k;
        dx[a] -= x * force;
        dy[a] -= y * force;
        dx[b] += x * force;
        dy[b] += y * force;
      }
      for (let i = 0; i < n; i++) {
        // A pull to the centre keeps isolates and separate components near the rest, and the frame keeps them on screen.
        dx[i] += (width / 2 - points[i].x) * GRAVITY;
        dy[i] += (height / 2 - points[i].y) * GRAVITY;
        const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
        points[i].x = Math.min(width - margin, Math.max(margin, points[i].x + (dx[i] / d) * Math.min(d, temperature)));
        points[i].y = Math.min(height - margin, Math.max(margin, points[i].y + (dy[i] / d) * Math.min(d, temperature)));
      }
      temperature *= 0.985;
    }
    return positions;
  }

  function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
    parent?.appendChild(element);
    return element;
  }

  function edgeColour(graph: Graph, edge: Edge, relationColours: Map<string, string>): string {
    if (graph.id === 'relations') return relationColours.get(edge.type) ?? '#888';
    if (graph.id === 'congruence' || graph.id === 'conflict') return EDGE_COLOURS[graph.id];
    return EDGE_COLOURS[edge.type] ?? '#888';
  }

  /** A legend entry, built with the DOM: the page's policy allows no inline style attributes. */
  function legendItem(colour: string, label: string, shape: 'dot' | 'square' | 'line'): void {
    const item = document.createElement('span');
    item.className = 'item';
    const swatch = document.createElement('span');
    swatch.className = `swatch ${shape}`;
    swatch.style.setProperty('--swatch', colour);
    item.append(swatch, label);
    legend.appendChild(item);
  }

  function showCard(id: string, event: MouseEvent): void {
    const details = data?.details[id];
    if (!details) return;
    card.innerHTML = markdownToHtml(details.card);
    card.hidden = false;
    const margin = 14;
    const box = card.getBoundingClientRect();
    let left = event.clientX + margin;
    let top = event.clientY + margin;
    if (left + box.width > window.innerWidth) left = Math.max(0, event.clientX - box.width - margin);
    if (top + box.height > window.innerHeight) top = Math.max(0, window.innerHeight - box.height - margin);
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
  }

  function draw(): void {
    canvas.textContent = '';
    legend.textContent = '';
    card.hidden = true;
    if (!data) {
      status.textContent = 'Waiting for the language server…';
      return;
    }
    const graph = data.graphs.find((g) => g.id === graphId) ?? data.graphs[0];
    if (!graph) {
      status.textContent = data.ready ? 'No annotations in this workspace.' : 'Indexing the annotations…';
      return;
    }
    const actors = graph.nodes.filter((node) => node.kind === 'actor').length;
    status.textContent = `${graph.label}: ${actors} actors${graph.nodes.length > actors ? `, ${graph.nodes.length - actors} concepts` : ''}, ${graph.edges.length} edges${data.ready ? '' : ' (still indexing)'}`;
    if (graph.nodes.length === 0) {
      canvas.innerHTML = '<p class="empty">Nothing to draw: no claims match these filters.</p>';
      return;
    }
    const width = Math.max(canvas.clientWidth, 400);
    const height = Math.max(canvas.clientHeight, 300);
    const positions = layout(graph, width, height);
    const kindColours = colourMap(graph.nodes.filter((n) => n.kind === 'actor').map((n) => n.actorKind || 'unknown'), KIND_COLOURS);
    const relationColours = colourMap(graph.id === 'relations' ? graph.edges.map((e) => e.type) : [], RELATION_COLOURS);
    const degree = new Map<string, number>();
    for (const edge of graph.edges) {
      degree.set(edge.source, (degree.get(edge.source) ?? 0) + edge.weight);
      degree.set(edge.target, (degree.get(edge.target) ?? 0) + edge.weight);
    }

    // Fit the drawing to the panel, labels included.
    const xs = [...positions.values()].map((p) => p.x);
    const ys = [...positions.values()].map((p) => p.y);
    const pad = 60;
    const minX = Math.min(...xs) - pad;
    const minY = Math.min(...ys) - pad / 2;
    const boxWidth = Math.max(...xs) - Math.min(...xs) + 2 * pad;
    const boxHeight = Math.max(...ys) - Math.min(...ys) + pad;
    const root = svg('svg', { id: 'graph', viewBox: `${minX} ${minY} ${boxWidth} ${boxHeight}`, width: '100%', height: '100%', role: 'img', 'aria-label': graph.label }, canvas);
    const defs = svg('defs', {}, root);
    const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 22, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' }, defs);
    svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow' }, marker);

    const edgeLayer = svg('g', { class: 'edges' }, root);
    for (const edge of graph.edges) {
      const a = positions.get(edge.source);
      const b = positions.get(edge.target);
      if (!a || !b) continue;
      const line = svg('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: edgeColour(graph, edge, relationColours), 'stroke-width': Math.min(1.2 + Math.log2(edge.weight) * 1.5, 7), class: 'edge', 'data-type': edge.type }, edgeLayer);
      if (edge.directed) line.setAttribute('marker-end', 'url(#arrow)');
      const source = graph.nodes.find((n) => n.id === edge.source)?.label ?? edge.source;
      const target = graph.nodes.find((n) => n.id === edge.target)?.label ?? edge.target;
      svg('title', {}, line).textContent = `${source} ${edge.directed ? '→' : '—'} ${target}: ${edge.type}${edge.weight !== 1 ? ` (weight ${edge.weight})` : ''}`;
    }

    const nodeLayer = svg('g', { class: 'nodes' }, root);
    for (const node of graph.nodes) {
      const p = positions.get(node.id)!;
      const group = svg('g', { class: `node ${node.kind}`, 'data-id': node.id, transform: `translate(${p.x} ${p.y})`, tabindex: 0, role: 'button', 'aria-label': node.label }, nodeLayer);
      const r = 7 + Math.min(Math.sqrt(degree.get(node.id) ?? 0) * 2.5, 12);
      if (node.kind === 'concept') svg('rect', { x: -r, y: -r, width: 2 * r, height: 2 * r, rx: 3, fill: CONCEPT_COLOUR, class: 'shape' }, group);
      else svg('circle', { r, fill: kindColours.get(node.actorKind || 'unknown') ?? '#888', class: 'shape' }, group);
      svg('text', { x: 0, y: r + 12, 'text-anchor': 'middle', class: 'label' }, group).textContent = node.label.length > 40 ? `${node.label.slice(0, 39)}…` : node.label;
      group.addEventListener('mouseenter', (event) => showCard(node.id, event));
      group.addEventListener('mousemove', (event) => showCard(node.id, event));
      group.addEventListener('mouseleave', () => (card.hidden = true));
      group.addEventListener('click', () => vscode.postMessage({ type: 'open', id: node.id }));
      group.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') vscode.postMessage({ type: 'open', id: node.id });
      });
    }

    for (const [kind, colour] of kindColours) legendItem(colour, kind.replace(/-/g, ' '), 'dot');
    if (graph.nodes.some((node) => node.kind === 'concept')) legendItem(CONCEPT_COLOUR, 'concept', 'square');
    if (graph.id === 'relations') for (const [type, colour] of relationColours) legendItem(colour, type.replace(/-/g, ' '), 'line');
    else if (graph.id === 'affiliation') for (const stance of ['supports', 'rejects', 'both']) legendItem(EDGE_COLOURS[stance], stance, 'line');
    else legendItem(EDGE_COLOURS[graph.id], graph.id === 'congruence' ? 'agree on a concept (width: how many)' : 'disagree on a concept (width: how many)', 'line');
  }

  function fillSelect(select: HTMLSelectElement, all: string, options: { value: string; label: string }[]): void {
    const current = select.value;
    select.textContent = '';
    for (const option of [{ value: '', label: all }, ...options]) {
      const element = document.createElement('option');
      element.value = option.value;
      element.textContent = option.label;
      select.appendChild(element);
    }
    select.value = options.some((option) => option.value === current) ? current : '';
  }

  function sendFilter(): void {
    const one = (select: HTMLSelectElement) => (select.value ? [select.value] : []);
    vscode.postMessage({ type: 'filter', texts: one(textSelect), concepts: one(conceptSelect), stances: one(stanceSelect) });
  }

  graphSelect.addEventListener('change', () => {
    graphId = graphSelect.value;
    vscode.setState({ graph: graphId });
    draw();
  });
  for (const select of [textSelect, conceptSelect, stanceSelect]) select.addEventListener('change', sendFilter);
  let resizeTimer: number | undefined;
  window.addEventListener('resize', () => {
    if (resizeTimer !== undefined) clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(draw, 150);
  });
  window.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as { type: string; data?: Data };
    if (message.type !== 'data' || !message.data) return;
    data = message.data;
    fillSelect(textSelect, 'All texts', data.texts.map((text) => ({ value: text.uri, label: text.label })));
    fillSelect(conceptSelect, 'All concepts', data.concepts.map((concept) => ({ value: concept.id, label: concept.label })));
    fillSelect(stanceSelect, 'All stances', data.stances.map((stance) => ({ value: stance, label: stance })));
    draw();
  });
  draw();
  vscode.postMessage({ type: 'ready' });
}
