// The Actor network view's request on a large workspace does not hold the
// server: it computes in slices (server/src/lsp/custom/network.ts), so a
// hover sent after it is answered before it, and a cancelled one stops.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LSPErrorCodes, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { NetworkRequest, type NetworkResult } from '../../server/src/protocol';
import { createTempWorkspace } from '../helpers/tempWorkspace';
import { fileUri, serveWorkspace } from './lspTestClient';

const ACTORS = 1500;
const FILES = 400;
const CLAIMS_PER_FILE = 12;
const CONCEPTS = 30;

/** ACTORS actors, CONCEPTS concepts and FILES × CLAIMS_PER_FILE claims spread over them: a one-mode network with tens of thousands of edges. */
function largeWorkspace(): Record<string, string> {
  const files: Record<string, string> = {
    'annotations/actors.yaml': ['actors:', '  - id: isi', '    name: Inter-Services Intelligence', '    aliases: [ISI]', '    kind: intelligence-agency', ...Array.from({ length: ACTORS }, (_, n) => `  - id: a${n}\n    name: Actor ${n}\n    kind: state`)].join('\n') + '\n',
    'annotations/concepts.yaml': ['concepts:', ...Array.from({ length: CONCEPTS }, (_, n) => `  - id: k${n}\n    label: Concept ${n}`)].join('\n') + '\n',
    'annotations/texts/article.txt': 'The ISI backs words.\n',
  };
  for (let f = 0; f < FILES; f++) {
    const claims = Array.from({ length: CLAIMS_PER_FILE }, (_, c) => {
      const n = f * CLAIMS_PER_FILE + c;
      return `  - id: c${n}\n    claimant: a${(n * 7) % ACTORS}\n    quote: words\n    concept: k${n % CONCEPTS}\n    stance: ${n % 3 === 0 ? 'rejects' : 'supports'}`;
    });
    files[`annotations/claims/f${f}.yaml`] = `text: ../texts/article.txt\npublished: 20${10 + (f % 10)}-01-01\nclaims:\n${claims.join('\n')}\n`;
  }
  return files;
}

describe('the network request keeps the server responsive', () => {
  const session = serveWorkspace(() => createTempWorkspace(largeWorkspace()), { pullDiagnostics: false });

  it('answers a hover sent after a large network request before that request', async () => {
    const { client, workspace } = session;
    const article = fileUri(path.join(workspace.dir, 'annotations/texts/article.txt'));
    await client.open(article, 'The ISI backs words.\n');
    const order: string[] = [];
    const network = client.request<NetworkResult>(NetworkRequest.method, { graph: 'discourse', options: { normalization: 'jaccard', isolates: true } }).then((result) => {
      order.push('network');
      return result;
    });
    const hover = client.request<Hover>('textDocument/hover', { textDocument: { uri: article }, position: { line: 0, character: 5 } }).then((result) => {
      order.push('hover');
      return result;
    });
    const [graph, card] = await Promise.all([network, hover]);
    assert.match((card.contents as MarkupContent).value, /ISI/);
    assert.equal(graph.graph!.totalNodes, ACTORS + 1, 'every actor, isolates too');
    assert.ok(graph.graph!.totalEdges > 10_000, `${graph.graph!.totalEdges} edges`);
    assert.deepEqual(order, ['hover', 'network']);
  });

  it('stops a cancelled network request', async () => {
    const answer = await session.client.requestAndCancel(NetworkRequest.method, { graph: 'discourse', options: { isolates: true } }).then(
      () => 'answered',
      (error: { code?: number }) => error.code,
    );
    assert.equal(answer, LSPErrorCodes.RequestCancelled);
  });
});
