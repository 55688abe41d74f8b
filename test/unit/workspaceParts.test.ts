import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_VOCABULARY, normalizeForMatch, parseAnnotationFile, type AnnotationFile } from '../../server/src/core';
import { DocumentStore } from '../../server/src/core/workspace/documentStore';
import { aliasChange, Registry } from '../../server/src/core/workspace/registry';
import { REPO_ROOT } from '../helpers/tempWorkspace';
import { uriOf, yaml } from '../helpers/memoryWorkspace';
import { ACTORS, CLAIMS, CONCEPTS } from './features/fixture';

const MORE_ACTORS = yaml(
  'actors:',
  '  - id: isi',
  '    name: Inter-Services Intelligence, again',
  '    aliases: [ISI, the agency]',
  '    relations:',
  '      - type: part-of',
  '        target: imran-khan',
  '  - id: pti',
  '    name: Pakistan Tehreek-e-Insaf',
  '    aliases: [PTI, Taliban]',
);

function parsed(path: string, content: string): AnnotationFile {
  return parseAnnotationFile(uriOf(path), content, DEFAULT_VOCABULARY);
}

const FILES = [parsed('annotations/actors.yaml', ACTORS), parsed('annotations/concepts.yaml', CONCEPTS), parsed('annotations/claims.yaml', CLAIMS), parsed('annotations/more.yaml', MORE_ACTORS)];

/** Everything a registry answers about the ids and aliases of the fixture files. */
function registrySnapshot(registry: Registry): unknown {
  const actorIds = registry.sortedActorIds();
  const conceptIds = registry.sortedConceptIds();
  const aliasKeys = [...registry.aliasKeys()].sort();
  return {
    actorIds,
    conceptIds,
    actors: actorIds.map((id) => [registry.actorDefinitions(id), registry.actorReferences(id)]),
    concepts: conceptIds.map((id) => [registry.conceptDefinitions(id), registry.conceptReferences(id)]),
    claims: ['khan-civilians', 'isi-backs'].map((id) => registry.claimDefinitions(id)),
    stances: registry.stancesOf('imran-khan', 'taliban-is-military'),
    relations: [registry.relationsBetween('isi', 'taliban'), registry.relationsBetween('imran-khan', 'isi')],
    hierarchy: [...registry.hierarchyEdges()].sort(),
    aliases: aliasKeys.map((key) => [key, registry.aliasOwners(key), registry.aliasEntry(key)]),
    fileAliases: FILES.map((file) => registry.aliasesOf(file.uri)),
  };
}

function registryOf(files: AnnotationFile[]): Registry {
  const registry = new Registry();
  for (const file of files) registry.add(file);
  return registry;
}

describe('the workspace index’s parts', () => {
  it('the registry answers the same whatever order files were added in', () => {
    const forwards = registrySnapshot(registryOf(FILES));
    assert.deepEqual(registrySnapshot(registryOf([...FILES].reverse())), forwards);
    assert.deepEqual(registrySnapshot(registryOf([FILES[3], FILES[1], FILES[0], FILES[2]])), forwards);
  });

  it('removing a file from the registry undoes adding it, and only it', () => {
    for (const removed of FILES) {
      const registry = registryOf(FILES);
      registry.remove(removed.uri, removed);
      assert.deepEqual(registrySnapshot(registry), registrySnapshot(registryOf(FILES.filter((file) => file !== removed))), removed.uri);
    }
    const emptied = registryOf(FILES);
    for (const file of FILES) emptied.remove(file.uri, file);
    assert.deepEqual(registrySnapshot(emptied), registrySnapshot(new Registry()));
  });

  it('an alias shared by two actors stands for both, first spelling first', () => {
    const registry = registryOf(FILES);
    const key = (alias: string) => normalizeForMatch(alias).trim();
    assert.deepEqual(registry.aliasEntry(key('Taliban')), { alias: 'Taliban', actorIds: ['taliban', 'pti'] });
    assert.deepEqual(registry.aliasEntry(key('ISI')), { alias: 'ISI', actorIds: ['isi'] });
    assert.deepEqual(registry.aliasOwners(key('ISI')).map((owner) => owner.uri), [uriOf('annotations/actors.yaml'), uriOf('annotations/more.yaml')]);
    assert.equal(registry.aliasEntry('no such alias'), undefined);
  });

  it('an alias change names the aliases whose owners differ, and those still present', () => {
    const a = { key: 'isi', pair: 'ISI\u0000isi' };
    const b = { key: 'taliban', pair: 'Taliban\u0000taliban' };
    assert.deepEqual(aliasChange([a, b], [a, b]), { changed: [], present: [] });
    assert.deepEqual(aliasChange([a, b], [a]), { changed: ['taliban'], present: [] });
    assert.deepEqual(aliasChange([a], [a, b]), { changed: ['taliban'], present: ['taliban'] });
    assert.deepEqual(aliasChange([a], [{ key: 'isi', pair: 'ISI\u0000pti' }]), { changed: ['isi'], present: ['isi'] });
    assert.deepEqual(aliasChange([a], [a, { key: 'isi', pair: 'Isi\u0000pti' }]), { changed: ['isi'], present: ['isi'] }, 'a second owner of the same alias is a change');
  });

  it('the document store knows a text as referenced exactly while an annotation file points at it, and pending until supplied', () => {
    const store = new DocumentStore();
    const text = uriOf('annotations/texts/a.txt');
    const annotation = uriOf('annotations/claims.yaml');
    assert.equal(store.linkText(annotation, { kind: 'ok', uri: text }), text);
    store.touchText(text);
    assert.deepEqual(store.referencedTexts(), [text]);
    assert.deepEqual(store.pendingTexts(), [text]);
    assert.equal(store.textStatus(text), 'unknown');
    const stamp = store.textStampByKey(text);
    store.storeDocument(text, 'The ISI backs the Taliban.');
    store.touchText(text);
    assert.notEqual(store.textStampByKey(text), stamp, 'a changed text gets a new stamp');
    assert.equal(store.textStatus(text), 'loaded');
    assert.deepEqual(store.pendingTexts(), []);
    assert.equal(store.unlinkText(annotation), text);
    assert.deepEqual(store.referencedTexts(), []);
    assert.equal(store.isText(text), false);
    assert.equal(store.unlinkText(annotation), undefined, 'unlinking twice finds nothing');
  });

  it('only the loaders, the live workspace and planFixes import the mutable index or its parts', () => {
    const core = path.join(REPO_ROOT, 'server/src');
    const allowed = /^core\/(workspace\/|live\/|index\.ts$|fixes\/fixAll\.ts$)/;
    const mutable = /from '[./]*(?:workspace\/)?(?:workspaceIndex|documentStore|registry|textAnalyses|mentionUsage)'|\bWorkspaceIndex\b/;
    const offenders = (readdirSync(core, { recursive: true }) as string[])
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => file.endsWith('.ts') && !allowed.test(file) && mutable.test(readFileSync(path.join(core, file), 'utf8')));
    assert.deepEqual(offenders, [], 'these files should take a WorkspaceView instead');
  });
});
