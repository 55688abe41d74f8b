import type { Location } from 'vscode-languageserver';
import { DEFAULT_VOCABULARY, type Span, type WorkspaceView } from '../../core';
import { buildDiscourseNetworks, type NetworkFilter, type NetworkGraph } from '../../core/export';
import { actorCard } from '../../core/features/actorCard';
import { renderMarkdown } from '../../core/features/card';
import { escapeMarkdown, inlineCode, oneLine } from '../../core/features/markdown';
import { relativePath } from '../../core/uris';
import { throwIfCancelled, unlessCancelled } from '../cancellation';
import { toLocation } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';
import { indexOfFolder } from './export';
import { NetworkRequest, type NetworkGraphId, type NetworkGraphInfo, type NetworkParams, type NetworkResult } from '../../protocol';

/** The order of the view's network selector: the relation graph first. */
const GRAPH_ORDER: NetworkGraphId[] = ['relations', 'congruence', 'conflict', 'affiliation'];

function graphInfo(graph: NetworkGraph): NetworkGraphInfo {
  return {
    id: graph.id,
    label: graph.label,
    nodes: graph.nodes.map((node) => ({
      id: node.id,
      label: node.label,
      kind: node.kind,
      actorKind: typeof node.attributes.actorKind === 'string' ? node.attributes.actorKind : '',
      ref: node.ref,
    })),
    edges: graph.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, type: edge.type, weight: edge.weight, directed: edge.directed })),
  };
}

function conceptCard(index: WorkspaceView, id: string): string {
  const concept = index.concept(id);
  const label = concept?.label?.value ?? id;
  const sections = [`**${escapeMarkdown(label)}** · concept · ${inlineCode(id)}`];
  if (concept?.description) sections.push(escapeMarkdown(oneLine(concept.description.value, 600)));
  return sections.join('\n\n');
}

/** Keeps only the strings of a filter list, and drops an empty list (no filter). */
function list(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const strings = value.filter((item): item is string => typeof item === 'string');
  return strings.length > 0 ? strings : undefined;
}

/**
 * `policyAnnotator/network`: the data of the Actor network view. The graphs
 * come from the same core function as the network export, so what the view
 * draws is what `export --format network` writes; with them, the filters'
 * choices, and for every node its definition and its hover card.
 */
export function registerNetworkRequest(session: ServerSession): void {
  const { connection, log, workspace } = session;
  connection.onRequest(
    NetworkRequest,
    guardRequest(log, NetworkRequest.method, async (params: NetworkParams | undefined, token): Promise<NetworkResult> => {
      await unlessCancelled(workspace.whenReady(), token);
      const index = indexOfFolder(session, params?.folderUri);
      const vocabulary = index?.config.vocabulary ?? DEFAULT_VOCABULARY;
      const empty: NetworkResult = { ready: workspace.isReady, graphs: [], texts: [], concepts: [], stances: [...vocabulary.stances], details: {} };
      if (!index) return empty;
      const filter: NetworkFilter = {};
      const texts = list(params?.texts);
      const concepts = list(params?.concepts);
      const stances = list(params?.stances);
      if (texts) filter.texts = texts;
      if (concepts) filter.concepts = concepts;
      if (stances) filter.stances = stances;
      const networks = buildDiscourseNetworks(index, filter);
      throwIfCancelled(token);

      const at = (uri: string, span: Span): Location | undefined => {
        const lines = session.linesOf(uri);
        return lines && toLocation(session.clientUri(uri), lines, span);
      };
      const details: NetworkResult['details'] = {};
      const graphs = GRAPH_ORDER.map((id) => graphInfo(networks[id]));
      for (const graph of graphs) {
        for (const node of graph.nodes) {
          if (details[node.id]) continue;
          if (node.kind === 'actor') {
            const definition = index.actorDefinitions(node.ref)[0];
            const location = definition && at(definition.uri, definition.id?.range ?? definition.range);
            details[node.id] = { card: renderMarkdown(actorCard(index, node.ref)), ...(location ? { location } : {}) };
          } else {
            const definition = index.conceptDefinitions(node.ref)[0];
            const location = definition && at(definition.uri, definition.id?.range ?? definition.range);
            details[node.id] = { card: conceptCard(index, node.ref), ...(location ? { location } : {}) };
          }
        }
      }

      const folder = index.workspaceFolders[0] ?? '';
      const annotatedTexts = new Set<string>();
      for (const file of index.annotationFiles()) {
        const reference = index.textReferenceOf(file.uri);
        if (reference?.kind === 'ok') annotatedTexts.add(reference.uri);
      }
      return {
        ready: workspace.isReady,
        graphs,
        texts: [...annotatedTexts].sort().map((uri) => ({ uri: session.clientUri(uri), label: relativePath(folder, uri) ?? uri })),
        concepts: index.conceptIds().map((id) => ({ id, label: index.concept(id)?.label?.value ?? id })),
        stances: [...vocabulary.stances],
        details,
      };
    }),
  );
}
