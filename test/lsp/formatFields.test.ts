import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Hover, LocationLink, MarkupContent } from 'vscode-languageserver-protocol';
import { fixture, fixtureOnDisk } from '../helpers/fixture';
import { threeActorsYaml } from '../helpers/threeActors';
import { positionAt, textIn } from './corpusWorkspace';
import { fileUri, serveWorkspace, type LspTestClient } from './lspTestClient';

// Format v1.1 fields over JSON-RPC: a claim made on behalf of an organization and relayed by a newspaper.
const FILES = fixture(
  { 'annotations/actors.yaml': `${threeActorsYaml()}  - id: gulf-monitor\n    name: Gulf Monitor\n    kind: media\n  - id: foreign-office\n    name: Ministry of Foreign Affairs\n    kind: government\n` },
  `
-- annotations/texts/article.txt --
The ISI backs the Taliban, says Imran Khan.
-- annotations/claims.yaml --
text: texts/article.txt
claims:
  - id: isi-backs-taliban
    claimant: imran-khan
    on-behalf-of: foreign-office
    reported-by: [gulf-monitor]
    quote: The ISI backs the Taliban
`,
);
const ACTORS = FILES['annotations/actors.yaml'];
const CLAIMS = FILES['annotations/claims.yaml'];

describe('format v1.1 fields over LSP', () => {
  const session = serveWorkspace(() => fixtureOnDisk(FILES), { pullDiagnostics: false });
  let client: LspTestClient;
  let claimsUri: string;
  before(() => {
    client = session.client;
    claimsUri = fileUri(path.join(session.workspace.dir, 'annotations', 'claims.yaml'));
  });
  const at = (offset: number) => ({ textDocument: { uri: claimsUri }, position: positionAt(CLAIMS, offset) });

  it('hovers over `reported-by` with the card of the newspaper, counting the claim it relays', async () => {
    const offset = CLAIMS.indexOf('gulf-monitor') + 2;
    const hover = await client.request<Hover>('textDocument/hover', at(offset));
    assert.equal(textIn(CLAIMS, hover.range!), 'gulf-monitor');
    assert.match((hover.contents as MarkupContent).value, /Gulf Monitor/);
    assert.match((hover.contents as MarkupContent).value, /1 relayed by it/);
  });

  it('goes from `on-behalf-of` to the organization’s definition', async () => {
    const links = await client.request<LocationLink[]>('textDocument/definition', at(CLAIMS.indexOf('foreign-office') + 3));
    assert.equal(links.length, 1);
    assert.equal(textIn(ACTORS, links[0].targetSelectionRange), 'foreign-office');
    assert.equal(textIn(CLAIMS, links[0].originSelectionRange!), 'foreign-office');
  });
});
