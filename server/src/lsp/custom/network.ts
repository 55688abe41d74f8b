import type { Location } from 'vscode-languageserver';
import { DEFAULT_VOCABULARY, type Span, type WorkspaceView } from '../../core';
import { actorCard } from '../../core/features/actorCard';
import { renderPlainText } from '../../core/features/card';
import { oneLine } from '../../core/features/markdown';
import { relativePath } from '../../core/uris';
import { forEachCancellable, throwIfCancelled, unlessCancelled } from '../cancellation';
import { toLocation } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';
import { indexOfFolder } from './export';
import { capGraph, publishedTexts, selectGraph } from './networkGraph';
import { NetworkRequest, type NetworkParams, type NetworkResult } from '../../protocol';

/** A concept's hover card in the view, as plain text (the view shows it as text, never as HTML). */
function conceptCard(index: WorkspaceView, id: string): string {
  const concept = index.concept(id);
  const label = concept?.label?.value ?? id;
  const sections = [`${label} · concept · ${id}`];
  if (concept?.description) sections.push(oneLine(concept.description.value, 600));
  return sections.join('\n\n');
}

/**
 * `policyAnnotator/network`: the data of the Actor network view, one graph
 * at a time: the actor relation graph, or a discourse network described by
 * DNA's options and a time range (./networkGraph). The graph is capped to
 * its best-ranked nodes before anything per node is computed, and the
 * per-node work (definition, hover card) runs in slices that let other
 * requests (a hover) through, so a workspace of thousands of actors does
 * not hold the server.
 */
export function registerNetworkRequest(session: ServerSession): void {
  const { connection, log, workspace } = session;
  connection.onRequest(
    NetworkRequest,
    guardRequest(log, NetworkRequest.method, async (params: NetworkParams | undefined, token): Promise<NetworkResult> => {
      await unlessCancelled(workspace.whenReady(), token);
      const index = indexOfFolder(session, params?.folderUri);
      const vocabulary = index?.config.vocabulary ?? DEFAULT_VOCABULARY;
      if (!index) return { ready: workspace.isReady, notes: [], texts: [], concepts: [], stances: [...vocabulary.stances], published: [], details: {} };
      const { graph: full, notes } = selectGraph(index, params);
      throwIfCancelled(token);
      const graph = capGraph(full, params?.cap, params?.ranking);

      const at = (uri: string, span: Span): Location | undefined => {
        const lines = session.linesOf(uri);
        return lines && toLocation(session.clientUri(uri), lines, span);
      };
      const details: NetworkResult['details'] = {};
      await forEachCancellable(graph.nodes, token, (node) => {
        const actor = node.kind === 'actor';
        const definition = actor ? index.actorDefinitions(node.ref)[0] : index.conceptDefinitions(node.ref)[0];
        const location = definition && at(definition.uri, definition.id?.range ?? definition.range);
        details[node.id] = { card: actor ? renderPlainText(actorCard(index, node.ref)) : conceptCard(index, node.ref), ...(location ? { location } : {}) };
      });

      const folder = index.workspaceFolders[0] ?? '';
      const texts = publishedTexts(index);
      return {
        ready: workspace.isReady,
        graph,
        notes,
        texts: [...texts.keys()].sort().map((uri) => ({ uri: session.clientUri(uri), label: relativePath(folder, uri) ?? uri })),
        concepts: index.conceptIds().map((id) => ({ id, label: index.concept(id)?.label?.value ?? id })),
        stances: [...vocabulary.stances],
        published: [...new Set([...texts.values()].filter((date): date is string => date !== undefined))].sort(),
        details,
      };
    }),
  );
}
