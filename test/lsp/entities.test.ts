import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, InitializeResult, Location, LocationLink, MarkupContent, SemanticTokens } from 'vscode-languageserver-protocol';
import { copyCorpus, positionAt, textIn, type CorpusCopy } from './corpusWorkspace';
import { LspTestClient } from './lspTestClient';

const ARTICLE = 'annotations/texts/pakistan-taliban-qa.txt';
const ENTITIES = 'annotations/entities.yaml';
const CORRIDOR = 'China-Pakistan Economic Corridor';

describe('entities over JSON-RPC, on the sample corpus', () => {
  let corpus: CorpusCopy;
  let client: LspTestClient;
  let initialize: InitializeResult;
  let article: string;
  const at = (path: string, text: string, offset: number) => ({ textDocument: { uri: corpus.uri(path) }, position: positionAt(text, offset) });

  before(async () => {
    corpus = await copyCorpus();
    article = corpus.read(ARTICLE);
    ({ client, initialize } = await LspTestClient.start({ workspaceFolder: corpus.workspace.dir, pullDiagnostics: true }));
    await client.open(corpus.uri(ARTICLE), article);
    await client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end');
  });

  after(async () => {
    await client?.stop();
    corpus?.workspace.dispose();
  });

  it('hovers the corridor with the entity card, over the whole name (not over "China" inside it)', async () => {
    const offset = article.indexOf(CORRIDOR);
    const hover = await client.request<Hover>('textDocument/hover', at(ARTICLE, article, offset + 2));
    const card = (hover.contents as MarkupContent).value;
    assert.equal(textIn(article, hover.range!), CORRIDOR);
    assert.match(card, /\*\*China-Pakistan Economic Corridor\*\* · project \(entity\) · `cpec`/);
    assert.match(card, /\*Claims in this text:\* 1 claim about it/);
    assert.doesNotMatch(card, /Relations/);
    assert.match(card, /\[annotations\/entities\.yaml:\d+\]\(file:\/\/.*entities\.yaml#L\d+\)/);
  });

  it('goes from the Durand Line in the article to its definition in entities.yaml', async () => {
    const offset = article.indexOf('Durand Line');
    const result = await client.request<(Location | LocationLink)[] | Location>('textDocument/definition', at(ARTICLE, article, offset + 1));
    const targets = Array.isArray(result) ? result : [result];
    assert.equal(targets.length, 1);
    const target = targets[0];
    const uri = 'targetUri' in target ? target.targetUri : target.uri;
    const range = 'targetSelectionRange' in target ? target.targetSelectionRange : target.range;
    assert.equal(uri, corpus.uri(ENTITIES));
    assert.equal(textIn(corpus.read(ENTITIES), range), 'durand-line');
  });

  it('colours entity mentions with the entityMention token type of the legend', async () => {
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: corpus.uri(ARTICLE) } });
    const legend = (initialize.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
    const entityType = legend.tokenTypes.indexOf('entityMention');
    assert.ok(entityType >= 0);
    let line = 0;
    let character = 0;
    const found: string[] = [];
    const lines = article.split('\n');
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
      if (tokens.data[i + 3] === entityType) found.push(lines[line].slice(character, character + tokens.data[i + 2]));
    }
    assert.deepEqual([...new Set(found)].sort(), [CORRIDOR, 'Durand Line']);
  });
});

describe('the Actors view’s data over JSON-RPC: entities apart from actors', () => {
  let corpus: CorpusCopy;
  let client: LspTestClient;

  before(async () => {
    corpus = await copyCorpus();
    ({ client } = await LspTestClient.start({ workspaceFolder: corpus.workspace.dir, pullDiagnostics: true }));
    await client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end');
  });

  after(async () => {
    await client?.stop();
    corpus?.workspace.dispose();
  });

  it('lists the entities with their kinds and counts, not among the actors (the claimant pickers), and answers their activity', async () => {
    type Info = { id: string; kind: string; claims: number; claimsAbout: number; mentions: number; location: Location };
    const result = await client.request<{ ready: boolean; actors: Info[]; entities: Info[]; entityKinds: string[] }>('policyAnnotator/actors', {});
    assert.equal(result.ready, true);
    assert.deepEqual(result.entities.map((entity) => [entity.id, entity.kind]), [['cpec', 'project'], ['durand-line', 'place']]);
    assert.ok(!result.actors.some((actor) => actor.id === 'cpec' || actor.id === 'durand-line'));
    assert.ok(result.entityKinds.includes('place') && result.entityKinds.includes('project'));
    const corridor = result.entities[0];
    assert.equal(textIn(corpus.read(ENTITIES), corridor.location.range), 'cpec');
    assert.ok(corridor.claimsAbout >= 1 && corridor.mentions >= 1, JSON.stringify(corridor));
    const activity = await client.request<{ claims: { role: string }[]; mentions: unknown[] }>('policyAnnotator/actorActivity', { id: 'cpec' });
    assert.equal(activity.claims.filter((claim) => claim.role === 'about').length, corridor.claimsAbout);
    assert.equal(activity.mentions.length, corridor.mentions);
  });
});
