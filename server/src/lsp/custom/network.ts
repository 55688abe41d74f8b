import type { Location } from 'vscode-languageserver';
import { DEFAULT_VOCABULARY, type WorkspaceView } from '../../core';
import { actorCard } from '../../core/features/actorCard';
import { renderPlainText } from '../../core/features/card';
import { oneLine } from '../../core/features/markdown';
import { relativePath } from '../../core/uris';
import { RequestSlices, unlessCancelled } from '../cancellation';
import { toLocation } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';
import { indexOfFolder } from './export';
import type { Steps } from '../../core/network';
import { capGraph, networkChoices, publishedTexts, relationDates, selectGraphSteps } from './networkGraph';
import { NetworkNodeRequest, NetworkRequest, type NetworkNodeDetails, type NetworkNodeParams, type NetworkParams, type NetworkResult } from '../../protocol';

/** A concept's hover card in the view, as plain text (the view shows it as text, never as HTML). */
function conceptCard(index: WorkspaceView, id: string): string {
  const concept = index.concept(id);
  const label = concept?.label?.value ?? id;
  const sections = [`${label} · concept · ${id}`];
  if (concept?.description) sections.push(oneLine(concept.description.value, 600));
  return sections.join('\n\n');
}

/** Where a node of the view is defined, and its card; null for an id the workspace does not define. */
function nodeDetails(session: ServerSession, index: WorkspaceView, id: string): NetworkNodeDetails {
  const [prefix, ref] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  const kind = prefix === 'actor-column' ? 'actor' : prefix;
  if (kind !== 'actor' && kind !== 'concept') return null;
  const definition = kind === 'actor' ? index.actorDefinitions(ref)[0] : index.conceptDefinitions(ref)[0];
  if (!definition) return null;
  const lines = session.linesOf(definition.uri);
  const location: Location | undefined = lines && toLocation(session.clientUri(definition.uri), lines, definition.id?.range ?? definition.range);
  return { card: kind === 'actor' ? renderPlainText(actorCard(index, ref)) : conceptCard(index, ref), ...(location ? { location } : {}) };
}

/**
 * Runs a computation in steps a slice at a time (lsp/cancellation's
 * RequestSlices): between slices the server answers other requests (hovers,
 * completions) and a cancelled request stops.
 */
export async function runInSlices<T>(steps: Steps<T>, slices: RequestSlices): Promise<T> {
  await slices.start();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await slices.pauseIfDue();
  }
}

/**
 * `policyAnnotator/network`: the data of the Actor network view, one graph
 * at a time: the actor relation graph, or a discourse network described by
 * DNA's options and a time range, computed by the network engine in slices
 * so that the server keeps answering meanwhile (./networkGraph), capped to its
 * best-ranked nodes. Nothing per node is computed beyond the graph: a
 * node's card and definition come with `policyAnnotator/networkNode` when
 * the user points at it, so a graph of thousands of actors answers fast.
 */
export function registerNetworkRequest(session: ServerSession): void {
  const { connection, log, workspace } = session;
  connection.onRequest(
    NetworkRequest,
    guardRequest(log, NetworkRequest.method, async (params: NetworkParams | undefined, token): Promise<NetworkResult> => {
      await unlessCancelled(workspace.whenReady(), token);
      const index = indexOfFolder(session, params?.folderUri);
      const vocabulary = index?.config.vocabulary ?? DEFAULT_VOCABULARY;
      if (!index) return { ready: workspace.isReady, notes: [], texts: [], concepts: [], stances: [...vocabulary.stances], published: [], relationDates: [], choices: networkChoices() };
      const slices = new RequestSlices(token);
      const { graph: full, notes } = await runInSlices(selectGraphSteps(index, params), slices);
      await slices.pauseIfDue();
      const graph = capGraph(full, params?.cap, params?.ranking);
      const folder = index.workspaceFolders[0] ?? '';
      const texts = publishedTexts(index);
      const published = [...new Set([...texts.values()].filter((date): date is string => date !== undefined))].sort();
      return {
        ready: workspace.isReady,
        graph,
        notes,
        texts: [...texts.keys()].sort().map((uri) => ({ uri: session.clientUri(uri), label: relativePath(folder, uri) ?? uri })),
        concepts: index.conceptIds().map((id) => ({ id, label: index.concept(id)?.label?.value ?? id })),
        stances: [...vocabulary.stances],
        published,
        relationDates: relationDates(index, published),
        choices: networkChoices(),
      };
    }),
  );
  connection.onRequest(
    NetworkNodeRequest,
    guardRequest(log, NetworkNodeRequest.method, async (params: NetworkNodeParams | undefined, token): Promise<NetworkNodeDetails> => {
      await unlessCancelled(workspace.whenReady(), token);
      const index = indexOfFolder(session, params?.folderUri);
      return index && typeof params?.id === 'string' ? nodeDetails(session, index, params.id) : null;
    }),
  );
}
